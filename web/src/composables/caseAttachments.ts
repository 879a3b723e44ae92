import { ref } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { saveFile } from '@/composables/meetingPage';

export type Attachment = components['schemas']['AttachmentResponse'];
export type AttachmentKind = components['schemas']['AttachmentKind'];
export type CaseAttachments = components['schemas']['CaseAttachmentsResponse'];

/** `1.2 MB`, `340 KB`, `12 B`: sizes as people read them (binary units, one decimal when small). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The multipart body of an upload: the kind, then the file (field names as the API reads them). */
export function uploadForm(kind: AttachmentKind, file: File): FormData {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return form;
}

/**
 * The attachments of one case as the API shows them to this user: the list, the kinds this user may upload
 * (empty: no upload), the limits; upload and download (fetched with the token, saved under its name).
 */
export function useCaseAttachments() {
  const data = ref<CaseAttachments | null>(null);
  const failure = ref<unknown>(null);

  async function load(caseId: string): Promise<void> {
    try {
      data.value = unwrap(await api.GET('/cases/{id}/attachments', { params: { path: { id: caseId } } }));
      failure.value = null;
    } catch (error) {
      failure.value = error;
    }
  }

  async function upload(caseId: string, kind: AttachmentKind, file: File): Promise<Attachment> {
    const form = uploadForm(kind, file);
    const stored = unwrap(
      await api.POST('/cases/{id}/attachments', {
        params: { path: { id: caseId } },
        body: { kind, file: '' },
        bodySerializer: () => form,
      }),
    );
    await load(caseId);
    return stored;
  }

  async function download(attachment: Pick<Attachment, 'id' | 'fileName'>): Promise<void> {
    const blob = unwrap(await api.GET('/attachments/{id}/content', { params: { path: { id: attachment.id } }, parseAs: 'blob' }));
    saveFile(blob as Blob, attachment.fileName);
  }

  return { data, failure, load, upload, download };
}
