import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { AttachmentKind, AttachmentVia } from './attachment-kinds.js';

/**
 * A file attached to a case (附件). The content lives under ATTACHMENTS_DIR at `storageKey`, sealed with the
 * personal-data key named by `keyId` (PiiCipher.sealBytes); `sha256` is of the plain content. Written only by
 * src/attachments; the file is written before the row, so a row never points at a missing file.
 */
@Entity('case_attachments')
@Index('idx_case_attachments_case', ['caseId', 'createdAt'])
@Index('idx_case_attachments_key', ['keyId'])
export class CaseAttachment {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: AttachmentKind;

  /** The display name (sanitised, ID and phone numbers masked). */
  @Column({ type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  mediaType!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** Path under ATTACHMENTS_DIR. */
  @Column({ type: 'varchar', length: 80 })
  storageKey!: string;

  /** Id of the personal-data key the file is sealed with (rotation). */
  @Column({ type: 'varchar', length: 16 })
  keyId!: string;

  /** The handling unit that uploaded it (a unit's account or link), else null. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  unitCode!: string | null;

  @Column({ type: 'varchar', length: 64 })
  uploadedById!: string;

  @Column({ type: 'varchar', length: 100 })
  uploadedByName!: string;

  @Column({ type: 'varchar', length: 8 })
  via!: AttachmentVia;

  /**
   * Only the office (admin, secretariat) may list and read it: it carries the petitioner's personal data in
   * full (a scanned letter, the petitioner's materials, a 告知书 addressed to the petitioner). See
   * `attachment-audience.ts`.
   */
  @Column({ type: 'boolean', default: false })
  officeOnly!: boolean;

  /** The number of a generated letter (〔2026〕12号), else null. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  letterNumber!: string | null;

  @DateTimeColumn()
  createdAt!: Date;
}
