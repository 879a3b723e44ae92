import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

/**
 * A signed link (单位办理链接) that lets one handling unit deal with one case without an account. The
 * token is the id and its HMAC (nothing secret is stored); the row says until when, whether it was
 * revoked and how often it was used.
 */
@Entity('unit_links')
@Index('idx_unit_links_case', ['caseId', 'createdAt'])
export class UnitLink {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  /** The unit the link was made for; the link works only while the case is still handled by it. */
  @Column({ type: 'varchar', length: 32 })
  unitCode!: string;

  @DateTimeColumn()
  expiresAt!: Date;

  @DateTimeColumn({ nullable: true })
  revokedAt!: Date | null;

  /** The user who revoked it (id). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  revokedBy!: string | null;

  /** The user (or `system` for a notice) who issued it (id). */
  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  useCount!: number;
}
