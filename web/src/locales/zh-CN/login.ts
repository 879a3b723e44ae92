export const login = { title: '登录', username: '用户名', password: '密码', submit: '登录', required: '请输入{field}' };
