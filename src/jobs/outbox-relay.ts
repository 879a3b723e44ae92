import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { Clock } from '../domain/clock.js';
import { APP_CONFIG } from '../common/tokens.js';
import { JobDispatcher } from './job-dispatcher.js';
import { JobRegistry } from './job-registry.js';
import { OutboxRepository } from './outbox.repository.js';

const LEASE_MS = 5 * 60_000;
const BATCH = 50;

/**
 * Moves due outbox rows to the dispatcher. Runs on an interval and whenever a transaction that
 * wrote a job asks for it (`kick`). Several instances may relay at once: each row is claimed by
 * exactly one through a conditional UPDATE.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly dispatcher: JobDispatcher,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.assertComplete();
    if (!this.config.runWorkers) return;
    this.timer = setInterval(() => this.kick(), this.config.relayIntervalMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
    await this.dispatcher.close();
  }

  /** Ask for a relay pass soon (coalesces concurrent requests). */
  kick(): void {
    if (this.stopped || !this.config.runWorkers) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick()
      .catch((error: unknown) => {
        this.logger.warn(`relay pass failed: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      })
      .finally(() => {
        this.ticking = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** One pass: release expired leases, claim due jobs, dispatch them. Returns how many were dispatched. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    await this.outbox.releaseExpired(now);
    let dispatched = 0;
    for (const id of await this.outbox.dueIds(now, BATCH)) {
      const attempt = await this.outbox.claim(id, this.instanceId, now, LEASE_MS);
      if (attempt === null) continue;
      try {
        await this.dispatcher.dispatch(id, attempt);
        dispatched++;
      } catch (error) {
        // Redis down: the row stays claimed until its lease runs out, then it is dispatched again.
        this.logger.warn(`could not dispatch job ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (dispatched === BATCH) this.again = true;
    return dispatched;
  }

  /** For tests: relay until nothing is due and nothing this instance claimed is still running (or the timeout). */
  async drain(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.ticking;
      await this.tick();
      const running = await this.outbox.countRunningBy(this.instanceId);
      const due = await this.outbox.dueIds(this.clock.now(), 1);
      if (!running && due.length === 0 && this.dispatcher.inFlight() === 0) return;
      if (Date.now() > deadline) throw new Error('outbox did not drain in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
