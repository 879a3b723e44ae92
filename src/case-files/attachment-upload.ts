/** Re-exported: these live in src/attachments/http (rank 6), shared by every upload route (case-files, unit-links); import from there. */
export { AttachmentFileInterceptor, AttachmentFilePipe, type MulterFile } from '../attachments/http/attachment-upload.js';
