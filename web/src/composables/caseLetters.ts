import { ref } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { saveFile } from '@/composables/meetingPage';

export type CaseLetters = components['schemas']['CaseLettersResponse'];
export type GeneratedLetters = components['schemas']['GeneratedLettersResponse'];
export type LetterKind = components['schemas']['LetterKind'];
export type UnitNotice = components['schemas']['UnitNoticeResponse'];

/** The letters the secretariat prints for the petitioner from the case page (the others go with the notices). */
export const PRINTABLE: readonly LetterKind[] = ['acceptance-notice', 'rejection-notice'];

/** The print buttons: of the kinds the API offers now, those for the petitioner, in the API's order. */
export const printableKinds = (available: readonly LetterKind[]): LetterKind[] => available.filter((k) => PRINTABLE.includes(k));

/**
 * 公文 and 通知送达 on the case page: the case's letters and the kinds the API offers now, the notices to
 * units with their delivery state; generate a letter (the API decides whether it fits) and download it.
 */
export function useCaseLetters() {
  const letters = ref<CaseLetters | null>(null);
  const notices = ref<UnitNotice[]>([]);
  const failure = ref<unknown>(null);

  async function load(caseId: string): Promise<void> {
    failure.value = null;
    try {
      const [l, n] = await Promise.all([
        api.GET('/cases/{id}/letters', { params: { path: { id: caseId } } }),
        api.GET('/cases/{id}/notices', { params: { path: { id: caseId } } }),
      ]);
      letters.value = unwrap(l);
      notices.value = unwrap(n);
    } catch (error) {
      failure.value = error;
    }
  }

  /** Generates a letter; the answer names it (`created`) among the case's letters. */
  async function generate(caseId: string, kind: LetterKind): Promise<GeneratedLetters> {
    const result = unwrap(await api.POST('/cases/{id}/letters', { params: { path: { id: caseId } }, body: { kind } }));
    letters.value = result;
    return result;
  }

  async function download(attachmentId: string, fileName: string): Promise<void> {
    const blob = unwrap(await api.GET('/attachments/{id}/content', { params: { path: { id: attachmentId } }, parseAs: 'blob' }));
    saveFile(blob as Blob, fileName);
  }

  return { letters, notices, failure, load, generate, download };
}
