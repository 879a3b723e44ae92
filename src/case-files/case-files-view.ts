/** @deprecated Moved to src/attachments/http (rank 6) so that case-files and unit-links (both rank 9) can share it; import from there. Kept only until unit-links switches. */
export { type AttachmentView, type CaseAttachmentsView, toAttachmentView } from '../attachments/http/attachment-view.js';
