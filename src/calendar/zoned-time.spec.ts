import { DateTime } from 'luxon';
import { DomainError } from '../common/errors.js';
import { daysBetween, localTime } from './zoned-time.js';

describe('localTime', () => {
  it('reads Asia/Shanghai wall time: 01:00Z is 09:00 on the same day, 16:30Z is 00:30 the next', () => {
    expect(localTime(new Date('2026-12-08T01:00:00Z'), 'Asia/Shanghai', 'at')).toEqual({ date: '2026-12-08', time: '09:00', monthDay: '12-08', weekday: 2 });
    expect(localTime(new Date('2026-12-07T16:30:00Z'), 'Asia/Shanghai', 'at')).toMatchObject({ date: '2026-12-08', time: '00:30' });
  });

  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Asia/Shanghai'])(
    'agrees with luxon every 10 minutes across 2026’s offset changes in %s',
    (zone) => {
      const from = Date.UTC(2026, 2, 27);
      const spots = [from, Date.UTC(2026, 3, 3), Date.UTC(2026, 9, 23), Date.UTC(2026, 9, 31), Date.UTC(2026, 10, 0)];
      for (const spot of spots) {
        for (let ms = spot; ms < spot + 4 * 86_400_000; ms += 600_000) {
          const expected = DateTime.fromMillis(ms, { zone });
          const actual = localTime(new Date(ms), zone, 'at');
          expect([actual.date, actual.time, actual.weekday]).toEqual([expected.toISODate(), expected.toFormat('HH:mm'), expected.weekday]);
        }
      }
    },
  );

  it('refuses an unknown zone and an invalid date with INVITE_INVALID', () => {
    expect(() => localTime(new Date(), 'Mars/Olympus', 'at')).toThrow(DomainError);
    expect(() => localTime(new Date('nope'), 'Asia/Shanghai', 'startAt')).toThrow(expect.objectContaining({ code: 'INVITE_INVALID', details: { field: 'startAt', reason: 'not a valid date' } }) as Error);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, negative when overdue, across a year end', () => {
    expect(daysBetween('2026-12-08', '2027-01-27')).toBe(50);
    expect(daysBetween('2026-12-08', '2026-12-05')).toBe(-3);
    expect(daysBetween('2026-12-08', '2026-12-08')).toBe(0);
  });
});
