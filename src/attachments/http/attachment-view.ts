import type { AttachmentKind, AttachmentVia } from '../attachment-kinds.js';
import type { AttachmentRecord } from '../attachment-record.js';

/** An attachment as the API shows it. */
export interface AttachmentView {
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
  /** Only the office (admin, secretariat) may see it: it carries the petitioner's personal data. */
  officeOnly: boolean;
  createdAt: string;
  /** GET this (with the bearer token) for the content. */
  contentUrl: string;
}

export const toAttachmentView = (r: AttachmentRecord): AttachmentView => ({
  id: r.id,
  caseId: r.caseId,
  kind: r.kind,
  fileName: r.fileName,
  mediaType: r.mediaType,
  size: r.size,
  sha256: r.sha256,
  unitCode: r.unitCode,
  uploadedByName: r.uploadedByName,
  via: r.via,
  letterNumber: r.letterNumber,
  officeOnly: r.officeOnly,
  createdAt: r.createdAt.toISOString(),
  contentUrl: `/attachments/${r.id}/content`,
});

/** The list of a case's attachments, with what this user may do. */
export interface CaseAttachmentsView {
  items: AttachmentView[];
  /** Kinds this user may upload on this case (empty: no upload). */
  uploadKinds: AttachmentKind[];
  maxBytes: number;
  perCase: number;
}
