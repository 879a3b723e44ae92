import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

/** Who took it: the CLI, the daily job, an admin through `POST /backups`, or scripts/backup-mysql.sh. */
export type BackupKind = 'cli' | 'schedule' | 'admin' | 'mysqldump';

/** Counts per table and what else a run reports (JSON). */
export interface BackupRunDetails {
  counts?: Record<string, number>;
  files?: number;
  durationMs?: number;
  /** `sha256` of the archive file. */
  sha256?: string;
}

const bigintAsNumber = {
  to: (value: number | null): number | null => value,
  from: (value: string | number | null): number | null => (value === null ? null : Number(value)),
};

/** One backup attempt (the CLI, the daily job, or scripts/backup-mysql.sh), for `GET /health` and `GET /backups`. */
@Entity('backup_runs')
@Index('idx_backup_runs_finished', ['finishedAt'])
export class BackupRun {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @DateTimeColumn()
  startedAt!: Date;

  @DateTimeColumn()
  finishedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  kind!: BackupKind;

  @Column({ type: 'boolean' })
  ok!: boolean;

  /** The archive's path (admins only: it reveals the layout of the server). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  location!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber })
  sizeBytes!: number | null;

  @Column({ type: 'boolean', default: false })
  encrypted!: boolean;

  /** Whether the archive carries the personal-data key and the JWT secret (only when encrypted). */
  @Column({ type: 'boolean', default: false })
  keysIncluded!: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  error!: string | null;

  @Column({ type: 'simple-json' })
  details!: BackupRunDetails;
}
