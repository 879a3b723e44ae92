import { DateTime } from 'luxon';
import { maskName, redactPii } from '../common/pii/masking.js';
import type { CaseStatus, HandlingMode } from '../domain/case-vocabulary.js';
import { type LetterKind, PETITIONER_LETTERS } from '../domain/letter-kinds.js';
import type { LetterValues } from './letter-template.js';
import { LetterErrors } from './letters.errors.js';

/** What a letter needs of the case (read by the caller; no ID number, phone or address). */
export interface LetterCaseFacts {
  code: string;
  subject: string;
  status: CaseStatus;
  petitionerName: string;
  receivedAt: Date;
  acceptedAt: Date | null;
  routedAt: Date | null;
  routeMode: HandlingMode;
  dueAt: Date | null;
  replyDueAt: Date | null;
  resupervisionCount: number;
  /** The timeline, oldest first: the reasons of reject, urge and resupervise come from it. */
  events: readonly { action: string; reason: string | null }[];
}

const lastReason = (facts: LetterCaseFacts, action: string): string | null => [...facts.events].reverse().find((e) => e.action === action)?.reason ?? null;
const has = (facts: LetterCaseFacts, action: string): boolean => facts.events.some((e) => e.action === action);

type Why = { zh: string; en: string } | null;

/** Whether the case's state fits the letter: each letter follows the step it documents. */
const APPLICABLE: Readonly<Record<LetterKind, (facts: LetterCaseFacts) => Why>> = {
  'acceptance-notice': (f) => (f.acceptedAt !== null && has(f, 'accept') ? null : { zh: '该事项尚未受理。', en: 'the case has not been accepted.' }),
  'rejection-notice': (f) => (f.status === 'rejected' ? null : { zh: '该事项未被决定不予受理。', en: 'the case was not rejected.' }),
  'transfer-letter': (f) =>
    f.routedAt !== null && (f.routeMode === 'transfer' || f.routeMode === 'supervised') && has(f, 'transfer') ? null : { zh: '该事项尚未转送承办单位。', en: 'the case has not been transferred to a unit.' },
  'assignment-sheet': (f) => (f.routedAt !== null && f.routeMode === 'internal' && has(f, 'route') ? null : { zh: '该事项尚未分流交办给专（工）委。', en: 'the case has not been routed to a committee.' }),
  'supervision-letter': (f) =>
    f.routedAt !== null && (f.routeMode === 'supervised' || f.resupervisionCount > 0)
      ? null
      : { zh: '该事项不是督办件，也未再督办。', en: 'the case is neither a supervised item nor re-supervised.' },
  'urging-notice': (f) => (has(f, 'urge') ? null : { zh: '该事项尚未催办。', en: 'the case has not been urged.' }),
};

/** Throws 409 LETTER_NOT_APPLICABLE with a sentence when the case's state does not fit the letter. */
export function assertApplicable(kind: LetterKind, facts: LetterCaseFacts): void {
  const why = APPLICABLE[kind](facts);
  if (why) throw LetterErrors.notApplicable(kind, why);
}

/** The kinds that fit the case now (for the console's buttons). */
export function applicableKinds(kinds: readonly LetterKind[], facts: LetterCaseFacts): LetterKind[] {
  return kinds.filter((k) => APPLICABLE[k](facts) === null);
}

/** `2026年11月26日` in the office's time zone. */
export function chineseDate(at: Date, timeZone: string): string {
  const d = DateTime.fromJSDate(at, { zone: timeZone });
  return `${d.year}年${d.month}月${d.day}日`;
}

export interface LetterContext {
  kind: LetterKind;
  facts: LetterCaseFacts;
  unitName: string;
  officeName: string;
  number: string;
  now: Date;
  timeZone: string;
}

/**
 * The placeholders' values. The petitioner's name in full only in the notices to the petitioner; masked
 * (张*) in letters to units. Free texts pass `redactPii`: an ID number or phone typed into a subject or a
 * reason never reaches a letter.
 */
export function letterValues({ kind, facts, unitName, officeName, number, now, timeZone }: LetterContext): LetterValues {
  const date = (at: Date | null): string | null => (at ? chineseDate(at, timeZone) : null);
  const reasonAction = kind === 'rejection-notice' ? 'reject' : kind === 'urging-notice' ? 'urge' : kind === 'supervision-letter' && facts.resupervisionCount > 0 ? 'resupervise' : null;
  const reason = reasonAction ? lastReason(facts, reasonAction) : null;
  const name = PETITIONER_LETTERS.includes(kind) ? facts.petitionerName.trim() : maskName(facts.petitionerName);
  return {
    caseCode: facts.code,
    subject: redactPii(facts.subject),
    receivedDate: date(facts.receivedAt),
    acceptedDate: date(facts.acceptedAt),
    routedDate: date(facts.routedAt),
    dueDate: date(facts.replyDueAt ?? facts.dueAt) ?? '规定期限',
    petitionerName: redactPii(name),
    unitName,
    reason: reason ? redactPii(reason) : null,
    officeName,
    date: chineseDate(now, timeZone),
    number,
  };
}

/** The year of an instant in the office's time zone (letters are numbered per year). */
export function officeYear(at: Date, timeZone: string): number {
  return DateTime.fromJSDate(at, { zone: timeZone }).year;
}
