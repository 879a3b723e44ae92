import { computed, ref } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type LetterTemplate = components['schemas']['LetterTemplateResponse'];
export type LetterPreview = components['schemas']['LetterPreviewResponse'];
export type LetterKind = components['schemas']['LetterKind'];

export interface TemplateForm {
  title: string;
  numberPrefix: string;
  addressee: string;
  body: string;
  version: number;
}

export const formOf = (t: LetterTemplate): TemplateForm => ({ title: t.title, numberPrefix: t.numberPrefix, addressee: t.addressee, body: t.body, version: t.version });

/** The text with `{{name}}` put in at the cursor (or at the end), and where the cursor goes after it. */
export function insertPlaceholder(text: string, at: number | null, name: string): { text: string; cursor: number } {
  const token = `{{${name}}}`;
  const i = at === null || at < 0 || at > text.length ? text.length : at;
  return { text: text.slice(0, i) + token + text.slice(i), cursor: i + token.length };
}

/**
 * 公文模板: the six kinds as the API lists them, one edited in a form; the preview is the API's (the
 * wording filled with an invented case) and so is every refusal (unknown placeholders are named by it).
 */
export function useLetterTemplates() {
  const templates = ref<LetterTemplate[]>([]);
  const kind = ref<LetterKind | null>(null);
  const form = ref<TemplateForm | null>(null);
  const preview = ref<LetterPreview | null>(null);
  const failure = ref<unknown>(null);
  const current = computed(() => templates.value.find((t) => t.kind === kind.value) ?? null);

  async function load(): Promise<void> {
    failure.value = null;
    try {
      templates.value = unwrap(await api.GET('/letter-templates'));
      if (!kind.value && templates.value.length) await choose(templates.value[0].kind);
    } catch (error) {
      failure.value = error;
    }
  }

  async function choose(next: LetterKind): Promise<void> {
    kind.value = next;
    const found = templates.value.find((t) => t.kind === next);
    form.value = found ? formOf(found) : null;
    preview.value = null;
    await refreshPreview().catch(() => undefined);
  }

  async function refreshPreview(): Promise<void> {
    if (!kind.value || !form.value) return;
    const { title, numberPrefix, addressee, body } = form.value;
    preview.value = unwrap(await api.POST('/letter-templates/{kind}/preview', { params: { path: { kind: kind.value } }, body: { title, numberPrefix, addressee, body } }));
  }

  async function save(): Promise<LetterTemplate | null> {
    if (!kind.value || !form.value) return null;
    const saved = unwrap(await api.PUT('/letter-templates/{kind}', { params: { path: { kind: kind.value } }, body: form.value }));
    templates.value = templates.value.map((t) => (t.kind === saved.kind ? saved : t));
    form.value = formOf(saved);
    return saved;
  }

  return { templates, kind, form, preview, failure, current, load, choose, refreshPreview, save };
}
