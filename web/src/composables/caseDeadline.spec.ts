import { describe, expect, it } from 'vitest';
import { translate } from './useI18n';
import { daysLeftText, deadlineClass } from './caseDeadline';

const t = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);

describe('deadline words and colours', () => {
  it('paints what the API judged', () => {
    expect(deadlineClass({ overdue: true, dueSoon: true })).toBe('deadline-overdue');
    expect(deadlineClass({ overdue: false, dueSoon: true })).toBe('deadline-soon');
    expect(deadlineClass({ overdue: false, dueSoon: false })).toBe('');
  });

  it("says the API's working days left", () => {
    expect(daysLeftText({ overdue: false, dueSoon: false, daysLeft: 7 }, t)).toBe('剩余 7 个工作日');
    expect(daysLeftText({ overdue: false, dueSoon: true, daysLeft: 0 }, t)).toBe('今日到期');
    expect(daysLeftText({ overdue: true, dueSoon: false, daysLeft: -2 }, t)).toBe('已超期 2 个工作日');
    expect(daysLeftText({ overdue: true, dueSoon: false, daysLeft: 0 }, t)).toBe('已超期');
    expect(daysLeftText({ overdue: false, dueSoon: false, daysLeft: null }, t)).toBe('');
  });
});
