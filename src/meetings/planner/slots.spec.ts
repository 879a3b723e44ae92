import { DateTime } from 'luxon';
import { WorkingCalendar } from '../../common/time/working-calendar.js';
import { IntervalSet } from './interval-set.js';
import { generateSlots, localDatesInWindow, slotViolation } from './slots.js';

const ZONE = 'Asia/Shanghai';
const local = (iso: string, zone = ZONE): Date => DateTime.fromISO(iso, { zone }).toJSDate();
const calendar = new WorkingCalendar();
const base = {
  timeZone: ZONE,
  calendar,
  officeHours: [
    ['08:30', '12:00'],
    ['14:30', '17:30'],
  ] as [string, string][],
};

describe('generateSlots', () => {
  it('lists every aligned start that fits a period of a working day, in the office time zone', () => {
    const slots = generateSlots({ ...base, from: local('2026-09-30T00:00'), to: local('2026-10-09T00:00') }, 120, 30);
    const text = slots.map((s) => DateTime.fromMillis(s.start, { zone: ZONE }).toFormat('MM-dd HH:mm'));
    // 09-30 (Wed) and 10-08 (Thu): 08:30..10:00 and 14:30..15:30; 10-01..10-07 are National Day.
    const day = (d: string): string[] => ['08:30', '09:00', '09:30', '10:00', '14:30', '15:00', '15:30'].map((t) => `${d} ${t}`);
    expect(text).toEqual([...day('09-30'), ...day('10-08')]);
    expect(slots.every((s) => s.end - s.start === 120 * 60_000)).toBe(true);
  });

  it('does not depend on the process time zone: a window given in UTC instants yields Shanghai office hours', () => {
    const slots = generateSlots({ ...base, from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-02T02:00:00Z') }, 60, 30);
    // 00:00–02:00 UTC is 08:00–10:00 in Shanghai: starts 08:30 and 09:00.
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual(['2026-11-02T00:30:00.000Z', '2026-11-02T01:00:00.000Z']);
  });

  it('skips local times that do not exist on a DST day (America/New_York, 2026-03-08)', () => {
    const ny = {
      timeZone: 'America/New_York',
      calendar: { isWorkingDay: () => true, hasDataForYear: () => true },
      officeHours: [['01:00', '05:00']] as [string, string][],
      from: local('2026-03-08T00:00', 'America/New_York'),
      to: local('2026-03-09T00:00', 'America/New_York'),
    };
    const slots = generateSlots(ny, 60, 60);
    // 02:00 does not exist and is skipped; 01:00 + 60 real minutes ends at 03:00 local, still inside the period.
    for (const s of slots) expect(slotViolation(ny, new Date(s.start), new Date(s.end), 60)).toBeNull();
    expect(slots.map((s) => DateTime.fromMillis(s.start, { zone: 'America/New_York' }).toFormat('HH:mm'))).toEqual(['01:00', '03:00', '04:00']);
  });

  it('lists the local dates a window touches', () => {
    expect(localDatesInWindow(local('2026-12-31T23:00'), local('2027-01-02T00:00'), ZONE)).toEqual(['2026-12-31', '2027-01-01']);
  });
});

describe('slotViolation', () => {
  const window = { ...base, from: local('2026-09-01T00:00'), to: local('2026-12-01T00:00') };
  it.each([
    ['2026-10-08T08:30', '2026-10-08T10:30', null],
    ['2026-10-10T14:30', '2026-10-10T16:30', null], // Saturday make-up working day
    ['2026-10-02T08:30', '2026-10-02T10:30', '2026-10-02 is not a working day'],
    ['2026-10-08T11:00', '2026-10-08T13:00', '11:00–13:00 is not within one office-hours period'],
    ['2026-10-08T08:45', '2026-10-08T09:45', 'start 08:45:00 is not aligned to 30 minutes'],
    ['2026-12-01T08:30', '2026-12-01T09:30', 'outside the planning window'],
  ])('%s–%s → %s', (s, e, expected) => {
    expect(slotViolation(window, local(s), local(e), 30)).toBe(expected);
  });
});

describe('IntervalSet', () => {
  it('merges overlapping and touching intervals and answers free/busy for half-open ranges', () => {
    const set = new IntervalSet([
      { start: 10, end: 20 },
      { start: 30, end: 40 },
      { start: 15, end: 25 },
      { start: 40, end: 45 },
    ]);
    expect(set.size).toBe(2);
    expect(set.isFree(25, 30)).toBe(true);
    expect(set.isFree(0, 10)).toBe(true);
    expect(set.isFree(24, 26)).toBe(false);
    expect(set.isFree(44, 50)).toBe(false);
    expect(set.isFree(45, 50)).toBe(true);
    set.add(20, 35);
    expect(set.size).toBe(1);
    expect(set.isFree(25, 30)).toBe(false);
  });
});
