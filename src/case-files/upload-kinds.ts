/** Re-exported: these live in src/attachments/http (rank 6), shared by every upload route (case-files, unit-links); import from there. */
export { UPLOAD_KINDS } from '../attachments/http/upload-kinds.js';
