import { DateTime } from 'luxon';
import type { Window } from '../cases/case-statistics.js';

export interface OfficeMonth {
  /** `yyyy-MM` in the office time zone. */
  month: string;
  from: Date;
  to: Date;
}

/**
 * The office months a window touches, each clipped to the window: the boundaries of a monthly trend.
 * `bounds` are the consecutive instants (months + 1 of them) the statistics query buckets by.
 */
export function officeMonths(w: Window, zone: string): { months: OfficeMonth[]; bounds: Date[] } {
  const months: OfficeMonth[] = [];
  if (!(w.to > w.from)) return { months, bounds: [] };
  let start = DateTime.fromJSDate(w.from, { zone }).startOf('month');
  while (start.toJSDate() < w.to) {
    const next = start.plus({ months: 1 });
    const from = start.toJSDate() < w.from ? w.from : start.toJSDate();
    const to = next.toJSDate() > w.to ? w.to : next.toJSDate();
    months.push({ month: start.toFormat('yyyy-MM'), from, to });
    start = next;
  }
  return { months, bounds: months.length ? [months[0].from, ...months.map((m) => m.to)] : [] };
}

/** A window as office days, both included (`to` is the last day, not the exclusive end). */
export function officeDays(w: Window, zone: string): { fromDay: string; toDay: string } {
  return {
    fromDay: DateTime.fromJSDate(w.from, { zone }).toFormat('yyyy-MM-dd'),
    toDay: DateTime.fromJSDate(new Date(w.to.getTime() - 1), { zone }).toFormat('yyyy-MM-dd'),
  };
}
