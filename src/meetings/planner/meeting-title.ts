import { DateTime } from 'luxon';

/**
 * A meeting's title says when it is: `督办会（12月3日上午）`; the second one of the same kind in the
 * same half-day `督办会（12月3日上午·第2场）`, and so on. `n` is the meeting's number in that half-day.
 */
export function meetingTitle(base: string, startAt: Date, timeZone: string, n = 1): string {
  const local = DateTime.fromJSDate(startAt, { zone: timeZone });
  const half = local.hour < 12 ? '上午' : '下午';
  return `${base}（${local.month}月${local.day}日${half}${n > 1 ? `·第${n}场` : ''}）`;
}

/** The first title of the scheme that `taken` does not hold. */
export function uniqueMeetingTitle(base: string, startAt: Date, timeZone: string, taken: (title: string) => boolean): string {
  for (let n = 1; ; n++) {
    const title = meetingTitle(base, startAt, timeZone, n);
    if (!taken(title)) return title;
  }
}

/** The first `count` titles of the scheme (what a uniqueness check must look up). */
export const meetingTitleCandidates = (base: string, startAt: Date, timeZone: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => meetingTitle(base, startAt, timeZone, i + 1));

/** The title without its time part (what `meetingTitle` appended last). */
export function titleBaseOf(title: string): string {
  const i = title.lastIndexOf('（');
  return i > 0 ? title.slice(0, i) : title;
}
