import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobDispatcher } from '../jobs/job-dispatcher.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { type: string; ok: boolean };
  queue: { mode: 'embedded' | 'bull'; ok: boolean; detail?: string; pending?: number; running?: number; dead?: number };
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: JobDispatcher,
    private readonly outbox: OutboxRepository,
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
    return {
      status: dbOk && queue.ok ? 'ok' : 'degraded',
      database: { type: this.dataSource.options.type, ok: dbOk },
      queue: { ...queue, pending: counts.pending ?? 0, running: counts.running ?? 0, dead: counts.dead ?? 0 },
    };
  }
}
