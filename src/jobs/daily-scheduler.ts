import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Policy } from '../../config/policy.js';
import type { AppConfig } from '../../config/app-config.js';
import { Clock } from '../domain/clock.js';
import { APP_CONFIG, POLICY } from '../common/tokens.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JOB_NAMES } from './job-names.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxRepository } from './outbox.repository.js';

/** Local time of day after which the daily deadline sweep is due. */
export const DAILY_SWEEP_AT = { hour: 6, minute: 0 };
/** Local time of day after which the daily backup (embedded mode, `BACKUP_SCHEDULE`) is due. */
export const DAILY_BACKUP_AT = { hour: 1, minute: 30 };
/** The reports' daily roll-up (`case-daily-figures`) is refreshed once per slot of this many minutes. */
export const DAILY_FIGURES_EVERY_MINUTES = 10;

/**
 * Enqueues the daily deadline sweep once per office-local day, the look-back once per month,
 * in the embedded mode the daily backup (`backup:daily:<date>`), and the refresh of the reports' daily
 * roll-up every 10 minutes (`case-daily-figures:<date>T<HH:mm>`, its slot's start).
 * Every instance checks each minute (drain-only: once at start, then when a caller asks); the dedupe
 * keys (`deadline-sweep:daily:<date>`, `lookback:monthly:<YYYY-MM>`) let exactly one row of each in.
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

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    // Drain-only (RELAY_INTERVAL_MS=0, the tests): no timer; today's jobs are in the outbox before the app is up.
    if (this.relay.drainOnly) {
      await this.check();
      return;
    }
    this.timer = setInterval(() => void this.check().catch((e: unknown) => this.logger.warn(String(e))), 60_000);
    this.timer.unref();
    void this.check().catch((e: unknown) => this.logger.warn(String(e)));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Enqueues today's sweep (and this month's look-back, and today's backup) if their time has come, and this slot's roll-up refresh; returns whether a job was added. */
  async check(): Promise<boolean> {
    const now = this.clock.now();
    const local = DateTime.fromJSDate(now, { zone: this.policy.timeZone });
    const sweepDue = local >= local.set({ ...DAILY_SWEEP_AT, second: 0, millisecond: 0 });
    const backupDue = this.config.backup.schedule && local >= local.set({ ...DAILY_BACKUP_AT, second: 0, millisecond: 0 });
    const period = local.toFormat('yyyy-MM');
    const date = local.toISODate() ?? '';
    const slot = `${date}T${local.toFormat('HH')}:${String(Math.floor(local.minute / DAILY_FIGURES_EVERY_MINUTES) * DAILY_FIGURES_EVERY_MINUTES).padStart(2, '0')}`;
    const ids = await this.tx.run(async (em) => [
      ...(sweepDue
        ? [
            await this.outbox.enqueue(em, JOB_NAMES.deadlineSweep, { requestedBy: 'schedule' }, now, { dedupeKey: `${JOB_NAMES.deadlineSweep}:daily:${date}` }),
            // 回头看 once a month, for the month just begun.
            await this.outbox.enqueue(em, JOB_NAMES.lookback, { period }, now, { dedupeKey: `${JOB_NAMES.lookback}:monthly:${period}` }),
          ]
        : []),
      // A failed backup is retried by the outbox (backoff); the next day's is a new job. One attempt at a time (BackupJob).
      ...(backupDue ? [await this.outbox.enqueue(em, JOB_NAMES.backup, { date }, now, { dedupeKey: `${JOB_NAMES.backup}:daily:${date}`, maxAttempts: 4 })] : []),
      // The roll-up is exact whenever it runs (the reports read changed days live); a missed slot only costs speed.
      await this.outbox.enqueue(em, JOB_NAMES.caseDailyFigures, {}, now, { dedupeKey: `${JOB_NAMES.caseDailyFigures}:${slot}` }),
    ]);
    const added = ids.some((id) => id !== null);
    if (added) this.relay.kick();
    return added;
  }
}
