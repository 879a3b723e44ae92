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
 *
 * With `RELAY_INTERVAL_MS=0` (the test suite) there is no timer and `kick` does nothing: jobs run
 * only inside `drain()`, so no background work happens between a test's assertions.
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

  /** No timer and no kicks: jobs run only when a caller drains the outbox. */
  get drainOnly(): boolean {
    return this.config.relayIntervalMs === 0;
  }

  onApplicationBootstrap(): void {
    this.registry.assertComplete();
    if (!this.config.runWorkers || this.drainOnly) return;
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
    if (this.stopped || !this.config.runWorkers || this.drainOnly) return;
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

  /**
   * Relays until nothing is due and every job this instance handed over has finished, then returns:
   * in the embedded mode once the in-process runs are over, with Bull once the workers (of any
   * instance) have recorded the outcome in the outbox. Jobs that a job enqueues are run too; retries
   * scheduled for later are not (move the clock and drain again). For tests and tools; throws after
   * `timeoutMs` of wall time.
   */
  async drain(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.ticking;
      await this.tick();
      await this.dispatcher.settled();
      const running = await this.outbox.countRunningBy(this.instanceId);
      if (!running && !(await this.outbox.dueIds(this.clock.now(), 1)).length) return;
      if (Date.now() > deadline) throw new Error(`outbox did not drain within ${timeoutMs} ms (${running} job(s) of this instance still running)`);
      // Bull: the workers report through the outbox rows; look again shortly.
      if (running) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
