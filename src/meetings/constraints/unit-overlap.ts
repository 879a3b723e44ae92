import { DateTime } from 'luxon';
import type { UnmetConstraint } from '../planner/planner.types.js';

/** A meeting as the unit-overlap check sees it. */
export interface UnitMeeting {
  title: string;
  startAt: Date;
  endAt: Date;
  unitCodes: readonly string[];
}

/**
 * An outside unit invited to two overlapping meetings (SOFT: it can send two people, but should be
 * asked): one sentence per unit and pair, naming the unit, both meetings and their times. Pairs among
 * `meetings`, and of each of `meetings` with each of `others` (e.g. confirmed meetings).
 */
export function unitOverlaps(
  meetings: readonly UnitMeeting[],
  others: readonly UnitMeeting[],
  unitName: (code: string) => string,
  timeZone: string,
): UnmetConstraint[] {
  const when = (m: UnitMeeting): string => {
    const s = DateTime.fromJSDate(m.startAt, { zone: timeZone });
    const e = DateTime.fromJSDate(m.endAt, { zone: timeZone });
    return `${s.toFormat('M月d日 HH:mm')}–${e.toFormat('HH:mm')}`;
  };
  const found: UnmetConstraint[] = [];
  const check = (a: UnitMeeting, b: UnitMeeting): void => {
    if (!(a.startAt < b.endAt && b.startAt < a.endAt)) return;
    for (const code of a.unitCodes) {
      if (!b.unitCodes.includes(code)) continue;
      found.push({
        constraint: 'unit-overlap',
        message: `${unitName(code)}同时受邀参加“${a.title}”（${when(a)}）和“${b.title}”（${when(b)}），两会时间重叠，请确认该单位能分别派员或调整时间。`,
      });
    }
  };
  meetings.forEach((a, i) => {
    for (let j = i + 1; j < meetings.length; j++) check(a, meetings[j]);
    for (const b of others) check(a, b);
  });
  return found;
}
