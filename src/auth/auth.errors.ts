import { DomainError } from '../common/errors.js';
import type { PasswordProblem } from '../../config/password-policy.js';

const minutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

export const AuthErrors = {
  unauthenticated: () =>
    new DomainError('UNAUTHENTICATED', 401, { zh: '请先登录（缺少或无效的访问令牌）。', en: 'Please sign in (missing or invalid access token).' }),
  sessionEnded: () =>
    new DomainError('SESSION_ENDED', 401, { zh: '登录已失效（已退出、已过期或账号已变更），请重新登录。', en: 'Your session has ended (signed out, expired or the account changed); please sign in again.' }),
  badCredentials: () =>
    new DomainError('INVALID_CREDENTIALS', 401, { zh: '用户名或密码不正确。', en: 'Wrong username or password.' }),
  forbidden: () => new DomainError('FORBIDDEN', 403, { zh: '您的角色无权进行此操作。', en: 'Your role may not do this.' }),
  usernameTaken: () => new DomainError('USERNAME_TAKEN', 409, { zh: '该用户名已被使用。', en: 'This username is taken.' }),
  userNotFound: () => new DomainError('USER_NOT_FOUND', 404, { zh: '找不到该用户。', en: 'No such user.' }),
  weakPassword: (problem: PasswordProblem) =>
    new DomainError(problem.code, 400, { zh: problem.zh, en: problem.en }, [{ field: 'password', constraint: problem.code, message: problem.zh, messageEn: problem.en }]),
  wrongCurrentPassword: () =>
    new DomainError('INVALID_CREDENTIALS', 400, { zh: '当前密码不正确。', en: 'The current password is wrong.' }, [
      { field: 'currentPassword', constraint: 'INVALID_CREDENTIALS', message: '当前密码不正确', messageEn: 'The current password is wrong' },
    ]),
  unitRequired: () =>
    new DomainError('USER_UNIT_REQUIRED', 422, { zh: '承办单位账号必须指定所属单位（unitId）。', en: 'A unit account needs its unit (unitId).' }, [
      { field: 'unitId', constraint: 'USER_UNIT_REQUIRED', message: '承办单位账号必须指定所属单位', messageEn: 'A unit account needs its unit' },
    ]),
  unitNotAllowed: () =>
    new DomainError('USER_UNIT_NOT_ALLOWED', 422, { zh: '只有承办单位角色的账号才能指定所属单位（unitId）。', en: 'Only an account of role unit may name a unit (unitId).' }, [
      { field: 'unitId', constraint: 'USER_UNIT_NOT_ALLOWED', message: '只有承办单位角色的账号才能指定所属单位', messageEn: 'Only an account of role unit may name a unit' },
    ]),
  unitNotFound: () =>
    new DomainError('USER_UNIT_NOT_FOUND', 422, { zh: '指定的所属单位不存在。', en: 'The unit named does not exist.' }, [
      { field: 'unitId', constraint: 'USER_UNIT_NOT_FOUND', message: '所属单位不存在', messageEn: 'No such unit' },
    ]),
  unitInactive: () =>
    new DomainError('USER_UNIT_INACTIVE', 422, { zh: '指定的所属单位已停用，不能为其开设账号。', en: 'The unit named is disabled: it cannot have accounts.' }, [
      { field: 'unitId', constraint: 'USER_UNIT_INACTIVE', message: '所属单位已停用', messageEn: 'The unit is disabled' },
    ]),
  lastAdmin: () =>
    new DomainError('LAST_ADMIN', 409, { zh: '这是最后一个启用的管理员账号，不能停用或改为其他角色。', en: 'This is the last active admin account: it cannot be disabled or given another role.' }),
  loginLocked: (retryMs: number) =>
    new DomainError('LOGIN_LOCKED', 429, {
      zh: `登录失败次数过多，已暂时锁定，请 ${minutes(retryMs)} 分钟后再试。`,
      en: `Too many failed sign-ins; locked for now, try again in ${minutes(retryMs)} minute(s).`,
    }).withHeader('Retry-After', String(Math.ceil(retryMs / 1000))),
  tooManyRequests: (retryMs: number) =>
    new DomainError('TOO_MANY_REQUESTS', 429, {
      zh: `请求过于频繁，请 ${Math.max(1, Math.ceil(retryMs / 1000))} 秒后再试。`,
      en: `Too many requests; try again in ${Math.max(1, Math.ceil(retryMs / 1000))} s.`,
    }).withHeader('Retry-After', String(Math.max(1, Math.ceil(retryMs / 1000)))),
};
