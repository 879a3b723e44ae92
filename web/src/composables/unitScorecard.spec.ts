import { describe, expect, it } from 'vitest';
import { translate } from './useI18n';
import { defaultPeriod, evaluationText, feedbackCounts, percent, periodOptions } from './unitScorecard';

const zh = (key: string, params?: Record<string, string | number>): string => translate('zh-CN', key, params);

describe('unit scorecard page helpers', () => {
  it('offers this year’s begun periods and last year’s, latest first, named in Chinese', () => {
    const options = periodOptions('2026-05-20', zh);
    expect(options.slice(0, 5).map((o) => o.value)).toEqual(['2026', '2026-H1', '2026-Q2', '2026-Q1', '2025']);
    expect(options.map((o) => o.value)).toContain('2025-Q4');
    expect(options).toHaveLength(4 + 7);
    expect(options.find((o) => o.value === '2026-Q2')?.label).toBe('2026年第二季度');
    expect(options.find((o) => o.value === '2025-H2')?.label).toBe('2025年下半年');
    expect(defaultPeriod('2026-11-26')).toBe('2026');
  });

  it('writes rates and evaluation results as the office does', () => {
    expect([percent(2 / 3), percent(1), percent(0), percent(null)]).toEqual(['66.7%', '100%', '0%', '—']);
    expect(evaluationText({ grade: 'excellent', score: 93 }, zh)).toBe('优秀（93分）');
    expect(evaluationText({ grade: 'fail', score: null }, zh)).toBe('不合格');
    expect(evaluationText(null, zh)).toBe('');
    expect(feedbackCounts({ satisfied: 2, dissatisfied: 1 })).toEqual({ satisfied: 2, dissatisfied: 1 });
  });
});
