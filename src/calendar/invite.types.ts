import type { DeadlineKind } from '../cases/running-deadline.js';
import type { CaseStatus, Category, Grade, HandlingMode, MeetingType } from '../domain/case-vocabulary.js';
import type { Partstat } from '../meetings/replies/reply-state.js';

/** Everything an invite needs about a meeting, already resolved from the database. */
export interface InviteMeeting {
  /** Never changes for the meeting. */
  uid: string;
  /** Raised on every change that matters; a cancellation carries a raised one too. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  type: MeetingType;
  title: string;
  startAt: Date;
  endAt: Date;
  location: string;
  /** When the meeting last changed (LAST-MODIFIED / DTSTAMP basis). */
  updatedAt: Date;
  organizer: { name: string; email: string };
  chair: { id: string; name: string };
  attendees: InviteAttendee[];
  agenda: BriefAgendaItem[];
  /** Absolute URL of the meeting in the console, if known. */
  url: string | null;
  cancelReason: string | null;
}

export interface InviteAttendee {
  kind: 'leader' | 'unit' | 'deputy';
  id: string;
  name: string;
  email: string | null;
  role: 'chair' | 'required' | 'optional';
  /** The attendee's reply so far (default NEEDS-ACTION): later invites carry it as PARTSTAT. */
  partstat?: Partstat;
}

/** One agenda case with what a leader's brief shows; no petitioner ID number, phone or address ever. */
export interface BriefAgendaItem {
  caseId: string;
  caseCode: string;
  minutes: number;
  leadLeader: { id: string; name: string } | null;
  presenterUnitName: string;
  grade: Grade;
  category: Category;
  region: string;
  subject: string;
  /** Already masked (张*), with the headcount of a group petition. */
  petitionerMasked: string;
  headcount: number;
  status: CaseStatus;
  mode: HandlingMode;
  handlingUnitName: string;
  /** The deadline running (受理, 答复 or 督办期限), or null when none runs. */
  dueAt: Date | null;
  deadlineKind: DeadlineKind | null;
  extensionUsed: boolean;
  /** The last few timeline events, oldest first. */
  recentEvents: { at: Date; label: string }[];
  /** Requirements set for this case by the last meeting, if any. */
  lastRequirements: string | null;
}

export interface InviteSettings {
  timeZone: string;
  /** Alarms before the start, in minutes (default: 1440 and 30). */
  alarmMinutesBefore: number[];
  /** Product identifier in PRODID. */
  productId: string;
}
