import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';
import { WorkingCalendar } from './working-calendar.js';

describe('WorkingCalendar (chinese-days 2026 schedule + overrides)', () => {
  const calendar = new WorkingCalendar();

  it.each([
    ['2026-10-01', false], // National Day (Thu)
    ['2026-10-05', false], // National Day (Mon)
    ['2026-10-07', false], // last day of the holiday (Wed)
    ['2026-10-08', true], // Thursday after the holiday
    ['2026-10-10', true], // Saturday, make-up workday (调休)
    ['2026-10-11', false], // ordinary Sunday
    ['2026-09-20', true], // Sunday, make-up workday for National Day
    ['2026-09-25', false], // Mid-autumn (Fri)
    ['2026-02-16', false], // Spring Festival (Mon)
    ['2026-02-14', true], // Saturday, make-up workday for Spring Festival
    ['2026-02-28', true], // Saturday, make-up workday for Spring Festival
    ['2026-11-25', true], // ordinary Wednesday
    ['2026-11-28', false], // ordinary Saturday
  ])('%s working day: %s', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('nextWorkingDay returns the same day when it is a working day', () => {
    expect(calendar.nextWorkingDay('2026-11-25')).toBe('2026-11-25');
    expect(calendar.nextWorkingDay('2026-10-10')).toBe('2026-10-10');
  });

  it('nextWorkingDay skips the National Day holiday', () => {
    expect(calendar.nextWorkingDay('2026-10-01')).toBe('2026-10-08');
    expect(calendar.nextWorkingDay('2026-09-26')).toBe('2026-09-28'); // Mid-autumn Sat → Mon
  });

  it('addWorkingDays counts make-up days and skips holidays', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-10-10', 1)).toBe('2026-10-12');
    expect(calendar.addWorkingDays('2026-10-08', -1)).toBe('2026-09-30');
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
  });

  it('knows exactly the years chinese-days ships (2004–2026)', () => {
    const years = calendar.yearsWithData();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(years).toHaveLength(2026 - 2004 + 1);
    expect(calendar.hasDataForYear(2026)).toBe(true);
    expect(calendar.hasDataForYear(2027)).toBe(false);
    expect(calendar.hasDataForYear(2003)).toBe(false);
  });

  it('falls back to Monday–Friday in a year without data', () => {
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // a Friday; New Year not known yet
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false);
  });

  describe('admin overrides', () => {
    const withOverrides = new WorkingCalendar({
      holidays: ['2026-10-08', '2027-01-01'],
      workdays: ['2026-11-28', '2026-10-03'],
      coveredYears: [2027],
    });

    it('win over the package data', () => {
      expect(withOverrides.isWorkingDay('2026-10-08')).toBe(false);
      expect(withOverrides.isWorkingDay('2026-11-28')).toBe(true);
      expect(withOverrides.isWorkingDay('2026-10-03')).toBe(true);
      expect(withOverrides.nextWorkingDay('2026-10-04')).toBe('2026-10-09');
      expect(withOverrides.isWorkingDay('2027-01-01')).toBe(false);
    });

    it('can mark a year as covered', () => {
      expect(withOverrides.hasDataForYear(2027)).toBe(true);
      expect(withOverrides.yearsWithData()).toContain(2027);
      expect(withOverrides.yearsWithData().at(-1)).toBe(2027);
    });

    it('reject a date listed as both holiday and workday', () => {
      expect(() => new WorkingCalendar({ holidays: ['2026-10-08'], workdays: ['2026-10-08'] })).toThrow(/2026-10-08/);
    });

    it('reject malformed dates', () => {
      expect(() => new WorkingCalendar({ holidays: ['2026-02-30'], workdays: [] })).toThrow(/2026-02-30/);
    });
  });

  it('rejects malformed input dates', () => {
    expect(() => calendar.isWorkingDay('2026/10/08')).toThrow(/YYYY-MM-DD/);
    expect(() => calendar.isWorkingDay('2026-13-01')).toThrow(/YYYY-MM-DD/);
  });

  it('throws instead of looping when overrides leave no working day', () => {
    const days: string[] = [];
    for (let d = new Date(Date.UTC(2026, 0, 1)); d.getUTCFullYear() < 2028; d = new Date(d.getTime() + 86_400_000)) {
      days.push(d.toISOString().slice(0, 10));
    }
    expect(() => new WorkingCalendar({ holidays: days, workdays: [] }).nextWorkingDay('2026-01-01')).toThrow(/no working day/);
  });

  // chinese-days parses 'YYYY-MM-DD' strings as UTC but reads them with local getters, so a
  // naive call answers for the previous day west of UTC. Jest cannot change the zone of a
  // running process, so this test re-runs itself in a child Jest with TZ=America/Los_Angeles.
  it('answers for the office-local date whatever the process time zone', () => {
    if (process.env.WORKING_CALENDAR_TZ_CHILD === '1') {
      expect(new Date(2026, 9, 8).getTimezoneOffset()).toBe(420); // really running in Los Angeles
      const c = new WorkingCalendar();
      expect(['2026-10-07', '2026-10-08', '2026-10-10', '2026-10-11'].map((d) => c.isWorkingDay(d))).toEqual([
        false,
        true,
        true,
        false,
      ]);
      expect(c.nextWorkingDay('2026-10-01')).toBe('2026-10-08');
      expect(c.yearsWithData().at(-1)).toBe(2026);
      return;
    }
    const child = spawnSync(
      process.execPath,
      [
        '--experimental-vm-modules',
        join(process.cwd(), 'node_modules/jest/bin/jest.js'),
        '--runTestsByPath',
        join(process.cwd(), 'src/common/time/working-calendar.spec.ts'),
        '-t',
        'whatever the process time zone',
      ],
      { cwd: process.cwd(), env: { ...process.env, TZ: 'America/Los_Angeles', WORKING_CALENDAR_TZ_CHILD: '1' }, encoding: 'utf8' },
    );
    expect(child.stderr).toMatch(/Tests:.*\b1 passed/);
    expect(child.stderr).not.toMatch(/failed/);
    expect(child.status).toBe(0);
  });

  // The calendar reads the package's data table; check it says what the package API says for
  // every day of every covered year (the API is only right at or east of UTC, see the source).
  const eastOfUtc = new Date(2026, 0, 1).getTimezoneOffset() <= 0;
  (eastOfUtc ? it : it.skip)('agrees with the chinese-days API on every day 2004–2026', () => {
    const api = ((chineseDays as unknown as { getDayDetail?: unknown }).getDayDetail
      ? chineseDays
      : (chineseDays as unknown as { default: unknown }).default) as { getDayDetail(d: string): { work: boolean } };
    const mismatches: string[] = [];
    for (let d = DateTime.fromISO('2004-01-01', { zone: 'UTC' }); d.year <= 2026; d = d.plus({ days: 1 })) {
      const iso = d.toISODate() as string;
      if (calendar.isWorkingDay(iso) !== api.getDayDetail(iso).work) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });
});
