import { adoptableRequestId, loggablePath } from './correlation.middleware.js';

describe('adoptableRequestId', () => {
  it.each(['console-4f2a', 'b31ce186-8427-4495-b8e2-f176b02ba2f2', 'req.2026-11-26.0001'])('adopts %p', (id) => {
    expect(adoptableRequestId(id)).toBe(true);
  });

  it.each([
    undefined,
    '13872651234',
    'a420302198507151232',
    'req-11010519491231002X',
    'phone13872651234',
    'x-0086-138-7265-1234',
    // UUID-shaped, with a mobile in its last group.
    '00000000-0000-0000-0000-a13872651234',
    '12345',
    'has space',
    'x'.repeat(65),
  ])('refuses %p', (id) => {
    expect(adoptableRequestId(id)).toBe(false);
  });
});

describe('loggablePath', () => {
  it.each([
    ['/cases/a420302198507151232', '/cases/a420***********1232'],
    ['/cases/a420302198507151232/timeline', '/cases/a420***********1232/timeline'],
    ['/cases/phone13872651234', '/cases/phone138****1234'],
    // 的 is %E7%9A%84: undecoded, the escape's last digit would hide the ID number inside a longer digit run.
    ['/cases/%E7%9A%84420302198507151232', '/cases/的420***********1232'],
    ['/cases/%2B86%20138%207265%201234', '/cases/138****1234'],
    ['/cases/%E0%A4%A', '/cases/%E0%A4%A'],
    ['/cases/b31ce186-8427-4495-b8e2-f176b02ba2f2', '/cases/b31ce186-8427-4495-b8e2-f176b02ba2f2'],
  ])('%p → %p', (path, logged) => {
    expect(loggablePath(path)).toBe(logged);
  });
});
