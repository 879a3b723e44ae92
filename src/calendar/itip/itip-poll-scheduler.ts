import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../common/tokens.js';
import { Clock } from '../../domain/clock.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { JOB_NAMES } from '../../jobs/job-names.js';
import { OutboxRelay } from '../../jobs/outbox-relay.js';
import { OutboxRepository } from '../../jobs/outbox.repository.js';

/**
 * Queues the `poll-itip-replies` job once per slot of `IMAP_POLL_SECONDS` (like the daily scheduler: every
 * instance checks, the dedupe key `poll-itip-replies:<slot start>` lets exactly one job of each slot in, and
 * the outbox hands it to one worker), so however many instances run, one polls the mailbox at a time.
 * Nothing when IMAP_URL is unset, workers are off, or the relay is drain-only (the tests call `check()`).
 */
@Injectable()
export class ItipPollScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ItipPollScheduler');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.imap.url || !this.config.runWorkers || this.relay.drainOnly) return;
    this.timer = setInterval(() => void this.check().catch((e: unknown) => this.logger.warn(String(e))), this.config.imap.pollSeconds * 1000);
    this.timer.unref();
    void this.check().catch((e: unknown) => this.logger.warn(String(e)));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues this slot's poll unless it is queued already; returns whether a job was added. */
  async check(): Promise<boolean> {
    if (!this.config.imap.url) return false;
    const now = this.clock.now();
    const slotMs = this.config.imap.pollSeconds * 1000;
    const slot = new Date(Math.floor(now.getTime() / slotMs) * slotMs).toISOString();
    // One attempt: a failed poll (mailbox unreachable) is simply the next slot's work.
    const id = await this.tx.run((em) => this.outbox.enqueue(em, JOB_NAMES.pollItipReplies, { slot }, now, { dedupeKey: `${JOB_NAMES.pollItipReplies}:${slot}`, maxAttempts: 1 }));
    if (id !== null) this.relay.kick();
    return id !== null;
  }
}
