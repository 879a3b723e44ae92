import type { components } from '@/api/schema';
import { officeInstant } from './format';
import { addDays, localSlot, mondayOf, nextMonday } from './weekLayout';

type Meeting = components['schemas']['MeetingViewResponse'];
type MeetingType = components['schemas']['MeetingType'];
type Plan = components['schemas']['MeetingPlanResponse'];
type PlanBody = components['schemas']['PlanMeetingsDto'];

export const MEETING_TYPES: readonly MeetingType[] = ['special', 'joint', 'supervision'];

/** The planning window as the form holds it: office-zone dates, both days included. */
export interface PlanWindowForm {
  from: string;
  to: string;
  types: MeetingType[];
  /** Also replace drafts the secretariat edited by hand (kept by default). */
  replaceEdited: boolean;
}

/** From next Monday, four weeks, every meeting type. */
export function defaultPlanWindow(today: string): PlanWindowForm {
  const from = nextMonday(today);
  return { from, to: addDays(from, 27), types: [...MEETING_TYPES], replaceEdited: false };
}

/** The window as instants: from the first day's midnight to the midnight after the last day (office zone). */
export function windowInstants(form: Pick<PlanWindowForm, 'from' | 'to'>): { from: string; to: string } {
  return { from: officeInstant(form.from, '00:00'), to: officeInstant(addDays(form.to, 1), '00:00') };
}

/** `POST /meetings/plan`'s body; no type ticked leaves the choice to the server (every type). */
export function planBody(form: PlanWindowForm): PlanBody {
  const body: PlanBody = windowInstants(form);
  if (form.types.length) body.types = [...form.types];
  if (form.replaceEdited) body.replaceEdited = true;
  return body;
}

/** The form's missing fields (message keys); whether the window is acceptable is the server's call. */
export function missingWindowFields(form: PlanWindowForm): string[] {
  const missing: string[] = [];
  if (!form.from) missing.push('planning.form.from');
  if (!form.to) missing.push('planning.form.to');
  return missing;
}

/** One list by id: a later list's copy replaces an earlier one's (fresher answer wins). Sorted by start. */
export function mergeMeetings(...lists: readonly (readonly Meeting[])[]): Meeting[] {
  const byId = new Map<string, Meeting>();
  for (const list of lists) for (const m of list) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.startAt.localeCompare(b.startAt));
}

/** The meetings the calendar draws: cancelled ones are left off. */
export function onCalendar(meetings: readonly Meeting[]): Meeting[] {
  return meetings.filter((m) => m.status !== 'cancelled');
}

/** The unmet soft constraints of the plan that concern one proposed meeting, in the API's words. */
export function unmetOf(plan: Pick<Plan, 'unmet'> | null, meetingId: string): string[] {
  return plan ? plan.unmet.filter((u) => u.meetingId === meetingId).map((u) => u.message) : [];
}

/** The plan's constraints not tied to one meeting (e.g. one meeting per cluster). */
export function unmetOfPlan(plan: Pick<Plan, 'unmet'> | null): string[] {
  return plan ? plan.unmet.filter((u) => !u.meetingId).map((u) => u.message) : [];
}

/** The week to show after planning: that of the first proposed meeting, else the window's first week. */
export function weekToShow(form: Pick<PlanWindowForm, 'from'>, proposed: readonly Meeting[]): string {
  const first = [...proposed].sort((a, b) => a.startAt.localeCompare(b.startAt))[0];
  return mondayOf(first ? localSlot(first).date : form.from);
}
