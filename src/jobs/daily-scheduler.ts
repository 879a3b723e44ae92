import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Policy } from '../../config/policy.js';
import type { AppConfig } from '../../config/app-config.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, POLICY } from '../common/tokens.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JOB_NAMES } from './job-names.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxRepository } from './outbox.repository.js';

/** Local time of day after which the daily deadline sweep is due. */
export const DAILY_SWEEP_AT = { hour: 6, minute: 0 };

/**
 * Enqueues the daily deadline sweep once per office-local day. Every instance checks each minute;
 * the dedupe key `deadline-sweep:daily:<date>` lets exactly one row in.
 */
@Injectable()
export class DailyScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DailyScheduler');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: Policy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    this.timer = setInterval(() => void this.check().catch((e: unknown) => this.logger.warn(String(e))), 60_000);
    this.timer.unref();
    void this.check().catch((e: unknown) => this.logger.warn(String(e)));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Enqueues today's sweep if its time has come; returns whether a new job was added. */
  async check(): Promise<boolean> {
    const now = this.clock.now();
    const local = DateTime.fromJSDate(now, { zone: this.policy.timeZone });
    if (local < local.set({ ...DAILY_SWEEP_AT, second: 0, millisecond: 0 })) return false;
    const key = `${JOB_NAMES.deadlineSweep}:daily:${local.toISODate() ?? ''}`;
    const id = await this.tx.run((em) => this.outbox.enqueue(em, JOB_NAMES.deadlineSweep, { requestedBy: 'schedule' }, now, { dedupeKey: key }));
    if (id) this.relay.kick();
    return id !== null;
  }
}
