import { DateTime } from 'luxon';
import { parseOfficeHours } from '../planner/slots.js';

/**
 * Does [start, end) lie within one period of the room's available hours on one local day? `hours`
 * null means the office hours (`officeHours`), which the meeting's own time check covers already.
 */
export function withinRoomHours(hours: readonly (readonly [string, string])[] | null, start: Date, end: Date, timeZone: string): boolean {
  if (hours === null) return true;
  const s = DateTime.fromJSDate(start, { zone: timeZone });
  const e = DateTime.fromJSDate(end, { zone: timeZone });
  const startMin = s.hour * 60 + s.minute + s.second / 60;
  const sameDay = e.toISODate() === s.toISODate();
  const endMin = sameDay ? e.hour * 60 + e.minute + e.second / 60 : e.diff(s.startOf('day'), 'minutes').minutes;
  return parseOfficeHours(hours).some((p) => startMin >= p.startMin && endMin <= p.endMin);
}

/** The hours as a Chinese list, e.g. `08:30–12:00、14:30–17:30` (办公时间 when null). */
export const describeRoomHours = (hours: readonly (readonly [string, string])[] | null): string => (hours ? hours.map(([a, b]) => `${a}–${b}`).join('、') : '办公时间');
