import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

export const ACTIVATION_ACTIONS = ['publish', 'rollback'] as const;
export type ActivationAction = (typeof ACTIVATION_ACTIONS)[number];

export const REGRADE_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type RegradeStatus = (typeof REGRADE_STATUSES)[number];

/**
 * One publish or rollback: which set became active, from which version, who, when, why (the note), and
 * the progress of the re-grade job it started. Rows are only added (and their re-grade progress moves on):
 * the history of activations is never rewritten, and a rollback never touches the sets' own
 * `publishedBy` / `publishedAt`.
 */
@Entity('rule_set_activations')
@Index('idx_rule_set_activations_set', ['ruleSetId'])
export class RuleSetActivation {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  /** 1, 2, 3 … in the order the activations happened (ties of `at` within a millisecond keep their order). */
  @Column({ type: 'int', unique: true })
  seq!: number;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  ruleSetId!: string;

  /** The version that became active. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 12 })
  action!: ActivationAction;

  /** The version active before (null for the first activation). */
  @Column({ type: 'int', nullable: true })
  fromVersion!: number | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 64 })
  by!: string;

  @DateTimeColumn()
  at!: Date;

  @Column({ type: 'varchar', length: 12 })
  regradeStatus!: RegradeStatus;

  @Column({ type: 'int', default: 0 })
  regradeScanned!: number;

  @Column({ type: 'int', default: 0 })
  regradeTotal!: number;

  @Column({ type: 'int', default: 0 })
  regradeChanged!: number;
}
