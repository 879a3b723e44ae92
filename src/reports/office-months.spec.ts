import { describe, expect, it } from '@jest/globals';
import { officeDays, officeMonths } from './office-months.js';

const ZONE = 'Asia/Shanghai';

describe('officeMonths', () => {
  it('cuts a window into office months, clipped at both ends', () => {
    const w = { from: new Date('2026-01-15T00:00:00+08:00'), to: new Date('2026-03-10T00:00:00+08:00') };
    const { months, bounds } = officeMonths(w, ZONE);
    expect(months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(bounds.map((b) => b.toISOString())).toEqual([
      '2026-01-14T16:00:00.000Z',
      '2026-01-31T16:00:00.000Z',
      '2026-02-28T16:00:00.000Z',
      '2026-03-09T16:00:00.000Z',
    ]);
  });

  it('places 23:30 office time on the last day of a month in that month, not the next (UTC would)', () => {
    const w = { from: new Date('2026-11-01T00:00:00+08:00'), to: new Date('2027-01-01T00:00:00+08:00') };
    const { months, bounds } = officeMonths(w, ZONE);
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-12']);
    const lateNight = new Date('2026-11-30T23:30:00+08:00');
    expect(lateNight < bounds[1]).toBe(true);
  });

  it('gives one month for a one-day window and none for an empty one', () => {
    const day = { from: new Date('2026-11-29T00:00:00+08:00'), to: new Date('2026-11-30T00:00:00+08:00') };
    expect(officeMonths(day, ZONE).months.map((m) => m.month)).toEqual(['2026-11']);
    expect(officeMonths({ from: day.from, to: day.from }, ZONE)).toEqual({ months: [], bounds: [] });
  });
});

describe('officeDays', () => {
  it('names the first and the last office day of a half-open window', () => {
    const w = { from: new Date('2026-11-28T16:00:00Z'), to: new Date('2026-11-29T16:00:00Z') };
    expect(officeDays(w, ZONE)).toEqual({ fromDay: '2026-11-29', toDay: '2026-11-29' });
  });
});
