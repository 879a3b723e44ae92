/** @deprecated Moved to src/attachments/http (rank 6) so that case-files and unit-links (both rank 9) can share it; import from there. Kept only until unit-links switches. */
import { AttachmentErrors } from '../attachments/attachments.errors.js';

export const CaseFilesErrors = { malformed: AttachmentErrors.malformed, kindNotAllowed: AttachmentErrors.kindNotAllowed };
