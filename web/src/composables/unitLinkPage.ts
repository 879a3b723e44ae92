import { ref } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { uploadForm, type Attachment } from '@/composables/caseAttachments';
import { saveFile } from '@/composables/meetingPage';
import type { UnitActionBody } from '@/composables/unitCase';

export type UnitLinkPage = components['schemas']['UnitLinkPageResponse'];

/**
 * The unit link page's data (no login: the token in the URL is the only credential): the case as the
 * link's unit sees it, its steps, uploads and downloads, all through /unit-links/{token}. A bad link keeps
 * the API's sentence (forged, expired, revoked, handed to another unit).
 */
export function useUnitLinkPage() {
  const page = ref<UnitLinkPage | null>(null);
  const failure = ref<unknown>(null);
  const loading = ref(true);
  let token = '';

  async function load(next: string): Promise<void> {
    if (next !== token) page.value = null;
    token = next;
    loading.value = page.value === null;
    try {
      page.value = unwrap(await api.GET('/unit-links/{token}', { params: { path: { token } } }));
      failure.value = null;
    } catch (error) {
      page.value = null;
      failure.value = error;
    } finally {
      loading.value = false;
    }
  }

  async function perform(body: UnitActionBody): Promise<void> {
    page.value = unwrap(await api.POST('/unit-links/{token}/actions', { params: { path: { token } }, body }));
  }

  async function upload(file: File, kind: 'unit-report' | 'other'): Promise<Attachment> {
    const form = uploadForm(kind, file);
    const stored = unwrap(await api.POST('/unit-links/{token}/attachments', { params: { path: { token } }, body: { kind, file: '' }, bodySerializer: () => form }));
    await load(token);
    return stored;
  }

  async function download(item: Pick<Attachment, 'id' | 'fileName'>): Promise<void> {
    const blob = unwrap(await api.GET('/unit-links/{token}/attachments/{attachmentId}', { params: { path: { token, attachmentId: item.id } }, parseAs: 'blob' }));
    saveFile(blob as Blob, item.fileName);
  }

  return { page, failure, loading, load, perform, upload, download };
}
