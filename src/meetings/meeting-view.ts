import type { MeetingType } from '../domain/case-vocabulary.js';
import type { AttendeeKind } from './meeting-attendee.entity.js';
import type { MeetingStatus } from './meeting.entity.js';
import type { MeetingAggregate } from './meeting-aggregate.js';

export interface MeetingView {
  id: string;
  type: MeetingType;
  title: string;
  startAt: string;
  endAt: string;
  location: string;
  chairId: string;
  attendees: { kind: AttendeeKind; id: string; name: string; email: string | null; role: string }[];
  agenda: { caseId: string; caseCode: string; leadLeaderId: string | null; presenterUnit: string; minutes: number }[];
  outcomes: { caseId: string; decision: string; requirements: string | null; dueAt: string | null; createdAt: string }[];
  status: MeetingStatus;
  sequence: number;
  uid: string;
  planId: string | null;
  version: number;
}

export function toMeetingView({ meeting: m, attendees, agenda, outcomes }: MeetingAggregate): MeetingView {
  return {
    id: m.id,
    type: m.type,
    title: m.title,
    startAt: m.startAt.toISOString(),
    endAt: m.endAt.toISOString(),
    location: m.location,
    chairId: m.chairId,
    attendees: attendees.filter((a) => a.active).map((a) => ({ kind: a.kind, id: a.refId, name: a.name, email: a.email, role: a.role })),
    agenda: agenda.map((i) => ({ caseId: i.caseId, caseCode: i.caseCode, leadLeaderId: i.leadLeaderId, presenterUnit: i.presenterUnit, minutes: i.minutes })),
    outcomes: outcomes.map((o) => ({ caseId: o.caseId, decision: o.decision, requirements: o.requirements, dueAt: o.dueAt?.toISOString() ?? null, createdAt: o.createdAt.toISOString() })),
    status: m.status,
    sequence: m.sequence,
    uid: m.uid,
    planId: m.planId,
    version: m.version,
  };
}
