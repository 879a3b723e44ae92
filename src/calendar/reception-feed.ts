import { type ICalCalendar, type ICalEventData, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

/** A leader's reception day as the leader's feed shows it. */
export interface FeedReceptionDay {
  id: string;
  status: 'confirmed' | 'held' | 'cancelled';
  startAt: Date;
  endAt: Date;
  updatedAt: Date;
  /** Raised on every change (the row's version): subscribers replace the older copy. */
  version: number;
  roomName: string | null;
  caseCount: number;
}

/** The iCalendar UID of a reception day: stable, never that of a meeting. */
export const receptionUid = (id: string): string => `reception-${id}@xinfang.renda`;

/** One VEVENT per reception day in a leader's subscription feed (no names of petitioners: only how many cases are proposed). */
export function receptionFeedEvent(day: FeedReceptionDay, timeZone: string): ICalEventData {
  const stamp = DateTime.fromJSDate(day.updatedAt, { zone: 'utc' });
  return {
    id: receptionUid(day.id),
    sequence: day.version,
    start: DateTime.fromJSDate(day.startAt, { zone: timeZone }),
    end: DateTime.fromJSDate(day.endAt, { zone: timeZone }),
    timezone: timeZone,
    stamp,
    lastModified: stamp,
    summary: '领导接访日',
    location: day.roomName ?? undefined,
    description: day.caseCount ? `拟安排接待信访事项 ${day.caseCount} 件，详见信访工作平台。` : '详见信访工作平台。',
    status: day.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

export function addReceptionDays(calendar: ICalCalendar, days: FeedReceptionDay[], timeZone: string): void {
  for (const day of [...days].sort((a, b) => a.startAt.getTime() - b.startAt.getTime())) calendar.createEvent(receptionFeedEvent(day, timeZone));
}
