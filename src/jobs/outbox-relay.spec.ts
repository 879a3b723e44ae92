import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { FakeClock } from '../../test/support/fake-clock.js';
import { EmbeddedDispatcher } from './embedded-dispatcher.js';
import { JobExecutor } from './job-executor.js';
import { JOB_NAMES, type JobName } from './job-names.js';
import { JobRegistry } from './job-registry.js';
import type { OutboxJob } from './outbox-job.entity.js';
import { OutboxRelay } from './outbox-relay.js';
import type { OutboxRepository } from './outbox.repository.js';

/** The part of OutboxRepository the relay and the executor use, over an array. */
class MemoryOutbox {
  readonly rows: OutboxJob[] = [];

  add(name: JobName, now: Date, runAt = now): string {
    const id = randomUUID();
    this.rows.push({ id, name, payload: {}, dedupeKey: null, status: 'pending', attempts: 0, maxAttempts: 3, runAt, lockedBy: null, lockedUntil: null, lastError: null, createdAt: now, finishedAt: null });
    return id;
  }
  private row(id: string): OutboxJob {
    return this.rows.find((r) => r.id === id) as OutboxJob;
  }
  releaseExpired = jest.fn((now: Date) => {
    const expired = this.rows.filter((r) => r.status === 'running' && r.lockedUntil !== null && r.lockedUntil < now);
    for (const r of expired) Object.assign(r, { status: 'pending', lockedBy: null, lockedUntil: null });
    return Promise.resolve(expired.length);
  });
  dueIds(now: Date, limit: number): Promise<string[]> {
    return Promise.resolve(this.rows.filter((r) => r.status === 'pending' && r.runAt <= now).slice(0, limit).map((r) => r.id));
  }
  claim(id: string, instanceId: string, now: Date, leaseMs: number): Promise<number | null> {
    const r = this.row(id);
    if (r.status !== 'pending') return Promise.resolve(null);
    Object.assign(r, { status: 'running', lockedBy: instanceId, lockedUntil: new Date(now.getTime() + leaseMs), attempts: r.attempts + 1 });
    return Promise.resolve(r.attempts);
  }
  countRunningBy(instanceId: string): Promise<number> {
    return Promise.resolve(this.rows.filter((r) => r.status === 'running' && r.lockedBy === instanceId).length);
  }
  findById(id: string): Promise<OutboxJob | null> {
    return Promise.resolve(this.rows.find((r) => r.id === id) ?? null);
  }
  markDone(id: string, _attempt: number, now: Date): Promise<boolean> {
    Object.assign(this.row(id), { status: 'done', finishedAt: now, lockedBy: null, lockedUntil: null });
    return Promise.resolve(true);
  }
  markFailed(id: string, _attempt: number, error: string, now: Date, retryAt: Date | null): Promise<void> {
    Object.assign(this.row(id), retryAt ? { status: 'pending', runAt: retryAt, lockedBy: null, lockedUntil: null, lastError: error } : { status: 'dead', finishedAt: now, lastError: error });
    return Promise.resolve();
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function relayWith(relayIntervalMs: number) {
  const clock = new FakeClock();
  const outbox = new MemoryOutbox();
  const registry = new JobRegistry();
  const ran: string[] = [];
  for (const name of Object.values(JOB_NAMES)) {
    registry.register(name, async (_payload, { jobId }) => {
      await nextTurn(); // finishes after the relay handed it over
      ran.push(jobId);
    });
  }
  const repository = outbox as unknown as OutboxRepository;
  const dispatcher = new EmbeddedDispatcher(new JobExecutor(repository, registry, clock));
  const config = { runWorkers: true, relayIntervalMs } as AppConfig;
  const relay = new OutboxRelay(repository, dispatcher, registry, clock, config);
  return { relay, outbox, registry, clock, ran };
}

describe('OutboxRelay', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('with RELAY_INTERVAL_MS=0 starts no timer and ignores kicks: jobs wait in the outbox until drained', async () => {
    const setInterval = jest.spyOn(globalThis, 'setInterval');
    const { relay, outbox, clock, ran } = relayWith(0);
    relay.onApplicationBootstrap();
    const id = outbox.add(JOB_NAMES.deadlineSweep, clock.now());
    relay.kick();
    await nextTurn();
    await nextTurn();

    expect(relay.drainOnly).toBe(true);
    expect(setInterval).not.toHaveBeenCalled();
    expect(outbox.releaseExpired).not.toHaveBeenCalled();
    expect(outbox.rows[0]).toMatchObject({ id, status: 'pending', attempts: 0 });
    expect(ran).toEqual([]);
    await relay.onApplicationShutdown();
  });

  it('drain() runs every due job, waits until each has finished, and runs the jobs that become due meanwhile', async () => {
    const { relay, outbox, registry, clock, ran } = relayWith(0);
    const first = outbox.add(JOB_NAMES.deadlineSweep, clock.now());
    const later = outbox.add(JOB_NAMES.lookback, clock.now(), new Date(clock.now().getTime() + 60_000));
    let followUp = '';
    const sweep = registry.handler(JOB_NAMES.deadlineSweep);
    jest.spyOn(registry, 'handler').mockImplementation((name) =>
      name === JOB_NAMES.deadlineSweep
        ? async (payload, context) => {
            await sweep?.(payload, context);
            followUp = outbox.add(JOB_NAMES.dueSoonReminder, clock.now()); // a job that enqueues another
          }
        : sweep,
    );

    await relay.drain();
    expect(ran).toEqual([first, followUp]);
    expect(outbox.rows.map((r) => [r.id, r.status])).toEqual([
      [first, 'done'],
      [later, 'pending'], // not due yet: drain does not wait for it
      [followUp, 'done'],
    ]);

    clock.advanceMs(60_000);
    await relay.drain();
    expect(ran).toEqual([first, followUp, later]);
  });

  it('returns from drain() when a failed job waits for its retry, and runs it once the clock has passed the backoff', async () => {
    const { relay, outbox, registry, clock } = relayWith(0);
    const id = outbox.add(JOB_NAMES.backup, clock.now());
    let attempts = 0;
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(registry, 'handler').mockReturnValue(() => (++attempts === 1 ? Promise.reject(new Error('disk full')) : Promise.resolve()));

    await relay.drain();
    expect(outbox.rows[0]).toMatchObject({ id, status: 'pending', attempts: 1, lastError: 'disk full' });
    clock.advanceMs(5_000); // the first retry waits 5 s
    await relay.drain();
    expect(outbox.rows[0]).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('in production relays on a timer of RELAY_INTERVAL_MS, and once at start-up', async () => {
    const setInterval = jest.spyOn(globalThis, 'setInterval');
    const { relay, outbox, clock, ran } = relayWith(1000);
    const id = outbox.add(JOB_NAMES.deadlineSweep, clock.now());
    relay.onApplicationBootstrap();
    expect(relay.drainOnly).toBe(false);
    expect(setInterval).toHaveBeenCalledWith(expect.any(Function), 1000);
    expect(outbox.releaseExpired).toHaveBeenCalledTimes(1); // the pass at start-up

    await relay.onApplicationShutdown(); // waits for that pass and the job it handed over
    expect(ran).toEqual([id]);
  });
});
