/**
 * The official letters (公文) the office issues on a case: two notices to the petitioner (告知书) and four
 * letters to the handling unit. The vocabulary is shared by the letters, the notices to units, the
 * shipped templates (config/letter-templates.json) and the console.
 */
export const LETTER_KINDS = ['acceptance-notice', 'rejection-notice', 'transfer-letter', 'assignment-sheet', 'supervision-letter', 'urging-notice'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Readonly<Record<LetterKind, { zh: string; en: string }>> = {
  'acceptance-notice': { zh: '受理告知书', en: 'acceptance notice' },
  'rejection-notice': { zh: '不予受理告知书', en: 'rejection notice' },
  'transfer-letter': { zh: '转送函', en: 'transfer letter' },
  'assignment-sheet': { zh: '交办单', en: 'assignment sheet' },
  'supervision-letter': { zh: '督办函', en: 'supervision letter' },
  'urging-notice': { zh: '催办通报', en: 'urging notice' },
};

/** Letters addressed to the petitioner (the name appears in full); the others go to the handling unit (the name masked). */
export const PETITIONER_LETTERS: readonly LetterKind[] = ['acceptance-notice', 'rejection-notice'];

/**
 * The placeholders a template may use ({{caseCode}} …). A line of the body whose placeholder has no value
 * (e.g. {{reason}} of a first supervision) is left out of the letter.
 */
export const LETTER_PLACEHOLDERS = [
  'caseCode',
  'subject',
  'receivedDate',
  'acceptedDate',
  'routedDate',
  'dueDate',
  'petitionerName',
  'unitName',
  'reason',
  'officeName',
  'date',
  'number',
] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

/** The editable wording of one kind of letter. */
export interface LetterTemplateText {
  /** The title under the red rule (标题). */
  title: string;
  /** The number's prefix: 人大信转 gives 人大信转〔2026〕12号; numbers count per prefix and year. */
  numberPrefix: string;
  /** 主送: whom the letter is addressed to, e.g. `{{unitName}}：`. */
  addressee: string;
  /** The body, one paragraph per line. */
  body: string;
}

export const LETTER_TEMPLATE_LIMITS = { title: 60, numberPrefix: 12, addressee: 100, body: 3000, bodyLines: 40 } as const;
