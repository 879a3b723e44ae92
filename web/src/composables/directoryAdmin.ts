import { ApiError } from '@/api/errors';

/**
 * The directory page's forms (单位, 领导, 代表, 会议室, 用户): a form's model from the record it edits, the
 * body of a create, the body of a PATCH holding only what changed (so the audit lists real changes), list
 * editing for 职责清单 / regions / equipment, and the API's answer put back at the fields. Whether a value
 * is acceptable is the API's call: nothing here repeats its rules.
 */

/** The fields of a record the form edits, and their values as the form holds them. */
export type FormValues = Record<string, string | number | boolean | string[] | null>;

/** An empty text field stands for "not given" (create) or "cleared" (PATCH of a nullable field). */
function normalised(value: FormValues[string]): FormValues[string] {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return value.map((item) => item.trim()).filter((item) => item !== '');
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A create's body: the form's fields, trimmed; empty ones left out (the API applies its defaults). */
export function createBody<T extends FormValues>(form: T, fields: readonly (keyof T & string)[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = normalised(form[field]);
    if (value !== null) body[field] = value;
  }
  return body;
}

/**
 * A PATCH's body: only the fields whose value differs from the record's; a cleared text field is sent as
 * null (the API says which fields may be cleared). Empty when nothing changed.
 */
export function patchBody<T extends FormValues>(original: Partial<Record<keyof T, unknown>>, form: T, fields: readonly (keyof T & string)[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = normalised(form[field]);
    if (!same(value, normalised((original[field] ?? null) as FormValues[string]))) body[field] = value;
  }
  return body;
}

/** A list field's editing, each a new array: add an empty line, remove one, move one up or down. */
export function withLine(list: readonly string[], value = ''): string[] {
  return [...list, value];
}

export function withoutLine(list: readonly string[], index: number): string[] {
  return list.filter((_, i) => i !== index);
}

export function moved(list: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** "a, b；c" → ['a', 'b', 'c']: comma-separated words (Chinese or Latin commas, semicolons, 、). */
export function splitWords(text: string): string[] {
  return text
    .split(/[,，;；、\n]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

export function joinWords(words: readonly string[] | null | undefined, language: string): string {
  return (words ?? []).join(language === 'en' ? ', ' : '、');
}

/** What went wrong, for a form: the API's problems by field (a list's items under the list: `responsibilities.2` → `responsibilities`), and the sentence when no field is named. */
export interface FormProblems {
  fields: Record<string, string>;
  general: string;
}

export function formProblems(error: unknown, describe: (error: unknown) => string, language: string): FormProblems {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const [field, message] of Object.entries(error.fieldProblems(language))) {
      const key = field.replace(/\.\d+$/, '').replace(/\[\d+\]$/, '');
      fields[key] ??= message;
    }
  }
  return { fields, general: Object.keys(fields).length ? '' : describe(error) };
}

export const NO_PROBLEMS: FormProblems = { fields: {}, general: '' };

/** What an admin can ask of an account, with the words of its button, its question and its notice (message keys). */
export type AccountAction = 'disable' | 'enable' | 'reset' | 'revoke';
export const accountAction: Record<AccountAction, { label: string; confirm: string | null; done: string | null }> = {
  disable: { label: 'directory.user.disable', confirm: 'directory.user.confirmDisable', done: 'directory.user.disabled' },
  enable: { label: 'directory.user.enable', confirm: null, done: 'directory.user.enabled' },
  reset: { label: 'directory.user.resetPassword', confirm: 'directory.user.confirmReset', done: null },
  revoke: { label: 'directory.user.revoke', confirm: 'directory.user.confirmRevoke', done: 'directory.user.revoked' },
};
