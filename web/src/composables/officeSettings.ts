import { ApiError } from '@/api/errors';
import { splitWords } from './directoryAdmin';

/**
 * 办公设置: the versioned office settings as the form edits them, the problems the API found put back at
 * the fields they name (by path: `officeHours[1]`, `holidays[0].to`, `deadlines.acceptDays`), and the
 * small list edits of the form. Whether a value is acceptable (overlaps, ranges, limits) is the API's call.
 */
export interface OfficeSettingsBody {
  deadlines: {
    acceptDays: number;
    handleDays: number;
    supervisedReplyMonths: number;
    extensionMaxDays: number;
    resupervisionDays: number;
    reviewRequestDays: number;
    dueSoonDays: number;
    /** 签收期限: working days a handling unit has to sign (issue 15). */
    signDays: number;
  };
  officeHours: [string, string][];
  holidays: { name: string; from: string; to: string }[];
  workdays: { name: string; date: string }[];
  coveredYears: number[];
  lookback: { sampleShare: number; windowDays: number };
  reminders: { alarmMinutesBefore: number[] };
  meetings: {
    meetingMinutes: Record<MeetingKind, number>;
    minutesPerCase: Record<MeetingKind, number>;
    slotStepMinutes: number;
    minNoticeHours: number;
    maxPlanDays: number;
    defaultLocation: string;
    /** Deputies the planner invites at most to one meeting (0–10; the API fills 2 for versions stored before it existed). */
    maxDeputiesPerMeeting: number;
  };
}

export type MeetingKind = 'special' | 'joint' | 'supervision';
export const MEETING_KINDS: readonly MeetingKind[] = ['special', 'joint', 'supervision'];

/** The deadlines in the form's order, with the unit each counts in (message keys under settings.units). */
export const DEADLINE_FIELDS: readonly { key: keyof OfficeSettingsBody['deadlines']; unit: 'days' | 'months' | 'workdays' }[] = [
  { key: 'acceptDays', unit: 'days' },
  { key: 'handleDays', unit: 'days' },
  { key: 'supervisedReplyMonths', unit: 'months' },
  { key: 'extensionMaxDays', unit: 'days' },
  { key: 'resupervisionDays', unit: 'days' },
  { key: 'reviewRequestDays', unit: 'days' },
  { key: 'dueSoonDays', unit: 'days' },
  { key: 'signDays', unit: 'workdays' },
];

export interface Problem {
  path: string;
  code: string;
  message: string;
  messageEn?: string;
}

function isProblem(item: unknown): item is Problem {
  return typeof item === 'object' && item !== null && typeof (item as Problem).path === 'string' && typeof (item as Problem).message === 'string';
}

/** A problem's sentence in the console's language. */
export function problemText(problem: Problem, language: string): string {
  return language === 'en' && problem.messageEn ? problem.messageEn : problem.message;
}

/** Problems by path (several sentences for one path are joined). */
export function problemsByPath(problems: readonly Problem[], language: string): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const problem of problems) {
    const text = problemText(problem, language);
    byPath[problem.path] = byPath[problem.path] ? `${byPath[problem.path]} ${text}` : text;
  }
  return byPath;
}

/** The sentences for a place of the form: its own path and every path inside it (`officeHours[1]` holds `officeHours[1][0]`). */
export function problemsAt(byPath: Record<string, string>, path: string): string {
  return Object.entries(byPath)
    .filter(([p]) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`))
    .map(([, text]) => text)
    .join(' ');
}

/** What a failed save said: the problems by path (SETTINGS_INVALID's details), else one sentence. */
export function settingsFailure(error: unknown, describe: (error: unknown) => string, language: string): { byPath: Record<string, string>; general: string } {
  if (error instanceof ApiError && Array.isArray(error.details)) {
    const problems = (error.details as unknown[]).filter(isProblem);
    if (problems.length) return { byPath: problemsByPath(problems, language), general: describe(error) };
  }
  if (error instanceof ApiError) {
    const fields = error.fieldProblems(language);
    if (Object.keys(fields).length) return { byPath: fields, general: describe(error) };
  }
  return { byPath: {}, general: describe(error) };
}

/** A deep copy for the form (the version's body stays as the API sent it). */
export function editableCopy(body: OfficeSettingsBody): OfficeSettingsBody {
  return JSON.parse(JSON.stringify(body)) as OfficeSettingsBody;
}

export function sameBody(a: OfficeSettingsBody, b: OfficeSettingsBody): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A new office period after the last one (the API checks order and overlaps). */
export function withPeriod(hours: readonly [string, string][]): [string, string][] {
  const last = hours[hours.length - 1];
  return [...hours.map((p) => [...p] as [string, string]), last ? [last[1], last[1]] : ['09:00', '12:00']];
}

export function withoutIndex<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** "1440, 30" → [1440, 30]; a word that is not a number is sent as it is, for the API to name. */
export function numbersOf(text: string): number[] {
  return splitWords(text).map((word) => (/^-?\d+(\.\d+)?$/.test(word) ? Number(word) : (word as unknown as number)));
}

/** The saving step to take: a new draft based on the active version, or an update of the draft being edited. */
export function saveRequest(
  draftId: string | null,
  activeVersion: number,
  body: OfficeSettingsBody,
  note: string,
): { method: 'POST'; body: { body: OfficeSettingsBody; note: string; basedOn: number } } | { method: 'PUT'; id: string; body: { body: OfficeSettingsBody; note: string } } {
  return draftId ? { method: 'PUT', id: draftId, body: { body, note } } : { method: 'POST', body: { body, note, basedOn: activeVersion } };
}

/** A version that can be made active again: published once, not the active one. */
export function canRollBackTo(version: { status: string; active: boolean; publishedAt: string | null }): boolean {
  return !version.active && version.status !== 'draft' && version.publishedAt !== null;
}

/** The draft to keep editing when the page opens: the newest version, if it is a draft. */
export function openDraft<T extends { status: string; version: number }>(versions: readonly T[]): T | null {
  const newest = [...versions].sort((a, b) => b.version - a.version)[0];
  return newest?.status === 'draft' ? newest : null;
}

/** Years as runs: 2004…2026 → "2004–2026"; gaps make several runs ("2024–2025、2027"). */
export function yearRuns(years: readonly number[], language: string): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return runs.join(language === 'en' ? ', ' : '、');
}
