/**
 * The period an evaluation (考评) is recorded for: a year `2026`, a half `2026-H1`/`2026-H2`, a quarter
 * `2026-Q1`…`2026-Q4` or a month `2026-01`…`2026-12`, as the 信访局 evaluates. A period is also a report
 * window: its first and last office day (both included).
 */
export interface EvaluationPeriod {
  /** Normalised (upper-case H/Q). */
  period: string;
  kind: 'year' | 'half' | 'quarter' | 'month';
  year: number;
  /** First office day, `yyyy-MM-dd`. */
  fromDay: string;
  /** Last office day, included. */
  toDay: string;
}

const PERIOD = /^(\d{4})(?:-(?:([HhQq])([1-4])|(\d{2})))?$/;
export const MIN_PERIOD_YEAR = 2000;
export const MAX_PERIOD_YEAR = 2099;
/** The shape, for validators and the OpenAPI schema. */
export const PERIOD_PATTERN = '^\\d{4}(-([HhQq][1-4]|\\d{2}))?$';

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period a string names, or null when it names none (a half 3, a quarter 5, month 13, year 1999…). */
export function parsePeriod(value: string): EvaluationPeriod | null {
  const m = PERIOD.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) return null;
  const span = (kind: EvaluationPeriod['kind'], period: string, first: number, last: number): EvaluationPeriod => ({
    period,
    kind,
    year,
    fromDay: `${year}-${pad(first)}-01`,
    toDay: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
  });
  if (m[2]) {
    const n = Number(m[3]);
    if (m[2].toUpperCase() === 'H') return n <= 2 ? span('half', `${year}-H${n}`, n * 6 - 5, n * 6) : null;
    return span('quarter', `${year}-Q${n}`, n * 3 - 2, n * 3);
  }
  if (m[4]) {
    const month = Number(m[4]);
    return month >= 1 && month <= 12 ? span('month', `${year}-${pad(month)}`, month, month) : null;
  }
  return span('year', String(year), 1, 12);
}

/** Later periods first; within a year the year, then halves, quarters and months by their start. */
export function comparePeriodsDesc(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return b.localeCompare(a);
  const rank = { year: 0, half: 1, quarter: 2, month: 3 } as const;
  return pb.fromDay.localeCompare(pa.fromDay) || pb.toDay.localeCompare(pa.toDay) || rank[pa.kind] - rank[pb.kind];
}
