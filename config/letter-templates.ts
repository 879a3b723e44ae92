import { readFileSync } from 'node:fs';
import { LETTER_KINDS, LETTER_TEMPLATE_LIMITS, type LetterKind, type LetterTemplateText } from '../src/domain/letter-kinds.js';
import { projectPath } from './paths.js';

/**
 * The shipped wording of the letters (公文), one template per kind, in `config/letter-templates.json`.
 * An admin's edits are stored (table `letter_templates`) and win over these; these serve until then.
 * The placeholders are checked by the letters module at start-up (a template naming an unknown one stops the boot).
 */
export type LetterTemplateDefaults = Readonly<Record<LetterKind, LetterTemplateText>>;

const FIELDS = ['title', 'numberPrefix', 'addressee', 'body'] as const;

export function parseLetterTemplates(raw: unknown, source = 'config/letter-templates.json'): LetterTemplateDefaults {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${source}: must be an object keyed by letter kind`);
  const input = raw as Record<string, unknown>;
  const out = {} as Record<LetterKind, LetterTemplateText>;
  for (const kind of LETTER_KINDS) {
    const entry = input[kind] as Record<string, unknown> | undefined;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${source}: "${kind}" is missing`);
    const text = {} as Record<(typeof FIELDS)[number], string>;
    for (const field of FIELDS) {
      const value = entry[field];
      if (typeof value !== 'string' || !value.trim()) throw new Error(`${source}: "${kind}.${field}" must be a non-empty text`);
      if (value.length > LETTER_TEMPLATE_LIMITS[field]) throw new Error(`${source}: "${kind}.${field}" is longer than ${LETTER_TEMPLATE_LIMITS[field]} characters`);
      text[field] = value;
    }
    out[kind] = text;
  }
  const unknown = Object.keys(input).filter((k) => !(LETTER_KINDS as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`${source}: unknown letter kind(s) ${unknown.join(', ')}`);
  return out;
}

export function loadLetterTemplates(path = projectPath('config/letter-templates.json')): LetterTemplateDefaults {
  return parseLetterTemplates(JSON.parse(readFileSync(path, 'utf8')) as unknown, path);
}
