/**
 * The dashboard's window in office days (`yyyy-MM-dd`, both included), as the API reads a date-only
 * `from`/`to`. "Today" is the office day the service reports (`window.toDay` of the default window),
 * not the browser's clock.
 */
export type QuickRange = 'thisYear' | 'lastYear' | 'thisQuarter' | 'last30';
export const QUICK_RANGES: QuickRange[] = ['thisYear', 'lastYear', 'thisQuarter', 'last30'];

export interface DayRange {
  from: string;
  to: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`not an office day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number): string => String(n).padStart(2, '0');
const dayOf = (utc: Date): string => `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;

/** Calendar arithmetic on office days (no time zone involved: a day is a date). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return dayOf(new Date(Date.UTC(y, m - 1, d + days)));
}

export function quickRange(kind: QuickRange, today: string): DayRange {
  const [y, m] = parts(today);
  switch (kind) {
    case 'thisYear':
      return { from: `${y}-01-01`, to: today };
    case 'lastYear':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'thisQuarter':
      return { from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
  }
}

/** Which quick range a window is, if any (the pressed button). */
export function matchingQuickRange(range: DayRange, today: string): QuickRange | null {
  return QUICK_RANGES.find((k) => {
    const q = quickRange(k, today);
    return q.from === range.from && q.to === range.to;
  }) ?? null;
}

/** A window the API accepts: two office days, the first not after the second. */
export function validRange(range: Partial<DayRange>): range is DayRange {
  return !!range.from && !!range.to && DAY_RE.test(range.from) && DAY_RE.test(range.to) && range.from <= range.to;
}

/** The window from the page's URL query, when it holds one. */
export function rangeFromQuery(query: Record<string, unknown>): DayRange | null {
  const range = { from: typeof query.from === 'string' ? query.from : undefined, to: typeof query.to === 'string' ? query.to : undefined };
  return validRange(range) ? range : null;
}
