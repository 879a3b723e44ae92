import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['12345678', 'PASSWORD_TOO_SHORT'],
    ['password', 'PASSWORD_TOO_SHORT'],
    ['        ', 'PASSWORD_TOO_SHORT'],
    ['            ', 'PASSWORD_TOO_COMMON'],
    ['password1234', 'PASSWORD_TOO_COMMON'],
    ['Password2026!', 'PASSWORD_TOO_COMMON'],
    ['P@ssw0rd2026', 'PASSWORD_TOO_SHORT'.replace('SHORT', 'COMMON')],
    ['qwerty123456', 'PASSWORD_TOO_COMMON'],
    ['1qaz2wsx3edc', 'PASSWORD_TOO_COMMON'],
    ['123456789012', 'PASSWORD_TOO_COMMON'],
    ['098765432109', 'PASSWORD_TOO_COMMON'],
    ['woaini1314520', 'PASSWORD_TOO_COMMON'],
    ['abcabcabcabc', 'PASSWORD_TOO_COMMON'],
    ['121212121212', 'PASSWORD_TOO_COMMON'],
    ['iloveyou!!!!', 'PASSWORD_TOO_COMMON'],
  ])('refuses %j (%s)', (password, code) => {
    expect(passwordProblem(password, 'zhangsan')?.code).toBe(code);
  });

  it('refuses a password holding the username, in any case', () => {
    expect(passwordProblem('my-Zhangsan-secret-2026', 'zhangsan')?.code).toBe('PASSWORD_CONTAINS_USERNAME');
  });

  it.each(['secretary-demo-2026', 'leader-demo-2026', 'test-password-2026', '春眠不觉晓处处闻啼鸟夜来', 'correct horse battery', '837261947362'])('accepts %j', (password) => {
    expect(passwordProblem(password, 'zhangsan')).toBeNull();
  });

  it('speaks Chinese first and English on request', () => {
    const problem = passwordProblem('short', 'x');
    expect(problem?.zh).toContain('至少需要 12 个字符');
    expect(problem?.en).toContain('at least 12 characters');
  });
});
