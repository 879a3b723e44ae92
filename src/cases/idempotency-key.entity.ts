import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

/** Remembers which case an `Idempotency-Key` produced, so a retried registration returns the same case. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  /** `<userId>:<key>`: keys are scoped per user. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  scopedKey!: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
