import type { components } from '@/api/schema';
import { officeInstant, partsOf } from './format';

/**
 * The leader's page (我的会议 / 我的包案): which meetings to ask for and in which order, and how a brief's
 * day count reads. The API decides which meetings and cases are the leader's (GET /meetings and GET /cases
 * answer a leader with his or her own only); this only picks the window and the words.
 */
type Meeting = components['schemas']['MeetingViewResponse'];

export interface MeetingWithBrief {
  meeting: Meeting;
  brief: components['schemas']['InviteBriefResponse'] | null;
  /** Why the brief could not be had, in words; empty when it was. */
  briefProblem: string;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** From the start of today in the office zone, so a meeting under way this morning is still listed. */
export function upcomingFrom(now: Date): string {
  const today = partsOf(now.toISOString());
  return officeInstant(`${today.year}-${today.month}-${today.day}`, '00:00');
}

/** Earliest first; a meeting that ended before `now` is left out. */
export function upcomingMeetings(meetings: readonly Meeting[], now: Date): Meeting[] {
  return meetings.filter((m) => new Date(m.endAt).getTime() >= now.getTime()).sort((a, b) => a.startAt.localeCompare(b.startAt));
}

/** The brief counts whole days from the meeting day to a case's reply deadline (negative when overdue then). */
export function briefDaysText(daysLeft: number | null, t: Translate): string {
  if (daysLeft === null) return '';
  if (daysLeft < 0) return t('leader.brief.overdueBy', { n: -daysLeft });
  return daysLeft === 0 ? t('leader.brief.dueThatDay') : t('leader.brief.daysLeft', { n: daysLeft });
}
