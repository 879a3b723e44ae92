export const login = { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', required: 'Please enter the {field}' };
