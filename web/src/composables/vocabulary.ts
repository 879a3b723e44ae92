import { EN, ZH, label, type Vocabulary } from '@domain/labels';
import { currentLanguage } from './useI18n';

/**
 * The product's vocabulary (statuses, grades, categories, channels, meeting types), the same words the
 * service uses in invites, reports and exports: src/domain/labels.ts is the one source.
 */
export function vocabulary(): Readonly<Vocabulary> {
  return currentLanguage() === 'en' ? EN : ZH;
}

export function term(kind: keyof Vocabulary, value: string | null | undefined): string {
  return value ? label(vocabulary()[kind] as Readonly<Record<string, string>>, value) : '';
}

/** The options of a select over one vocabulary table, in the table's order. */
export function termOptions(kind: keyof Vocabulary): { value: string; label: string }[] {
  return Object.entries(vocabulary()[kind]).map(([value, text]) => ({ value, label: text }));
}
