import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { CaseStatus } from '../domain/case-vocabulary.js';

/**
 * One append-only timeline event of a case (全程留痕): who, when, what, from which status to which, why.
 * The database refuses UPDATE and DELETE on this table (triggers in the migration).
 */
@Entity('case_events')
@Index('idx_case_events_case_version', ['caseId', 'caseVersion', 'at'])
/** 单位考评 reads the timeline by action and time (migration 1764000000032). */
@Index('idx_case_events_action_at', ['action', 'at'])
export class CaseEvent {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @DateTimeColumn()
  at!: Date;

  /** The case's version after this event: orders events that share a timestamp. */
  @Column({ type: 'int' })
  caseVersion!: number;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: CaseStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: CaseStatus;

  /** User id, or `system` for jobs. */
  @Column({ type: 'varchar', length: UUID_LENGTH })
  actorId!: string;

  @Column({ type: 'varchar', length: 50 })
  actorName!: string;

  @Column({ type: 'varchar', length: 16 })
  actorRole!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Action details (unit, leader, days, decision…); never personal data of the petitioner. */
  @Column({ type: 'simple-json' })
  data!: Record<string, unknown>;
}
