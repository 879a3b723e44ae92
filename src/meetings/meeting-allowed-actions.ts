import type { Role } from '../domain/actor.js';
import type { MeetingStatus } from './meeting.entity.js';

/** What the actor may do to a meeting now; the console shows a button for each and nothing else. */
export const MEETING_ACTIONS = ['edit', 'confirm', 'cancel', 'reply', 'record-reply', 'add-outcome', 'record-minutes', 'issue-minutes', 'send-minutes'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

export type MinutesStatus = 'draft' | 'issued';

export interface MeetingActionFacts {
  status: MeetingStatus;
  startAt: Date;
  endAt: Date;
  now: Date;
  role: Role;
  /** True when the actor is a leader invited to the meeting (an active attendee). */
  attends: boolean;
  /** The minutes' status, or null before any are recorded. */
  minutes: MinutesStatus | null;
}

const OFFICE_ROLES: readonly Role[] = ['admin', 'secretariat'];

/**
 * The one answer to "which buttons": the same conditions the meeting routes check (MeetingsService and
 * the replies and minutes services), computed from the meeting's status and times, the clock's now and
 * who is asking. The routes still check on their own; this only keeps the console from offering an
 * action that would be refused.
 * - edit, cancel: the office, while draft or confirmed (held and cancelled meetings are frozen);
 * - confirm: the office, a draft;
 * - reply: a leader attending a confirmed meeting that has not ended;
 * - record-reply (a reply received by phone): the office, a confirmed meeting (as `replyingAttendee` accepts);
 * - add-outcome, record-minutes: the office, confirmed or held, once it has started, until minutes are issued;
 * - issue-minutes: the office, when draft minutes exist;
 * - send-minutes: the office, once the minutes are issued.
 */
export function meetingAllowedActions(f: MeetingActionFacts): MeetingAction[] {
  const office = OFFICE_ROLES.includes(f.role);
  const started = f.now.getTime() >= f.startAt.getTime();
  const ended = f.now.getTime() >= f.endAt.getTime();
  const open = f.status === 'draft' || f.status === 'confirmed';
  const takesPlace = f.status === 'confirmed' || f.status === 'held';
  const allowed: Record<MeetingAction, boolean> = {
    edit: office && open,
    confirm: office && f.status === 'draft',
    cancel: office && open,
    reply: f.role === 'leader' && f.attends && f.status === 'confirmed' && !ended,
    'record-reply': office && f.status === 'confirmed',
    'add-outcome': office && takesPlace && started && f.minutes !== 'issued',
    'record-minutes': office && takesPlace && started && f.minutes !== 'issued',
    'issue-minutes': office && takesPlace && f.minutes === 'draft',
    'send-minutes': office && f.minutes === 'issued',
  };
  return MEETING_ACTIONS.filter((action) => allowed[action]);
}

/** The facts of a stored meeting for this viewer now (the minutes' status when the aggregate carries minutes). */
export function allowedActionsOf(
  a: { meeting: { status: MeetingStatus; startAt: Date; endAt: Date }; attendees: readonly { kind: string; refId: string; active: boolean }[]; minutes?: { status: MinutesStatus } | null },
  viewer: { role: Role; leaderId: string | null },
  now: Date,
): MeetingAction[] {
  const attends = viewer.leaderId !== null && a.attendees.some((x) => x.kind === 'leader' && x.refId === viewer.leaderId && x.active);
  return meetingAllowedActions({ status: a.meeting.status, startAt: a.meeting.startAt, endAt: a.meeting.endAt, now, role: viewer.role, attends, minutes: a.minutes?.status ?? null });
}
