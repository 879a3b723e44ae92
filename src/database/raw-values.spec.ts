import { describe, expect, it } from '@jest/globals';
import { rawBool, rawDate } from './raw-values.js';

describe('raw row values', () => {
  it('reads SQLite datetime text as UTC and passes MySQL Dates through', () => {
    expect(rawDate('2026-12-04 03:51:33.065').toISOString()).toBe('2026-12-04T03:51:33.065Z');
    expect(rawDate('2026-12-04T03:51:33.065Z').toISOString()).toBe('2026-12-04T03:51:33.065Z');
    expect(rawDate('2026-12-04T11:51:33+08:00').toISOString()).toBe('2026-12-04T03:51:33.000Z');
    const d = new Date('2026-01-02T03:04:05.006Z');
    expect(rawDate(d)).toBe(d);
  });

  it('reads 1, true and "1" as true, and 0, false, null as false', () => {
    expect([1, true, '1', 0, false, null, '0'].map(rawBool)).toEqual([true, true, true, false, false, false, false]);
  });
});
