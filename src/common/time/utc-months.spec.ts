import { DateTime } from 'luxon';
import { seededRandom } from '../seeded-random.js';
import { minusUtcMonths } from './utc-months.js';

describe('minusUtcMonths', () => {
  it('keeps the time of day and clamps to the last day of a shorter month', () => {
    expect(minusUtcMonths(new Date('2026-03-31T15:20:01.123Z'), 1).toISOString()).toBe('2026-02-28T15:20:01.123Z');
    expect(minusUtcMonths(new Date('2025-02-28T00:00:00.000Z'), 12).toISOString()).toBe('2024-02-28T00:00:00.000Z');
    expect(minusUtcMonths(new Date('2024-02-29T23:59:59.999Z'), 12).toISOString()).toBe('2023-02-28T23:59:59.999Z');
    expect(minusUtcMonths(new Date('2026-01-15T08:00:00.000Z'), 60).toISOString()).toBe('2021-01-15T08:00:00.000Z');
  });

  it('agrees with luxon (UTC) on 10,000 random instants and month counts', () => {
    const random = seededRandom(2026);
    for (let i = 0; i < 10_000; i++) {
      const at = new Date(Date.UTC(1990, 0, 1) + Math.floor(random() * 40 * 365.25 * 86_400_000));
      const months = Math.floor(random() * 130) - 5;
      const expected = DateTime.fromJSDate(at, { zone: 'utc' }).minus({ months }).toJSDate().toISOString();
      expect(`${at.toISOString()} - ${months}: ${minusUtcMonths(at, months).toISOString()}`).toBe(`${at.toISOString()} - ${months}: ${expected}`);
    }
  });
});
