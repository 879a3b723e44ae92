import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import type { CalendarOverrides } from '../../domain/office-policy.js';

/**
 * Chinese working days: statutory holidays off, make-up working days (调休) on, weekends off.
 *
 * Every date here is a **local calendar date in the office time zone (Asia/Shanghai)**
 * written `YYYY-MM-DD`; convert instants with `DateTime.fromJSDate(d, { zone })` first.
 * The answer does not depend on the process time zone.
 *
 * Data comes from the `chinese-days` package (1.5.7 ships the State Council schedules for
 * 2004–2026; for any other year its API silently falls back to Monday–Friday). We read the
 * package's own data table `dist/chinese-days.json` ({ holidays, workdays, inLieuDays } keyed
 * by `YYYY-MM-DD`) rather than calling `getDayDetail`/`isWorkday`: those parse `YYYY-MM-DD` as
 * UTC and read it back with local getters, and build their table the same way, so in a
 * process running west of UTC every answer is shifted by one day. The spec cross-checks this
 * table against the package API for every day it covers.
 *
 * Admin overrides win over the package; `coveredYears` lets an admin declare a year complete
 * once its schedule has been entered by hand. Use `hasDataForYear` to warn before planning
 * into a year nobody has published data for.
 */

/** Date → "English name,中文名,index" for statutory days off and make-up workdays. */
interface ChineseDaysTable {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
}

export const CHINESE_DAYS_DATA = 'chinese-days/dist/chinese-days.json';

function loadTable(): ChineseDaysTable {
  // createRequire loads JSON the same way under Node ESM (tsc nodenext) and ts-jest ESM.
  const raw = createRequire(import.meta.url)(CHINESE_DAYS_DATA) as unknown;
  const isMap = (v: unknown): v is Record<string, string> =>
    typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
  const table = raw as Partial<Record<keyof ChineseDaysTable, unknown>> | null;
  if (!table || !isMap(table.holidays) || !isMap(table.workdays)) {
    throw new Error(`${CHINESE_DAYS_DATA}: unexpected shape (expected { holidays, workdays } maps)`);
  }
  return { holidays: table.holidays, workdays: table.workdays };
}

const table = loadTable();
/** Years with at least one statutory holiday in the package table. */
const packageYears: readonly number[] = [...new Set(Object.keys(table.holidays).map((d) => Number(d.slice(0, 4))))].sort(
  (a, b) => a - b,
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A year of consecutive days off means the overrides are broken. */
const MAX_SCAN_DAYS = 366;

function parseIsoDate(iso: string): DateTime {
  const dt = ISO_DATE.test(iso) ? DateTime.fromISO(iso, { zone: 'UTC' }) : DateTime.invalid('format');
  if (!dt.isValid) throw new Error(`invalid date "${iso}": expected an existing YYYY-MM-DD date`);
  return dt;
}

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;
  private readonly coveredYears: ReadonlySet<number>;

  constructor(overrides: CalendarOverrides = { holidays: [], workdays: [] }) {
    for (const d of [...overrides.holidays, ...overrides.workdays]) parseIsoDate(d);
    const clash = overrides.holidays.find((d) => overrides.workdays.includes(d));
    if (clash) throw new Error(`calendar override ${clash} is listed both as a holiday and as a workday`);
    for (const y of overrides.coveredYears ?? []) {
      if (!Number.isInteger(y) || y < 1900 || y > 9999) throw new Error(`invalid covered year ${String(y)}`);
    }
    this.holidays = new Set(overrides.holidays);
    this.workdays = new Set(overrides.workdays);
    this.coveredYears = new Set(overrides.coveredYears ?? []);
  }

  /** True on a working day: override workday, else not an override holiday and a working day per chinese-days. */
  isWorkingDay(isoDate: string): boolean {
    const dt = parseIsoDate(isoDate);
    const key = dt.toISODate() as string;
    if (this.workdays.has(key)) return true;
    if (this.holidays.has(key)) return false;
    if (Object.hasOwn(table.workdays, key)) return true;
    if (Object.hasOwn(table.holidays, key)) return false;
    return dt.weekday <= 5;
  }

  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDay(isoDate: string): string {
    return this.step(parseIsoDate(isoDate), 1, true);
  }

  /**
   * The n-th working day after `isoDate` (not counting `isoDate` itself); negative n counts
   * backwards; n = 0 is `nextWorkingDay(isoDate)`.
   */
  addWorkingDays(isoDate: string, n: number): string {
    if (!Number.isInteger(n)) throw new Error(`working-day count must be an integer, got ${n}`);
    let current = parseIsoDate(isoDate);
    if (n === 0) return this.step(current, 1, true);
    const dir = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; left--) {
      current = parseIsoDate(this.step(current, dir, false));
    }
    return current.toISODate() as string;
  }

  /** Whether holidays and make-up days of that year are known (package data or declared by an admin). */
  hasDataForYear(year: number): boolean {
    return this.coveredYears.has(year) || packageYears.includes(year);
  }

  /** Sorted years with known data: the package's (2004–2026 in chinese-days 1.5.7) plus `coveredYears`. */
  yearsWithData(): number[] {
    return [...new Set([...packageYears, ...this.coveredYears])].sort((a, b) => a - b);
  }

  private step(from: DateTime, dir: 1 | -1, includeStart: boolean): string {
    let current = includeStart ? from : from.plus({ days: dir });
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      const iso = current.toISODate() as string;
      if (this.isWorkingDay(iso)) return iso;
      current = current.plus({ days: dir });
    }
    throw new Error(`no working day within ${MAX_SCAN_DAYS} days of ${from.toISODate() as string}: check calendar overrides`);
  }
}
