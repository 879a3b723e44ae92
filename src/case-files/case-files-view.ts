/** Re-exported: these live in src/attachments/http (rank 6), shared by every upload route (case-files, unit-links); import from there. */
export { type AttachmentView, type CaseAttachmentsView, toAttachmentView } from '../attachments/http/attachment-view.js';
