import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { APP_CONFIG } from '../common/tokens.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { ARCHIVE_PREFIX, ARCHIVE_SUFFIX, createBackup } from './backup-creator.js';
import { backupRunOf } from './backup-run-record.js';
import type { BackupKind, BackupRun } from './backup-run.entity.js';
import { BackupRunRepository } from './backup-run.repository.js';
import { backupConflict, BackupErrors } from './backup-errors.js';
import { sqliteHandleOf } from './sqlite-backup.js';

/** `GET /health` → `backup`: no paths, nothing an anonymous caller should not see. */
export interface BackupHealth {
  /** When the last run (successful or not) finished. */
  lastAt: string | null;
  ok: boolean | null;
  /** Hours since the last successful backup. */
  ageHours: number | null;
  /** A warning for admins (not a 503): no successful backup for more than 48 hours, or none at all; or the keys are not backed up. */
  warning: string | null;
  keysIncluded: boolean | null;
  /** `operator`: production mode, where backups are the operator's (scripts/backup-mysql.sh records its runs; docs/backup.md). */
  managedBy: 'service' | 'operator';
}

export const STALE_AFTER_HOURS = 48;

export const BACKUP_WARNINGS = {
  none: '尚无成功的备份 · no successful backup yet',
  stale: `最近一次成功的备份已超过 ${STALE_AFTER_HOURS} 小时 · the last successful backup is more than ${STALE_AFTER_HOURS} hours old`,
  keys: '备份未包含个人信息密钥（未设置 BACKUP_PASSPHRASE）：请另行保管 pii.key 和 jwt.secret · backups do not hold the personal-data key (BACKUP_PASSPHRASE is not set): keep pii.key and jwt.secret safe separately',
};

/**
 * The embedded mode's daily backup (job `backup`, enqueued by the DailyScheduler) through the service's
 * own SQLite connection, with retention, and the backup status for `GET /health` in both modes.
 */
@Injectable()
export class BackupService implements OnModuleInit {
  private readonly logger = new Logger('Backup');
  private running: Promise<BackupRun> | null = null;

  constructor(
    private readonly registry: JobRegistry,
    private readonly runs: BackupRunRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.backup, async () => {
      if (this.config.database.kind !== 'sqlite') return; // never scheduled with DATABASE_URL
      const run = await this.backupNow('schedule');
      if (!run.ok) throw new Error(run.error ?? 'backup failed');
    });
  }

  /** `POST /backups`: starts a backup in the background (embedded mode only); the archive holds every record, so it is audited. */
  async startNow(actor: Actor): Promise<void> {
    if (this.config.database.kind !== 'sqlite') throw backupConflict(BackupErrors.embeddedOnly());
    const now = this.clock.now();
    await this.tx.run((em) => this.audit.record(em, actor, 'backup.start', { type: 'backup', id: 'embedded' }, { kind: 'admin' }, now));
    void this.backupNow('admin').catch((error: unknown) => this.logger.warn(`backup failed: ${String(error)}`));
  }

  /** Takes a backup into BACKUP_DIR now (one at a time: a second call waits for the running one). */
  backupNow(kind: BackupKind = 'schedule'): Promise<BackupRun> {
    this.running ??= this.take(kind).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async take(kind: BackupKind): Promise<BackupRun> {
    const { database, backup } = this.config;
    if (database.kind !== 'sqlite') throw new Error('backups of the production database are taken with scripts/backup-mysql.sh');
    const startedAt = this.clock.now();
    let run: BackupRun;
    try {
      const result = await createBackup(
        { dataDir: this.config.dataDir, sqlitePath: database.path, piiKey: this.config.piiKey, piiPreviousKeys: this.config.piiPreviousKeys, jwtSecret: this.config.jwtSecret, exclude: [backup.dir], attachmentsDir: this.config.attachments.dir },
        { directory: backup.dir, passphrase: backup.passphrase, connection: sqliteHandleOf(this.dataSource), now: () => this.clock.now() },
      );
      run = backupRunOf(kind, startedAt, this.clock.now(), { result });
      const removed = await this.prune();
      this.logger.log(`backup written: ${result.bytes} bytes, ${result.manifest.counts.cases ?? 0} cases${removed ? `, ${removed} old archive(s) removed` : ''}`);
    } catch (error) {
      run = backupRunOf(kind, startedAt, this.clock.now(), { error });
      this.logger.warn(`backup failed: ${run.error ?? ''}`);
    }
    await this.runs.insert(run);
    return run;
  }

  /** Keeps the newest BACKUP_RETENTION archives in BACKUP_DIR; returns how many were removed. */
  private async prune(): Promise<number> {
    const dir = this.config.backup.dir;
    const archives = (await readdir(dir)).filter((n) => n.startsWith(ARCHIVE_PREFIX) && n.endsWith(ARCHIVE_SUFFIX)).sort();
    const old = archives.slice(0, Math.max(0, archives.length - this.config.backup.retention));
    for (const name of old) await rm(join(dir, name), { force: true });
    return old.length;
  }

  async health(): Promise<BackupHealth> {
    const [last, lastOk] = await Promise.all([this.runs.latest(), this.runs.latestSuccessful()]);
    if (!last && this.config.database.kind !== 'sqlite') {
      return { lastAt: null, ok: null, ageHours: null, warning: null, keysIncluded: null, managedBy: 'operator' };
    }
    const now = this.clock.now().getTime();
    const ageHours = lastOk ? Math.round(((now - lastOk.finishedAt.getTime()) / 3_600_000) * 10) / 10 : null;
    let warning: string | null = null;
    if (ageHours === null) warning = BACKUP_WARNINGS.none;
    else if (ageHours > STALE_AFTER_HOURS) warning = BACKUP_WARNINGS.stale;
    else if (lastOk && !lastOk.keysIncluded && lastOk.kind !== 'mysqldump') warning = BACKUP_WARNINGS.keys;
    return {
      lastAt: last ? last.finishedAt.toISOString() : null,
      ok: last ? last.ok : null,
      ageHours,
      warning,
      keysIncluded: lastOk ? lastOk.keysIncluded : null,
      managedBy: this.config.database.kind === 'sqlite' ? 'service' : 'operator',
    };
  }

  recent(limit = 20): Promise<BackupRun[]> {
    return this.runs.recent(limit);
  }
}
