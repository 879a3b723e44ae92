import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { Grade } from '../domain/case-vocabulary.js';
import type { RuleSetStatus, StoredRuleSet } from '../rules/active-rule-set-source.js';
import type { RuleDefinition } from '../rules/rule-set.types.js';

/**
 * A version of the grading and routing rules. Drafts are editable; a published set is immutable and
 * exactly one is active — enforced by the unique `activeMarker` (1 for the active set, NULL otherwise).
 */
@Entity('rule_sets')
@Index('idx_rule_sets_status_version', ['status', 'version'])
export class RuleSet implements StoredRuleSet {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'int', unique: true })
  version!: number;

  @Column({ type: 'varchar', length: 12 })
  status!: RuleSetStatus;

  @Column({ type: 'int', nullable: true, unique: true })
  activeMarker!: number | null;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  @Column({ type: 'simple-json' })
  precedence!: Grade[];

  @Column({ type: 'simple-json' })
  rules!: RuleDefinition[];

  /** The version this draft started from, if any. */
  @Column({ type: 'int', nullable: true })
  basedOn!: number | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  publishedBy!: string | null;

  @DateTimeColumn({ nullable: true })
  publishedAt!: Date | null;
}
