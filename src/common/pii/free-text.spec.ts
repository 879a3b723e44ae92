import { redactFreeText } from './free-text.js';

describe('redactFreeText', () => {
  it('masks every string at any depth, and the keys of plain objects, leaving the input untouched', () => {
    const view = {
      id: 'b31ce186-8427-4495-b8e2-f176b02ba2f2',
      code: 'XF-2026-000123',
      subject: '反映 420302198507151232 的问题 电话13872651234',
      timeline: [{ reason: 'ID420302198507151232', data: { requirements: ['回访 +86 138 7265 1234'], days: 30, done: true, none: null } }],
      byRegion: { 茅箭区phone13872651234: 2, 张湾区: 1 },
      at: '2026-11-26T02:00:00.000Z',
    };
    const copy = structuredClone(view);
    expect(redactFreeText(view)).toEqual({
      id: 'b31ce186-8427-4495-b8e2-f176b02ba2f2',
      code: 'XF-2026-000123',
      subject: '反映 420***********1232 的问题 电话138****1234',
      timeline: [{ reason: 'ID420***********1232', data: { requirements: ['回访 138****1234'], days: 30, done: true, none: null } }],
      byRegion: { '茅箭区phone138****1234': 2, 张湾区: 1 },
      at: '2026-11-26T02:00:00.000Z',
    });
    expect(view).toEqual(copy);
  });

  it('masks a text body and leaves class instances (dates, buffers) as they are', () => {
    expect(redactFreeText('# 报告\n电话 13872651234')).toBe('# 报告\n电话 138****1234');
    const at = new Date('2026-11-26T02:00:00Z');
    const bytes = Buffer.from('13872651234');
    expect(redactFreeText({ at, bytes }).at).toBe(at);
    expect(redactFreeText({ at, bytes }).bytes).toBe(bytes);
    expect(redactFreeText(undefined)).toBeUndefined();
  });
});
