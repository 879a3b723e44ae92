import type { components } from '@/api/schema';

/**
 * The handling unit's pages (本单位承办事项, the unit's case page, the unit link page): what they show of
 * a case the API sent. Nothing is decided here: the actions are the case's `allowedActions`, the deadlines
 * and their judgement (overdue, due soon, days left) are the API's; this only arranges them.
 */
type CaseView = components['schemas']['CaseViewResponse'];
type TimelineEvent = components['schemas']['TimelineEventViewResponse'];
export type UnitActionBody = components['schemas']['UnitLinkActionDto'];
export type UnitAction = UnitActionBody['action'];
export type Urging = components['schemas']['UrgingViewResponse'];

/** The unit's own steps, in the order its page offers them. */
export const UNIT_ACTIONS: readonly UnitAction[] = ['sign', 'ask', 'request-extension', 'reply'];

/** The unit's actions the API allows on this case now (any other allowed action is not the unit's page's). */
export function unitActionsOf(view: Pick<CaseView, 'allowedActions'>): UnitAction[] {
  return UNIT_ACTIONS.filter((action) => (view.allowedActions as string[]).includes(action));
}

export interface DeadlineJudgement {
  overdue: boolean;
  dueSoon: boolean;
  daysLeft: number | null;
}

/** One line of the unit's deadlines: 签收期限 or 答复期限, when it was met, and the API's judgement while it runs. */
export interface UnitDeadline {
  kind: 'sign' | 'reply';
  dueAt: string;
  /** When the step was done (signed, replied); null while open. */
  doneAt: string | null;
  /** The API's judgement when this is the deadline running now; null otherwise. */
  running: DeadlineJudgement | null;
}

export function unitDeadlines(view: Pick<CaseView, 'deadlines' | 'repliedAt'>): UnitDeadline[] {
  const d = view.deadlines;
  const rows: UnitDeadline[] = [];
  if (d.signDueAt) {
    rows.push({ kind: 'sign', dueAt: d.signDueAt, doneAt: d.signedAt, running: d.signedAt ? null : { overdue: d.signOverdue, dueSoon: false, daysLeft: null } });
  }
  if (d.replyDueAt) {
    const runs = d.dueAt !== null && d.dueAt === d.replyDueAt;
    rows.push({ kind: 'reply', dueAt: d.replyDueAt, doneAt: view.repliedAt, running: runs ? { overdue: d.overdue, dueSoon: d.dueSoon, daysLeft: d.daysLeft } : null });
  }
  return rows;
}

/** 催办 the unit received on the case: its timeline's urges (the secretariat's with a note, the sweep's automatic ones), newest first. */
export function urgingsOf(timeline: readonly TimelineEvent[] | undefined): Urging[] {
  return (timeline ?? [])
    .filter((e) => e.action === 'urge')
    .map((e) => ({ at: e.at, note: e.reason, automatic: e.actor.id === 'system' }))
    .reverse();
}

export interface UnitActionForm {
  reason: string;
  report: string;
  days: number | undefined;
  attachmentIds: string[];
}

export const emptyUnitForm = (): UnitActionForm => ({ reason: '', report: '', days: undefined, attachmentIds: [] });

/** The request body of one step: only the fields that step takes, text trimmed, empty text left out (the API says what is missing). */
export function unitActionBody(action: UnitAction, form: UnitActionForm): UnitActionBody {
  const text = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);
  switch (action) {
    case 'sign':
      return { action };
    case 'ask':
      return { action, reason: text(form.reason) };
    case 'request-extension':
      return { action, days: form.days, reason: text(form.reason) };
    case 'reply':
      return { action, reason: text(form.reason), report: text(form.report), attachmentIds: [...form.attachmentIds] };
  }
}

export interface UnitCaseMark {
  key: 'signOverdue' | 'overdue' | 'dueSoon' | 'supervised' | 'extensionPending';
  tone: 'late' | 'soon' | 'info';
}

/** The list's marks, each one a fact the API gave: signature late, reply overdue or due soon, a supervised item, an extension pending. */
export function unitCaseMarks(view: Pick<CaseView, 'deadlines' | 'route' | 'extensionRequest'>): UnitCaseMark[] {
  const marks: UnitCaseMark[] = [];
  if (view.deadlines.signOverdue) marks.push({ key: 'signOverdue', tone: 'late' });
  if (view.deadlines.overdue) marks.push({ key: 'overdue', tone: 'late' });
  else if (view.deadlines.dueSoon) marks.push({ key: 'dueSoon', tone: 'soon' });
  if (view.route.mode === 'supervised') marks.push({ key: 'supervised', tone: 'info' });
  if (view.extensionRequest) marks.push({ key: 'extensionPending', tone: 'info' });
  return marks;
}
