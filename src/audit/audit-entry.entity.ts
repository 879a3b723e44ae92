import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

/** Who changed what in the administration of the system (rules, exports…): append-only. */
@Entity('audit_log')
@Index('idx_audit_entity', ['entityType', 'entityId', 'at'])
@Index('idx_audit_at', ['at'])
export class AuditEntry {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @DateTimeColumn()
  at!: Date;

  @Column({ type: 'varchar', length: 64 })
  actorId!: string;

  @Column({ type: 'varchar', length: 50 })
  actorName!: string;

  /** e.g. `ruleset.create`, `ruleset.publish`, `ledger.export`. */
  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ type: 'varchar', length: 32 })
  entityType!: string;

  @Column({ type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ type: 'simple-json' })
  data!: Record<string, unknown>;
}
