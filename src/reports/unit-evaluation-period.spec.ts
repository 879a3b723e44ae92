import { describe, expect, it } from '@jest/globals';
import { comparePeriodsDesc, parsePeriod } from './unit-evaluation-period.js';
import { checkScore, periodOf } from './unit-evaluation-rules.js';

describe('evaluation periods', () => {
  it('reads a year, a half, a quarter and a month as office days', () => {
    expect(parsePeriod('2026')).toEqual({ period: '2026', kind: 'year', year: 2026, fromDay: '2026-01-01', toDay: '2026-12-31' });
    expect(parsePeriod('2026-h2')).toMatchObject({ period: '2026-H2', kind: 'half', fromDay: '2026-07-01', toDay: '2026-12-31' });
    expect(parsePeriod('2026-H1')).toMatchObject({ fromDay: '2026-01-01', toDay: '2026-06-30' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ period: '2026-Q1', kind: 'quarter', fromDay: '2026-01-01', toDay: '2026-03-31' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ fromDay: '2026-10-01', toDay: '2026-12-31' });
    expect(parsePeriod('2028-02')).toMatchObject({ period: '2028-02', kind: 'month', fromDay: '2028-02-01', toDay: '2028-02-29' });
  });

  it('refuses what names no period', () => {
    for (const bad of ['', '26', '2026-H3', '2026-Q0', '2026-Q5', '2026-13', '2026-00', '1999', '2100', '2026-Q4 ', '2026/Q4', '2026-W12', '2026-01-01']) {
      expect([bad, parsePeriod(bad)]).toEqual([bad, null]);
    }
    expect(() => periodOf('2026-Q5')).toThrow(expect.objectContaining({ code: 'EVALUATION_PERIOD_INVALID', status: 400 }));
  });

  it('orders periods by their start, latest first; a year before the quarter it starts with', () => {
    expect(['2025', '2026-Q1', '2026', '2026-H2', '2026-Q4', '2026-11'].sort(comparePeriodsDesc)).toEqual(['2026-11', '2026-Q4', '2026-H2', '2026', '2026-Q1', '2025']);
  });

  it('a score lies within its grade’s range', () => {
    expect(() => checkScore('excellent', 95)).not.toThrow();
    expect(() => checkScore('good', null)).not.toThrow();
    expect(() => checkScore('excellent', 85)).toThrow(expect.objectContaining({ code: 'EVALUATION_SCORE_GRADE_MISMATCH', status: 422 }));
    expect(() => checkScore('fail', 60)).toThrow(expect.objectContaining({ code: 'EVALUATION_SCORE_GRADE_MISMATCH' }));
  });
});
