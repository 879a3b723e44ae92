import type { Category, Grade, MeetingType } from '../domain/case-vocabulary.js';
import type { AttendeeKind, MeetingAttendee } from './meeting-attendee.entity.js';
import type { MeetingStatus } from './meeting.entity.js';
import type { MeetingAggregate, MeetingRoomFacts } from './meeting-aggregate.js';
import type { Partstat, ReplyVia } from './replies/reply-state.js';
import { replyWarnings, type ReplyWarning } from './replies/reply-warnings.js';
import type { MeetingAction } from './meeting-allowed-actions.js';
import { type MinutesView, toMinutesView } from './minutes/minutes-view.js';

export interface MeetingAttendeeView {
  kind: AttendeeKind;
  id: string;
  name: string;
  email: string | null;
  role: MeetingAttendee['role'];
  /** The attendee row (what a reply names). */
  attendeeId: string;
  partstat: Partstat;
  repliedAt: string | null;
  replyVia: ReplyVia | null;
  substitute: { name: string; post: string | null } | null;
  /** The attendee's remark with the reply: the secretariat and admins only (null for everyone else). */
  replyComment: string | null;
}

export interface MeetingAgendaItemView {
  caseId: string;
  caseCode: string;
  /** The case as it stands now (null only if it could not be read). */
  subject: string | null;
  grade: Grade | null;
  category: Category | null;
  region: string | null;
  leadLeaderId: string | null;
  /** Name of the leader in charge (包案领导), from the attendees. */
  leadLeaderName: string | null;
  presenterUnit: string;
  minutes: number;
}

export interface MeetingOutcomeView {
  caseId: string;
  decision: string;
  requirements: string | null;
  dueAt: string | null;
  createdAt: string;
}

export interface MeetingView {
  id: string;
  type: MeetingType;
  title: string;
  startAt: string;
  endAt: string;
  location: string;
  chairId: string;
  /** Name of the chair (主持), from the attendees. */
  chairName: string | null;
  attendees: MeetingAttendeeView[];
  agenda: MeetingAgendaItemView[];
  outcomes: MeetingOutcomeView[];
  status: MeetingStatus;
  sequence: number;
  uid: string;
  planId: string | null;
  version: number;
  /** The room booked (会议室); null: the location text only. */
  room: MeetingRoomFacts | null;
  /** A draft made or edited by hand: later plans keep it unless asked to replace it. */
  handEdited: boolean;
  /** Soft constraints left unmet (an outside unit invited to two meetings at once): with the answer of an edit or a confirmation only. */
  warnings?: { constraint: string; message: string }[];
  /** The chair or a leader in charge declined or sent someone instead (the secretariat and admins only; empty for others). */
  replyWarnings: ReplyWarning[];
  /** What the viewer may do now (`meetingAllowedActions`): the console shows a button for each and nothing else. */
  allowedActions: MeetingAction[];
  /** The minutes (会议纪要) and who attended; null before any are recorded (and for a leader until issued). */
  minutes: MinutesView | null;
}

/** What a meeting view shows of each agenda case besides its code (read from the cases module). */
export interface AgendaCaseFacts {
  subject: string;
  grade: Grade;
  category: Category;
  region: string;
}

export function toMeetingView(
  { meeting: m, attendees, agenda, outcomes, minutes, room }: MeetingAggregate,
  cases: ReadonlyMap<string, AgendaCaseFacts> = new Map(),
  allowedActions: MeetingAction[] = [],
  viewer: { secretariat: boolean } = { secretariat: false },
): MeetingView {
  const active = attendees.filter((a) => a.active);
  const leaderName = new Map(active.filter((a) => a.kind === 'leader').map((a) => [a.refId, a.name]));
  return {
    id: m.id,
    type: m.type,
    title: m.title,
    startAt: m.startAt.toISOString(),
    endAt: m.endAt.toISOString(),
    location: m.location,
    chairId: m.chairId,
    chairName: leaderName.get(m.chairId) ?? null,
    attendees: active.map((a) => ({
      kind: a.kind,
      id: a.refId,
      name: a.name,
      email: a.email,
      role: a.role,
      attendeeId: a.id,
      partstat: a.partstat,
      repliedAt: a.repliedAt?.toISOString() ?? null,
      replyVia: a.replyVia,
      substitute: a.partstat === 'DELEGATED' && a.substituteName ? { name: a.substituteName, post: a.substitutePost } : null,
      replyComment: viewer.secretariat ? a.replyComment : null,
    })),
    agenda: agenda.map((i) => {
      const c = cases.get(i.caseId);
      return {
        caseId: i.caseId,
        caseCode: i.caseCode,
        subject: c?.subject ?? null,
        grade: c?.grade ?? null,
        category: c?.category ?? null,
        region: c?.region ?? null,
        leadLeaderId: i.leadLeaderId,
        leadLeaderName: i.leadLeaderId ? (leaderName.get(i.leadLeaderId) ?? null) : null,
        presenterUnit: i.presenterUnit,
        minutes: i.minutes,
      };
    }),
    outcomes: outcomes.map((o) => ({ caseId: o.caseId, decision: o.decision, requirements: o.requirements, dueAt: o.dueAt?.toISOString() ?? null, createdAt: o.createdAt.toISOString() })),
    status: m.status,
    sequence: m.sequence,
    uid: m.uid,
    planId: m.planId,
    version: m.version,
    room: room ?? null,
    handEdited: m.handEdited,
    allowedActions,
    replyWarnings: viewer.secretariat ? replyWarnings({ meeting: m, attendees, agenda }) : [],
    minutes: minutes ? toMinutesView(minutes, attendees) : null,
  };
}
