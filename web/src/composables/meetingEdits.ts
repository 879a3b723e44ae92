import type { components } from '@/api/schema';
import { officeInstant, partsOf } from './format';

type Meeting = components['schemas']['MeetingViewResponse'];
type UpdateBody = components['schemas']['UpdateMeetingDto'];
type AgendaItemBody = components['schemas']['AgendaItemDto'];
type OutcomeBody = components['schemas']['OutcomeDto'];

/** The move form's start values: the meeting's office-zone date and start time. */
export function moveDefaults(meeting: Pick<Meeting, 'startAt'>): { date: string; time: string } {
  const p = partsOf(meeting.startAt);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** `PATCH /meetings/:id` moving the meeting to an office-zone date and time; it keeps its length. */
export function moveBody(meeting: Pick<Meeting, 'startAt' | 'endAt'>, date: string, time: string): UpdateBody {
  const startAt = officeInstant(date, time);
  const length = new Date(meeting.endAt).getTime() - new Date(meeting.startAt).getTime();
  return { startAt, endAt: new Date(new Date(startAt).getTime() + length).toISOString() };
}

function agendaItem(item: Meeting['agenda'][number], leadLeaderId: string | null): AgendaItemBody {
  const body: AgendaItemBody = { caseId: item.caseId, presenterUnit: item.presenterUnit, minutes: item.minutes };
  if (leadLeaderId) body.leadLeaderId = leadLeaderId;
  return body;
}

/** `PATCH /meetings/:id` giving one agenda case another leader in charge (the whole agenda, in order). */
export function swapLeaderBody(meeting: Pick<Meeting, 'agenda'>, caseId: string, leaderId: string): UpdateBody {
  return { agenda: meeting.agenda.map((item) => agendaItem(item, item.caseId === caseId ? leaderId : item.leadLeaderId)) };
}

/** `PATCH /meetings/:id` taking one case off the agenda. */
export function dropCaseBody(meeting: Pick<Meeting, 'agenda'>, caseId: string): UpdateBody {
  return { agenda: meeting.agenda.filter((item) => item.caseId !== caseId).map((item) => agendaItem(item, item.leadLeaderId)) };
}

export interface OutcomeForm {
  caseId: string;
  decision: string;
  requirements: string;
  dueDate: string;
  dueTime: string;
}

/** `POST /meetings/:id/outcomes`: empty optional fields are left out; the deadline is an office-zone date and time. */
export function outcomeBody(form: OutcomeForm): OutcomeBody {
  const body: OutcomeBody = { caseId: form.caseId, decision: form.decision.trim() };
  if (form.requirements.trim()) body.requirements = form.requirements.trim();
  if (form.dueDate) body.dueAt = officeInstant(form.dueDate, form.dueTime || '17:30');
  return body;
}
