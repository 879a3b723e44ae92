import type { AttachmentKind, AttachmentVia } from './attachment-kinds.js';
import type { CaseAttachment } from './attachment.entity.js';

/** What other modules and the API see of an attachment (no storage key, no key id). */
export interface AttachmentRecord {
  id: string;
  caseId: string;
  kind: AttachmentKind;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  unitCode: string | null;
  uploadedByName: string;
  via: AttachmentVia;
  letterNumber: string | null;
  /** Office only (`attachment-audience.ts`). */
  officeOnly: boolean;
  createdAt: Date;
}

export const toAttachmentRecord = (row: CaseAttachment): AttachmentRecord => ({
  id: row.id,
  caseId: row.caseId,
  kind: row.kind,
  fileName: row.fileName,
  mediaType: row.mediaType,
  size: row.size,
  sha256: row.sha256,
  unitCode: row.unitCode,
  uploadedByName: row.uploadedByName,
  via: row.via,
  letterNumber: row.letterNumber,
  officeOnly: row.officeOnly,
  createdAt: row.createdAt,
});
