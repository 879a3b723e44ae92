import { readFileSync } from 'node:fs';
import { DateTime, IANAZone } from 'luxon';
import type { DeadlinePolicy } from '../src/domain/office-policy.js';
import type { CalendarOverrides } from '../src/domain/office-policy.js';
import { projectPath } from './paths.js';

/**
 * The office policy shipped in `config/policy.json`: statutory periods, the office time zone,
 * holiday/make-up-day overrides and office hours. Validated once; a bad value stops the boot
 * with an Error naming the key.
 */
export interface Policy extends DeadlinePolicy {
  calendarOverrides: CalendarOverrides;
  /** Ordered, non-overlapping local [start, end) periods, `HH:MM`. */
  officeHours: [string, string][];
}

export const POLICY_FILE = 'config/policy.json';

const INTEGER_KEYS = [
  'acceptDays',
  'handleDays',
  'supervisedReplyMonths',
  'extensionMaxDays',
  'resupervisionDays',
  'reviewRequestDays',
  'dueSoonDays',
] as const satisfies readonly (keyof DeadlinePolicy)[];

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Read and validate `config/policy.json` (or another file with the same shape). */
export function loadPolicy(path: string = projectPath(POLICY_FILE)): Policy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: cannot read policy JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  return parsePolicy(raw, path);
}

/** Validate an already-parsed policy object. */
export function parsePolicy(raw: unknown, source: string = POLICY_FILE): Policy {
  const fail = (key: string, why: string): never => {
    throw new Error(`${source}: "${key}" ${why}`);
  };
  if (!isRecord(raw)) return fail('(root)', 'must be a JSON object');

  const numbers = {} as Record<(typeof INTEGER_KEYS)[number], number>;
  for (const key of INTEGER_KEYS) {
    const v = raw[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      fail(key, `must be a positive integer (got ${JSON.stringify(v)})`);
    }
    numbers[key] = v as number;
  }

  // 签收期限 (issue 15): optional, working days; absent → DEFAULT_SIGN_DAYS where it is read.
  const signDays = raw.signDays;
  if (signDays !== undefined && (typeof signDays !== 'number' || !Number.isInteger(signDays) || signDays < 1 || signDays > 30)) {
    fail('signDays', `must be a whole number of working days from 1 to 30 (got ${JSON.stringify(signDays)})`);
  }

  const timeZone = raw.timeZone;
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    fail('timeZone', `must be a valid IANA time zone such as "Asia/Shanghai" (got ${JSON.stringify(timeZone)})`);
  }

  return {
    ...numbers,
    ...(signDays !== undefined && { signDays: signDays as number }),
    timeZone: timeZone as string,
    calendarOverrides: parseOverrides(raw.calendarOverrides, fail),
    officeHours: parseOfficeHours(raw.officeHours, fail),
  };
}

function parseOverrides(raw: unknown, fail: (key: string, why: string) => never): CalendarOverrides {
  if (raw === undefined) return { holidays: [], workdays: [] };
  if (!isRecord(raw)) return fail('calendarOverrides', 'must be an object {"holidays": [], "workdays": []}');
  const dates = (key: 'holidays' | 'workdays'): string[] => {
    const list = raw[key] ?? [];
    if (!Array.isArray(list)) return fail(`calendarOverrides.${key}`, 'must be an array of YYYY-MM-DD dates');
    return list.map((d: unknown, i) => {
      if (typeof d !== 'string' || !ISO_DATE.test(d) || !DateTime.fromISO(d).isValid) {
        fail(`calendarOverrides.${key}[${i}]`, `must be an existing YYYY-MM-DD date (got ${JSON.stringify(d)})`);
      }
      return d;
    });
  };
  const holidays = dates('holidays');
  const workdays = dates('workdays');
  const clash = holidays.find((d) => workdays.includes(d));
  if (clash) fail('calendarOverrides', `lists ${clash} both as a holiday and as a workday`);

  const result: CalendarOverrides = { holidays, workdays };
  if (raw.coveredYears !== undefined) {
    const years = raw.coveredYears;
    if (!Array.isArray(years) || !years.every((y) => typeof y === 'number' && Number.isInteger(y) && y >= 1900)) {
      fail('calendarOverrides.coveredYears', 'must be an array of years such as [2027]');
    }
    result.coveredYears = years as number[];
  }
  return result;
}

function parseOfficeHours(raw: unknown, fail: (key: string, why: string) => never): [string, string][] {
  if (!Array.isArray(raw) || raw.length === 0) {
    return fail('officeHours', 'must be a non-empty array of ["HH:MM", "HH:MM"] periods');
  }
  let previousEnd = -1;
  return raw.map((period: unknown, i) => {
    const key = `officeHours[${i}]`;
    if (!Array.isArray(period) || period.length !== 2) return fail(key, 'must be a ["HH:MM", "HH:MM"] pair');
    const [start, end] = period as unknown[];
    const s = minutes(start);
    const e = minutes(end);
    if (s === undefined || e === undefined) {
      return fail(key, `times must be HH:MM (got ${JSON.stringify(period)})`);
    }
    if (s >= e) fail(key, `must start before it ends (got ${JSON.stringify(period)})`);
    if (s < previousEnd) fail(key, 'must start after the previous period ends (periods ordered, no overlap)');
    previousEnd = e;
    return [start as string, end as string];
  });
}

function minutes(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = HH_MM.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
