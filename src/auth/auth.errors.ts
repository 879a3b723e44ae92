import { DomainError } from '../common/errors.js';

export const AuthErrors = {
  unauthenticated: () =>
    new DomainError('UNAUTHENTICATED', 401, { zh: '请先登录（缺少或无效的访问令牌）。', en: 'Please sign in (missing or invalid access token).' }),
  badCredentials: () =>
    new DomainError('INVALID_CREDENTIALS', 401, { zh: '用户名或密码不正确。', en: 'Wrong username or password.' }),
  forbidden: () => new DomainError('FORBIDDEN', 403, { zh: '您的角色无权进行此操作。', en: 'Your role may not do this.' }),
  usernameTaken: (username: string) =>
    new DomainError('USERNAME_TAKEN', 409, { zh: `用户名“${username}”已被使用。`, en: `The username "${username}" is taken.` }),
};
