import { LETTER_PLACEHOLDERS, LETTER_TEMPLATE_LIMITS, type LetterPlaceholder, type LetterTemplateText } from '../domain/letter-kinds.js';
import { LetterErrors } from './letters.errors.js';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PREFIX = /^[\p{Script=Han}A-Za-z0-9]+$/u;

/** The placeholder names used in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

const isKnown = (name: string): name is LetterPlaceholder => (LETTER_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * Checks a template's wording: every placeholder known, braces balanced, the prefix plain, at most 40
 * paragraphs (lengths are checked by the DTO). Throws the 422 naming what is wrong.
 */
export function assertValidTemplate(template: LetterTemplateText): void {
  if (!PREFIX.test(template.numberPrefix)) throw LetterErrors.prefixInvalid();
  const unknown = new Set<string>();
  for (const field of ['title', 'addressee', 'body'] as const) {
    const text = template[field];
    for (const name of placeholdersIn(text)) if (!isKnown(name)) unknown.add(name);
    const rest = text.replace(PLACEHOLDER, '');
    if (rest.includes('{{') || rest.includes('}}')) throw LetterErrors.malformedPlaceholder(field);
  }
  if (unknown.size) throw LetterErrors.unknownPlaceholders([...unknown]);
  if (template.body.split('\n').length > LETTER_TEMPLATE_LIMITS.bodyLines) throw LetterErrors.tooManyLines(LETTER_TEMPLATE_LIMITS.bodyLines);
}

/** The values of a letter: a placeholder without a value (null or '') leaves its body line out. */
export type LetterValues = Readonly<Record<LetterPlaceholder, string | null>>;

/** The filled-in wording: title, addressee, and the body's paragraphs (blank lines dropped). */
export interface FilledLetter {
  title: string;
  addressee: string;
  paragraphs: string[];
}

const fill = (text: string, values: LetterValues): string => text.replace(PLACEHOLDER, (_m, name: string) => (isKnown(name) ? (values[name] ?? '') : ''));

/** Fills a (valid) template in: body lines whose placeholders have no value are left out. */
export function fillTemplate(template: LetterTemplateText, values: LetterValues): FilledLetter {
  const paragraphs = template.body
    .split('\n')
    .filter((line) => placeholdersIn(line).every((name) => isKnown(name) && values[name]))
    .map((line) => fill(line, values).trim())
    .filter((line) => line.length > 0);
  return { title: fill(template.title, values).trim(), addressee: fill(template.addressee, values).trim(), paragraphs };
}

/** 人大信转〔2026〕12号 */
export const letterNumber = (prefix: string, year: number, serial: number): string => `${prefix}〔${year}〕${serial}号`;
