import { describe, expect, it } from 'vitest';
import { translate } from './useI18n';
import { deadlineClass, deadlineWords } from './deadlineText';

const t = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const running = { dueAt: '2026-12-10T15:59:59.999Z', daysLeft: 4, overdue: false, dueSoon: false };

describe('the running deadline', () => {
  it('paints what the API says: overdue red, due soon orange, otherwise plain', () => {
    expect(deadlineClass({ ...running, overdue: true, daysLeft: -2 })).toBe('deadline-overdue');
    expect(deadlineClass({ ...running, dueSoon: true, daysLeft: 2 })).toBe('deadline-soon');
    expect(deadlineClass(running)).toBe('');
  });

  it("words the API's working days left", () => {
    expect(deadlineWords(running, t)).toBe('剩 4 个工作日');
    expect(deadlineWords({ ...running, daysLeft: 0, dueSoon: true }, t)).toBe('今日到期');
    expect(deadlineWords({ ...running, daysLeft: -3, overdue: true }, t)).toBe('超期 3 个工作日');
    expect(deadlineWords({ ...running, daysLeft: 0, overdue: true }, t)).toBe('已超期');
    expect(deadlineWords({ dueAt: null, daysLeft: null, overdue: false, dueSoon: false }, t)).toBe('');
  });
});
