import type { DeadlineKind } from '../cases/running-deadline.js';
import type { CaseStatus, Category, Grade, HandlingMode, MeetingType } from '../domain/case-vocabulary.js';
import type { BriefLocale } from './labels.js';

/**
 * The structured form of an invite's description (for the console's meeting page).
 * Every free-text string in it has passed through `redactPii`; dates are local to the
 * settings' time zone.
 */
export interface InviteBrief {
  locale: BriefLocale;
  cancelled: boolean;
  cancelReason: string | null;
  meeting: BriefMeeting;
  chair: { id: string; name: string };
  /** Leaders attending besides the chair (出席). */
  leaders: string[];
  /** Units sitting in (列席). */
  units: string[];
  /** Invited deputies (特邀代表). */
  deputies: string[];
  agenda: BriefAgendaLine[];
  /** The leader the brief was composed for, when that leader takes charge of agenda cases. */
  forLeaderId: string | null;
  /** Cases on the agenda the leader takes charge of (您包案的事项); empty for everyone else. */
  myCases: BriefCase[];
}

export interface BriefMeeting {
  uid: string;
  sequence: number;
  type: MeetingType;
  typeLabel: string;
  title: string;
  location: string;
  url: string | null;
  timeZone: string;
  /** ISO instants (UTC). */
  startAt: string;
  endAt: string;
  /** Local date `YYYY-MM-DD` of the start: the "today" the deadlines are counted from. */
  date: string;
  weekdayLabel: string;
  /** Local wall times `HH:mm`. */
  startTime: string;
  endTime: string;
  /** Local date of the end when it differs from the start's, else null. */
  endDate: string | null;
}

export interface BriefAgendaLine {
  index: number;
  caseId: string;
  caseCode: string;
  subject: string;
  region: string;
  headcount: number;
  /** Headcount at or above the group-petition threshold (集体访). */
  groupPetition: boolean;
  leadLeader: { id: string; name: string } | null;
  presenterUnitName: string;
  minutes: number;
}

export interface BriefCase {
  caseId: string;
  caseCode: string;
  grade: Grade;
  gradeLabel: string;
  category: Category;
  categoryLabel: string;
  mode: HandlingMode;
  modeLabel: string;
  handlingUnitName: string;
  status: CaseStatus;
  statusLabel: string;
  subject: string;
  petitionerMasked: string;
  headcount: number;
  /** The deadline running: 受理期限 (registered), 答复期限 (accepted, routed, in handling) or 督办期限 (a supervised or re-supervised item); null when none runs. */
  deadlineKind: DeadlineKind | null;
  /** Its name in the brief's language (受理期限 …). */
  deadlineLabel: string | null;
  /** Local date `YYYY-MM-DD` of that deadline, or null. */
  dueDate: string | null;
  /** Whole days from the meeting's local start date to the due date; negative when overdue. */
  daysLeft: number | null;
  extensionUsed: boolean;
  /** Recent timeline events, oldest first, dated `MM-DD` local. */
  progress: { date: string; label: string }[];
  lastRequirements: string | null;
}
