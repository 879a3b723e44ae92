/** Re-exported: these live in src/attachments/http (rank 6), shared by every upload route (case-files, unit-links); import from there. */
import { AttachmentErrors } from '../attachments/attachments.errors.js';

export const CaseFilesErrors = { malformed: AttachmentErrors.malformed, kindNotAllowed: AttachmentErrors.kindNotAllowed };
