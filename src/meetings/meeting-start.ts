import { DateTime } from 'luxon';
import type { Meeting } from './meeting.entity.js';
import { MeetingErrors } from './meeting.errors.js';

/** The meeting's local start as a secretary says it: `12月7日 09:00`. */
export function startLabel(startAt: Date, timeZone: string): string {
  return DateTime.fromJSDate(startAt, { zone: timeZone }).toFormat('M月d日 HH:mm');
}

/**
 * What a meeting decided (会议要求) and its minutes (会议纪要) are recorded once it has started, never
 * before: 409 `MEETING_NOT_STARTED`, saying when it starts.
 */
export function assertStarted(meeting: Pick<Meeting, 'startAt'>, now: Date, timeZone: string, what?: string): void {
  if (now.getTime() < meeting.startAt.getTime()) throw MeetingErrors.notStarted(startLabel(meeting.startAt, timeZone), what);
}
