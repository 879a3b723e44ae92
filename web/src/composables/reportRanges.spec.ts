import { describe, expect, it } from 'vitest';
import { addDays, matchingQuickRange, quickRange, rangeFromQuery, validRange } from './reportRanges';

describe('report ranges in office days', () => {
  it('gives the quick ranges relative to the office day the service reports', () => {
    expect(quickRange('thisYear', '2026-11-29')).toEqual({ from: '2026-01-01', to: '2026-11-29' });
    expect(quickRange('lastYear', '2026-11-29')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(quickRange('thisQuarter', '2026-11-29')).toEqual({ from: '2026-10-01', to: '2026-11-29' });
    expect(quickRange('thisQuarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quickRange('last30', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('counts days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('names the quick range a window is, or none', () => {
    expect(matchingQuickRange({ from: '2026-01-01', to: '2026-11-29' }, '2026-11-29')).toBe('thisYear');
    expect(matchingQuickRange({ from: '2026-11-29', to: '2026-11-29' }, '2026-11-29')).toBeNull();
  });

  it('accepts a one-day window and refuses a reversed or malformed one', () => {
    expect(validRange({ from: '2026-11-29', to: '2026-11-29' })).toBe(true);
    expect(validRange({ from: '2026-11-30', to: '2026-11-29' })).toBe(false);
    expect(validRange({ from: '2026/11/29', to: '2026-11-29' })).toBe(false);
    expect(validRange({ from: '2026-11-29' })).toBe(false);
    expect(rangeFromQuery({ from: '2026-11-01', to: '2026-11-29' })).toEqual({ from: '2026-11-01', to: '2026-11-29' });
    expect(rangeFromQuery({ from: ['x'], to: '2026-11-29' })).toBeNull();
  });
});
