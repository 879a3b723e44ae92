import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

export const OUTBOX_STATUSES = ['pending', 'running', 'done', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A unit of pending work, written in the same transaction as the business change that causes it.
 * The database, not Redis, is the source of truth: the relay hands rows to Bull (or runs them
 * in-process) and re-dispatches any whose lease expired.
 */
@Entity('outbox_jobs')
@Index('idx_outbox_status_run', ['status', 'runAt'])
export class OutboxJob {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;

  /** Optional: at most one job per key ever (e.g. `deadline-sweep:2026-11-26`). */
  @Column({ type: 'varchar', length: 200, nullable: true, unique: true })
  dedupeKey!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'int', default: 8 })
  maxAttempts!: number;

  @DateTimeColumn()
  runAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  lockedBy!: string | null;

  @DateTimeColumn({ nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  finishedAt!: Date | null;
}
