import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

export const NOTICE_KINDS = ['overdue', 'due-soon', 'manual', 'lookback'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * An urging notice (催办) to the handling unit: created by the deadline sweep (overdue, due soon)
 * or by a secretary's `urge` action. One per case, kind and deadline: a sweep run twice creates none twice
 * (the unique key on caseId, kind, dueAt).
 */
@Entity('case_notices')
@Unique('uq_case_notices_case_kind_due', ['caseId', 'kind', 'dueAt'])
@Index('idx_case_notices_unit_created', ['unitCode', 'createdAt'])
@Index('idx_case_notices_pending', ['deliveredAt', 'unitCode'])
@Index('idx_case_notices_created_kind', ['createdAt', 'kind'])
export class CaseNotice {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: NoticeKind;

  /** The deadline the notice is about; null for a secretary's manual urge (any number of those). */
  @DateTimeColumn({ nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'varchar', length: 32 })
  unitCode!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  deliveredAt!: Date | null;
}
