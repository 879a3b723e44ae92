import type { components } from '@/api/schema';

/**
 * The small form behind each action button of the case page: which fields an action takes (as the
 * service's lifecycle reads them, src/cases/lifecycle.ts), their starting values, and the request body.
 * Which actions exist for a case is never decided here: the page shows the case's `allowedActions`.
 */
export type CaseAction = components['schemas']['CaseAction'];
export type CaseActionBody = components['schemas']['CaseActionDto'];
type CaseView = components['schemas']['CaseViewResponse'];
type Unit = components['schemas']['UnitResponse'];

export type ActionField = 'reason' | 'report' | 'committee' | 'handledBy' | 'days' | 'approver' | 'feedback' | 'leaderId' | 'note' | 'attachmentIds';

export interface FieldSpec {
  field: ActionField;
  /** The message key of the field's label. */
  label: string;
  required: boolean;
  /** A text area rather than one line. */
  long?: boolean;
}

export interface ActionForm {
  reason: string;
  report: string;
  committee: string;
  handledBy: string;
  days: number | undefined;
  approver: string;
  feedback: '' | 'satisfied' | 'dissatisfied';
  leaderId: string;
  note: string;
  /** reply: the case's attachments the answer refers to (the written report). */
  attachmentIds: string[];
}

const f = (field: ActionField, label: string, required: boolean, long = false): FieldSpec => ({ field, label, required, long });
const optionalReason = f('reason', 'case.form.optionalReason', false, true);

const FIELDS: Readonly<Record<CaseAction, readonly FieldSpec[]>> = {
  accept: [optionalReason],
  reject: [f('reason', 'case.form.reason', true, true)],
  route: [f('committee', 'case.form.committee', false), f('handledBy', 'case.form.handledBy', false), optionalReason],
  transfer: [f('committee', 'case.form.committee', false), f('handledBy', 'case.form.handledBy', true), optionalReason],
  start: [optionalReason],
  reply: [f('reason', 'case.form.replyReason', true, true), f('report', 'case.form.report', false, true), f('attachmentIds', 'case.form.attachments', false)],
  feedback: [f('feedback', 'case.form.feedback', true), optionalReason],
  extend: [f('days', 'case.form.extendDays', true), f('approver', 'case.form.approver', true), f('reason', 'case.form.reason', true, true)],
  resupervise: [f('reason', 'case.form.reason', true, true), f('days', 'case.form.resuperviseDays', false)],
  close: [optionalReason],
  withdraw: [f('reason', 'case.form.reason', true, true)],
  'assign-leader': [f('leaderId', 'case.form.assignLeader', true), optionalReason],
  urge: [f('note', 'case.form.urgeNote', false, true)],
  'leader-reception': [f('leaderId', 'case.form.leader', true), f('note', 'case.form.note', false, true)],
  'leader-instruction': [f('leaderId', 'case.form.leader', true), f('note', 'case.form.note', false, true)],
  sign: [],
  ask: [f('reason', 'case.form.question', true, true)],
  'answer-question': [f('reason', 'case.form.answer', true, true)],
  'request-extension': [f('days', 'case.form.requestDays', true), f('reason', 'case.form.reason', true, true)],
  'refuse-extension': [f('reason', 'case.form.refuseReason', true, true)],
};

/**
 * The fields of an action's form: a reply's written report (and, from a handling unit, its file) is
 * required when the API says the case needs one; approving a unit's pending request takes its days.
 */
export function actionFields(action: CaseAction, reportRequired: boolean, unitAccount = false, requestPending = false): FieldSpec[] {
  return FIELDS[action].map((spec) => {
    if (action === 'reply' && spec.field === 'report') return { ...spec, required: reportRequired };
    if (action === 'reply' && spec.field === 'attachmentIds') return { ...spec, required: reportRequired && unitAccount };
    if (action === 'extend' && spec.field === 'days' && requestPending) return { ...spec, required: false };
    return spec;
  });
}

/** The form's starting values: the case's current route for routing, its leader in charge for the leaders' records. */
export function emptyActionForm(action: CaseAction, c: Pick<CaseView, 'route' | 'leadLeaderId'> & Partial<Pick<CaseView, 'extensionRequest'>>): ActionForm {
  const form: ActionForm = { reason: '', report: '', committee: '', handledBy: '', days: undefined, approver: '', feedback: '', leaderId: '', note: '', attachmentIds: [] };
  // 同意延期: the days the unit asked for, which the secretariat may change.
  if (action === 'extend' && c.extensionRequest) form.days = c.extensionRequest.days;
  if (action === 'route' || action === 'transfer') {
    form.committee = c.route.committee;
    if ((action === 'route') === (c.route.mode === 'internal')) form.handledBy = c.route.handledBy;
  }
  if (action === 'assign-leader' || action === 'leader-reception' || action === 'leader-instruction') form.leaderId = c.leadLeaderId ?? '';
  return form;
}

