import type { Role } from '../domain/actor.js';
import type { AttachmentKind } from './attachment-kinds.js';

/**
 * Who may see an attachment beyond seeing its case. Scans of the letter and the petitioner's materials carry
 * the petitioner's ID number, phone and address as written: they cannot be masked, so only the office (admin,
 * secretariat: the roles that see personal data in clear) lists and reads them, like the 告知书 addressed to
 * the petitioner (its name in full; stored with `officeOnly`). Leaders, auditors and handling units (account
 * or link) see the rest: units' reports, meeting documents, letters to units, other files.
 */
export const OFFICE_ONLY_KINDS: readonly AttachmentKind[] = ['petition-scan', 'petitioner-material'];

/** Whether a new attachment is office-only: by its kind, or because its writer says so (a letter to the petitioner). */
export const isOfficeOnly = (kind: AttachmentKind, requested: boolean | undefined): boolean => requested === true || OFFICE_ONLY_KINDS.includes(kind);

/** Whether a reader in this role may list and read the attachment (the case itself already visible to it). */
export const mayReadAttachment = (attachment: { officeOnly: boolean }, role: Role | 'link'): boolean => !attachment.officeOnly || role === 'admin' || role === 'secretariat';
