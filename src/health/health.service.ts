import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type BackupHealth, BackupService } from '../backup/backup.service.js';
import { JobDispatcher } from '../jobs/job-dispatcher.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { type: string; ok: boolean };
  queue: { mode: 'embedded' | 'bull'; ok: boolean; detail?: string; pending?: number; running?: number; dead?: number };
  /** The last backup: a missing or failed one for more than 48 hours is a `warning`, never a 503. */
  backup: BackupHealth | { ok: null; warning: string };
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: JobDispatcher,
    private readonly outbox: OutboxRepository,
    private readonly backups: BackupService,
  ) {}

  async check(): Promise<HealthReport> {
    let dbOk = true;
    let counts: Record<string, number> = {};
    try {
      await this.dataSource.query('SELECT 1');
      counts = await this.outbox.countByStatus();
    } catch {
      dbOk = false;
    }
    const queue = await this.dispatcher.health();
    const backup = dbOk ? await this.backups.health().catch(() => null) : null;
    return {
      status: dbOk && queue.ok ? 'ok' : 'degraded',
      database: { type: this.dataSource.options.type, ok: dbOk },
      queue: { ...queue, pending: counts.pending ?? 0, running: counts.running ?? 0, dead: counts.dead ?? 0 },
      backup: backup ?? { ok: null, warning: '无法读取备份状态 · backup status unavailable' },
    };
  }
}
