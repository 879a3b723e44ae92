import type { components } from '@/api/schema';
import type { ApiError } from '@/api/errors';
import { officeInstant, partsOf } from './format';

/**
 * The intake form (登记): its model, the body of `POST /cases` built from it, the required fields the form
 * checks before sending (friendlier than the API's sentence for an empty field), and the API's field
 * problems put back at the fields they name.
 */
export type RegisterBody = components['schemas']['CreateCaseDto'];
type Channel = RegisterBody['channel'];
type Category = RegisterBody['category'];

export interface IntakeForm {
  channel: Channel | '';
  /** Office calendar date and wall time of receipt (YYYY-MM-DD, HH:mm). */
  receivedDate: string;
  receivedTime: string;
  petitioner: { name: string; idNumber: string; phone: string; address: string; organisation: string };
  headcount: number;
  subject: string;
  content: string;
  category: Category | '';
  region: string;
  unitsInvolved: string[];
  deputyReported: boolean;
  /** The deputy who reported the case (an id of the directory), '' when none. */
  reportedByDeputyId: string;
  important: boolean;
  provincialReferral: boolean;
  leaderInstructed: boolean;
}

/** The API's field names in the order the form shows them: the first problem in this order gets the focus. */
export const INTAKE_FIELDS = [
  'channel',
  'receivedAt',
  'petitioner.name',
  'petitioner.idNumber',
  'petitioner.phone',
  'petitioner.address',
  'petitioner.organisation',
  'headcount',
  'subject',
  'content',
  'category',
  'region',
  'unitsInvolved',
  'deputyReported',
  'reportedByDeputyId',
  'important',
  'provincialReferral',
  'leaderInstructed',
] as const;
export type IntakeField = (typeof INTAKE_FIELDS)[number];

const REQUIRED: readonly IntakeField[] = ['channel', 'receivedAt', 'petitioner.name', 'subject', 'content', 'category', 'region'];

/** An empty form received "now" in the office's time zone. */
export function emptyIntakeForm(now: Date): IntakeForm {
  const parts = partsOf(now.toISOString());
  return {
    channel: '',
    receivedDate: `${parts.year}-${parts.month}-${parts.day}`,
    receivedTime: `${parts.hour}:${parts.minute}`,
    petitioner: { name: '', idNumber: '', phone: '', address: '', organisation: '' },
    headcount: 1,
    subject: '',
    content: '',
    category: '',
    region: '',
    unitsInvolved: [],
    deputyReported: false,
    reportedByDeputyId: '',
    important: false,
    provincialReferral: false,
    leaderInstructed: false,
  };
}

/** The input element's id of a field (the label's `for`): `petitioner.phone` → `intake-petitioner-phone`. */
export function fieldInputId(field: IntakeField): string {
  return `intake-${field.replace(/\./g, '-').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The required fields left empty, in the form's order. */
export function missingFields(form: IntakeForm): IntakeField[] {
  const empty: Record<string, boolean> = {
    channel: !form.channel,
    receivedAt: !form.receivedDate || !form.receivedTime,
    'petitioner.name': !form.petitioner.name.trim(),
    subject: !form.subject.trim(),
    content: !form.content.trim(),
    category: !form.category,
    region: !form.region.trim(),
  };
  return REQUIRED.filter((field) => empty[field]);
}

const optional = (text: string): string | undefined => (text.trim() ? text.trim() : undefined);

/** The body of `POST /cases`; call it once missingFields() is empty. Empty optional fields are left out. */
export function registerBodyOf(form: IntakeForm): RegisterBody {
  const { name, idNumber, phone, address, organisation } = form.petitioner;
  return {
    channel: form.channel as Channel,
    receivedAt: officeInstant(form.receivedDate, form.receivedTime),
    petitioner: { name: name.trim(), idNumber: optional(idNumber), phone: optional(phone), address: optional(address), organisation: optional(organisation) },
    headcount: form.headcount,
    subject: form.subject.trim(),
    content: form.content.trim(),
    category: form.category as Category,
    region: form.region.trim(),
    unitsInvolved: [...form.unitsInvolved],
    deputyReported: form.deputyReported || Boolean(form.reportedByDeputyId),
    ...(form.reportedByDeputyId ? { reportedByDeputyId: form.reportedByDeputyId } : {}),
    important: form.important,
    provincialReferral: form.provincialReferral,
    leaderInstructed: form.leaderInstructed,
  };
}

/** The form field an API field name belongs to (`petitioner.phone`, `unitsInvolved.2` → `unitsInvolved`). */
export function intakeFieldOf(apiField: string): IntakeField | undefined {
  return INTAKE_FIELDS.find((field) => apiField === field || apiField.startsWith(`${field}.`));
}

/**
 * The API's problems by form field, in the user's language: a validation failure lists them
 * (`[{ field, message, messageEn }]`); a domain refusal such as INVALID_PHONE names one `{ field }` and
 * its sentence is the error's message. `rename` maps another endpoint's names (a lookup's `phone`).
 */
export function problemsOf(error: ApiError, language: string, rename: Record<string, string> = {}): Partial<Record<IntakeField, string>> {
  const problems: Partial<Record<IntakeField, string>> = {};
  const put = (field: unknown, message: unknown) => {
    if (typeof field !== 'string' || typeof message !== 'string' || !message) return;
    const target = intakeFieldOf(rename[field] ?? field);
    if (target) problems[target] ??= message;
  };
  for (const [field, message] of Object.entries(error.fieldProblems(language))) put(field, message);
  return problems;
}

/** Each field's value as text, to tell which fields the user changed (receivedAt: the date and the time). */
export function fieldValues(form: IntakeForm): Record<IntakeField, string> {
  const value = (field: IntakeField): unknown => {
    if (field === 'receivedAt') return [form.receivedDate, form.receivedTime];
    if (field.startsWith('petitioner.')) return form.petitioner[field.slice('petitioner.'.length) as keyof IntakeForm['petitioner']];
    return form[field as Exclude<keyof IntakeForm, 'petitioner' | 'receivedDate' | 'receivedTime'>];
  };
  return Object.fromEntries(INTAKE_FIELDS.map((field) => [field, JSON.stringify(value(field))])) as Record<IntakeField, string>;
}

/** The problems left once the user has changed some fields: a changed field's problem goes away. */
export function withoutChanged(problems: Partial<Record<IntakeField, string>>, before: Record<IntakeField, string>, after: Record<IntakeField, string>): Partial<Record<IntakeField, string>> {
  const left = { ...problems };
  for (const field of INTAKE_FIELDS) if (before[field] !== after[field]) delete left[field];
  return left;
}

/** The first field with a problem, in the form's order. */
export function firstProblemField(problems: Partial<Record<IntakeField, string>>): IntakeField | undefined {
  return INTAKE_FIELDS.find((field) => problems[field]);
}

/** A new Idempotency-Key: one per form, kept for every retry, renewed only after a saved case. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