/** The body of `POST /cases/:id/actions`: only the action's own fields, trimmed, blanks left out. */
export function actionBody(action: CaseAction, form: ActionForm): CaseActionBody {
  const body: CaseActionBody = { action };
  for (const { field } of FIELDS[action]) {
    if (field === 'days') {
      if (typeof form.days === 'number' && Number.isFinite(form.days)) body.days = form.days;
    } else if (field === 'feedback') {
      if (form.feedback) body.feedback = form.feedback;
    } else if (field === 'attachmentIds') {
      if (form.attachmentIds.length) body.attachmentIds = [...form.attachmentIds];
    } else {
      const value = form[field].trim();
      if (value) body[field] = value;
    }
  }
  return body;
}

export interface UnitOption {
  value: string;
  label: string;
}

/**
 * The units offered for a routing field: committees follow a case; an internal route is handled inside
 * the congress (offices, committees), a transfer goes to an outside body. The service checks again.
 */
export function unitOptions(units: readonly Unit[], action: CaseAction, field: 'committee' | 'handledBy', english = false): UnitOption[] {
  const fits = (unit: Unit): boolean => {
    if (field === 'committee') return unit.kind === 'committee';
    return action === 'transfer' ? unit.kind === 'external' : unit.kind !== 'external';
  };
  return units
    .filter((unit) => unit.active && fits(unit))
    .map((unit) => ({ value: unit.code, label: `${(english && unit.nameEn) || unit.name}（${unit.code}）` }));
}

/** The form field a refusal of the service is about, by its code (the service's domain errors carry no field). */
const FIELD_OF_CODE: Readonly<Record<string, ActionField>> = {
  REASON_REQUIRED: 'reason',
  REASON_TOO_LONG: 'reason',
  WRITTEN_REPORT_REQUIRED: 'report',
  WRITTEN_REPORT_ATTACHMENT_REQUIRED: 'attachmentIds',
  ATTACHMENT_NOT_OF_CASE: 'attachmentIds',
  REPORT_TOO_LONG: 'report',
  NOTE_TOO_LONG: 'note',
  FEEDBACK_REQUIRED: 'feedback',
  EXTENSION_DAYS_REQUIRED: 'days',
  EXTENSION_TOO_LONG: 'days',
  INVALID_DAYS: 'days',
  APPROVER_REQUIRED: 'approver',
  LEADER_REQUIRED: 'leaderId',
  LEADER_INACTIVE: 'leaderId',
  LEADER_AT_CAPACITY: 'leaderId',
  UNKNOWN_UNIT: 'handledBy',
  ROUTE_TO_EXTERNAL_UNIT: 'handledBy',
  TRANSFER_TO_INTERNAL_UNIT: 'handledBy',
};

/**
 * The sentences to show at the fields of an action's form: the validation problems by field, or the one
 * refusal whose code names a field of this form. Whatever is not placed at a field is shown above the buttons.
 */
export function actionFieldErrors(action: CaseAction, error: { code: string; message: string; fieldProblems(): Record<string, string> }): Partial<Record<ActionField, string>> {
  const own = new Set(FIELDS[action].map((spec) => spec.field));
  const out: Partial<Record<ActionField, string>> = {};
  for (const [field, message] of Object.entries(error.fieldProblems())) if (own.has(field as ActionField)) out[field as ActionField] = message;
  const field = FIELD_OF_CODE[error.code];
  if (field && own.has(field) && error.message) out[field] ??= error.message;
  return out;
}

export type ConversionKind = components['schemas']['ConversionKind'];
export type ConversionBody = components['schemas']['CreateConversionDto'];
export const CONVERSION_KINDS: readonly ConversionKind[] = ['legislative-suggestion', 'supervision-topic', 'deputy-motion', 'department-opinion'];

export interface ConversionForm {
  kind: ConversionKind | '';
  title: string;
  note: string;
}

/** The body of `POST /cases/:id/conversions`; an unchosen kind is sent as is for the service to name the problem. */
export function conversionBody(form: ConversionForm): ConversionBody {
  const body: ConversionBody = { kind: form.kind as ConversionKind, title: form.title.trim() };
  const note = form.note.trim();
  if (note) body.note = note;
  return body;
}
