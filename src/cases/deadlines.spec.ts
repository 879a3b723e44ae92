import { DomainError } from '../common/errors.js';
import { WorkingCalendar } from '../common/time/working-calendar.js';
import { DeadlineCalculator } from './deadlines.js';
import { type DeadlinePolicy } from '../domain/office-policy.js';

const policy: DeadlinePolicy = {
  acceptDays: 15,
  handleDays: 60,
  supervisedReplyMonths: 2,
  extensionMaxDays: 30,
  resupervisionDays: 30,
  reviewRequestDays: 30,
  dueSoonDays: 7,
  timeZone: 'Asia/Shanghai',
};

/** End of a local Shanghai day (UTC+8, no DST) as the UTC instant. */
const endOfShanghaiDay = (isoDate: string): string => {
  const d = new Date(`${isoDate}T23:59:59.999+08:00`);
  return d.toISOString();
};
/** 10:00 in Shanghai on the given date. */
const shanghai = (isoDate: string, time = '10:00'): Date => new Date(`${isoDate}T${time}:00+08:00`);

describe('DeadlineCalculator', () => {
  const calc = new DeadlineCalculator(policy, new WorkingCalendar());

  describe('acceptDue (15 days after registration)', () => {
    it('ends on the 15th day after registration when that is a working day, at 23:59:59.999 local', () => {
      // 2026-09-28 + 15 = 2026-10-13, a Tuesday after the National Day holiday
      expect(calc.acceptDue(shanghai('2026-09-28')).toISOString()).toBe('2026-10-13T15:59:59.999Z');
    });

    it('moves a last day inside the National Day holiday (10-01..10-07) to 10-08', () => {
      // 2026-09-17 + 15 = 2026-10-02 (holiday) → Thursday 2026-10-08
      expect(calc.acceptDue(shanghai('2026-09-17')).toISOString()).toBe(endOfShanghaiDay('2026-10-08'));
    });

    it('keeps a last day on a make-up workday (Saturday 2026-10-10)', () => {
      expect(calc.acceptDue(shanghai('2026-09-25')).toISOString()).toBe(endOfShanghaiDay('2026-10-10'));
    });

    it('moves a last day on an ordinary Saturday to Monday', () => {
      // 2026-11-13 (Fri) + 15 = 2026-11-28 (Sat) → 2026-11-30
      expect(calc.acceptDue(shanghai('2026-11-13')).toISOString()).toBe(endOfShanghaiDay('2026-11-30'));
    });

    it('counts from the Shanghai date, not the UTC date', () => {
      // 2026-09-27T16:30Z is 2026-09-28 00:30 in Shanghai → 10-13 (UTC date would give 10-12)
      expect(calc.acceptDue(new Date('2026-09-27T16:30:00Z')).toISOString()).toBe(endOfShanghaiDay('2026-10-13'));
    });

    it('accepts a day count overridden by the rule set', () => {
      // 2026-11-02 (Mon) + 10 = 2026-11-12 (Thu)
      expect(calc.acceptDue(shanghai('2026-11-02'), 10).toISOString()).toBe(endOfShanghaiDay('2026-11-12'));
    });
  });

  describe('handleDue (60 days after acceptance)', () => {
    it('uses the policy default and shifts out of the holiday', () => {
      // 2026-08-03 + 60 = 2026-10-02 → 2026-10-08
      expect(calc.handleDue(shanghai('2026-08-03')).toISOString()).toBe(endOfShanghaiDay('2026-10-08'));
    });

    it('accepts an explicit number of days', () => {
      // 2026-11-02 + 10 = 2026-11-12 (Thu)
      expect(calc.handleDue(shanghai('2026-11-02'), 10).toISOString()).toBe(endOfShanghaiDay('2026-11-12'));
    });
  });

  describe('supervisedReplyDue (2 calendar months after transfer)', () => {
    it('ends on the corresponding day two months later', () => {
      // 2026-06-10 → 2026-08-10 (Mon)
      expect(calc.supervisedReplyDue(shanghai('2026-06-10')).toISOString()).toBe(endOfShanghaiDay('2026-08-10'));
    });

    it('uses the month end when there is no corresponding day, then shifts past the weekend', () => {
      // 2026-08-31 + 2 months = 2026-10-31 (Sat) → 2026-11-02 (Mon)
      expect(calc.supervisedReplyDue(shanghai('2026-08-31')).toISOString()).toBe(endOfShanghaiDay('2026-11-02'));
    });

    it('accepts an explicit number of months', () => {
      // 2026-07-07 + 3 months = 2026-10-07 (holiday) → 2026-10-08
      expect(calc.supervisedReplyDue(shanghai('2026-07-07'), 3).toISOString()).toBe(endOfShanghaiDay('2026-10-08'));
    });

    it('falls back to weekdays in a year without holiday data and says so', () => {
      // 2026-11-28 + 2 months = 2027-01-28 (Thu); 2027 is not in chinese-days 1.5.7
      const due = calc.supervisedReplyDue(shanghai('2026-11-28'));
      expect(due.toISOString()).toBe(endOfShanghaiDay('2027-01-28'));
      expect(calc.hasCalendarDataFor(due)).toBe(false);
      expect(calc.hasCalendarDataFor(calc.acceptDue(shanghai('2026-09-17')))).toBe(true);
    });
  });

  describe('extend', () => {
    const due = new Date(endOfShanghaiDay('2026-10-08'));

    it('adds up to 30 days to the current deadline, then shifts past the weekend', () => {
      // 2026-10-08 + 30 = 2026-11-07 (Sat) → 2026-11-09 (Mon)
      expect(calc.extend(due, 30).toISOString()).toBe(endOfShanghaiDay('2026-11-09'));
      expect(calc.extend(due, 1).toISOString()).toBe(endOfShanghaiDay('2026-10-09'));
    });

    it.each([31, 0, -5, 1.5])('rejects %p days with EXTENSION_TOO_LONG (400)', (days) => {
      let caught: unknown;
      try {
        calc.extend(due, days);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainError);
      const err = caught as DomainError;
      expect(err.code).toBe('EXTENSION_TOO_LONG');
      expect(err.status).toBe(400);
      expect(err.messages.zh).toBe('延期天数须为 1 至 30 天之间的整数。');
      expect(err.messages.en).toMatch(/between 1 and 30/);
    });
  });

  it('resupervisionDue defaults to 30 days', () => {
    // 2026-09-08 + 30 = 2026-10-08
    expect(calc.resupervisionDue(shanghai('2026-09-08')).toISOString()).toBe(endOfShanghaiDay('2026-10-08'));
    expect(calc.resupervisionDue(shanghai('2026-11-02'), 5).toISOString()).toBe(endOfShanghaiDay('2026-11-09'));
  });

  it('reviewRequestDue defaults to 30 days', () => {
    // 2026-11-25 + 30 = 2026-12-25 (Fri)
    expect(calc.reviewRequestDue(shanghai('2026-11-25')).toISOString()).toBe(endOfShanghaiDay('2026-12-25'));
  });

  describe('daysLeft / isOverdue / isDueSoon', () => {
    const due = new Date(endOfShanghaiDay('2026-10-08'));

    it('counts whole local days, 0 on the last day and negative afterwards', () => {
      expect(calc.daysLeft(due, shanghai('2026-10-01'))).toBe(7);
      expect(calc.daysLeft(due, shanghai('2026-09-30', '23:30'))).toBe(8);
      expect(calc.daysLeft(due, shanghai('2026-10-08', '23:59'))).toBe(0);
      expect(calc.daysLeft(due, shanghai('2026-10-09', '00:30'))).toBe(-1);
      expect(calc.daysLeft(due, shanghai('2026-10-20'))).toBe(-12);
    });

    it('is overdue only after the end of the last day', () => {
      expect(calc.isOverdue(due, new Date('2026-10-08T15:59:59.999Z'))).toBe(false);
      expect(calc.isOverdue(due, new Date('2026-10-08T16:00:00.000Z'))).toBe(true);
    });

    it('is due soon within 7 days and not overdue', () => {
      expect(calc.isDueSoon(due, shanghai('2026-09-30'))).toBe(false); // 8 days left
      expect(calc.isDueSoon(due, shanghai('2026-10-01'))).toBe(true); // 7 days left
      expect(calc.isDueSoon(due, shanghai('2026-10-08', '17:00'))).toBe(true); // last day
      expect(calc.isDueSoon(due, shanghai('2026-10-09'))).toBe(false); // overdue
    });
  });

  it('limits() exposes the policy in force without letting callers change it', () => {
    const limits = calc.limits();
    expect(limits.extensionMaxDays).toBe(30);
    expect(limits).toEqual(policy);
    (limits as DeadlinePolicy).extensionMaxDays = 99;
    expect(calc.limits().extensionMaxDays).toBe(30);
    // only the deadline keys, even when constructed with the full office policy
    const officePolicy = { ...policy, officeHours: [['08:30', '12:00']] } as DeadlinePolicy;
    const wide = new DeadlineCalculator(officePolicy, new WorkingCalendar());
    expect(Object.keys(wide.limits()).sort()).toEqual(Object.keys(policy).sort());
  });

  it('honours admin calendar overrides', () => {
    const custom = new DeadlineCalculator(policy, new WorkingCalendar({ holidays: ['2026-10-13'], workdays: [] }));
    expect(custom.acceptDue(shanghai('2026-09-28')).toISOString()).toBe(endOfShanghaiDay('2026-10-14'));
  });

  it('rejects an invalid time zone', () => {
    expect(() => new DeadlineCalculator({ ...policy, timeZone: 'Mars/Olympus' }, new WorkingCalendar())).toThrow(
      /Mars\/Olympus/,
    );
  });
});
