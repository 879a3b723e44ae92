import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, LessThan, LessThanOrEqual, type Repository } from 'typeorm';
import { asRow } from '../database/rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { JobName, JobPayloads } from './job-names.js';
import { OutboxJob } from './outbox-job.entity.js';

export interface EnqueueOptions {
  dedupeKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

@Injectable()
export class OutboxRepository {
  constructor(
    @InjectRepository(OutboxJob) private readonly jobs: Repository<OutboxJob>,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Adds a job in the caller's transaction. With a dedupe key, a second job with the same key is
   * silently not added (returns null).
   */
  async enqueue<N extends JobName>(em: EntityManager, name: N, payload: JobPayloads[N], now: Date, options: EnqueueOptions = {}): Promise<string | null> {
    const job: OutboxJob = {
      id: randomUUID(),
      name,
      payload: payload,
      dedupeKey: options.dedupeKey ?? null,
      status: 'pending',
      attempts: 0,
      maxAttempts: options.maxAttempts ?? 8,
      runAt: options.runAt ?? now,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      createdAt: now,
      finishedAt: null,
    };
    const result = await em.createQueryBuilder().insert().into(OutboxJob).values(asRow(job)).orIgnore().execute();
    const affected = (result.raw as { affectedRows?: number; changes?: number } | undefined) ?? {};
    const inserted = affected.affectedRows ?? affected.changes ?? 1;
    return inserted > 0 ? job.id : null;
  }

  findById(id: string): Promise<OutboxJob | null> {
    return this.jobs.findOneBy({ id });
  }

  /** Ids of pending jobs that are due, oldest first. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows = await this.jobs.find({
      select: { id: true },
      where: { status: 'pending', runAt: LessThanOrEqual(now) },
      order: { runAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /** Claims a pending job for one attempt; false when another instance got it first. */
  async claim(id: string, instanceId: string, now: Date, leaseMs: number): Promise<number | null> {
    // State changes go through the transaction runner: on SQLite's single connection a bare write could
    // otherwise land inside another request's open transaction and vanish with its rollback.
    return this.tx.run(async (em) => {
      const result = await em
        .createQueryBuilder()
        .update(OutboxJob)
        .set({ status: 'running', lockedBy: instanceId, lockedUntil: new Date(now.getTime() + leaseMs), attempts: () => 'attempts + 1' })
        .where('id = :id AND status = :pending', { id, pending: 'pending' })
        .execute();
      if (!result.affected) return null;
      const job = await em.findOneBy(OutboxJob, { id });
      return job?.attempts ?? null;
    });
  }

  /** Marks a running job done, once; later calls for the same attempt change nothing. */
  async markDone(id: string, attempt: number, now: Date): Promise<boolean> {
    const result = await this.tx.run((em) =>
      em.update(OutboxJob, { id, status: 'running', attempts: attempt }, { status: 'done', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null }),
    );
    return (result.affected ?? 0) > 0;
  }

  /** Puts a failed attempt back as pending with a later run time, or dead after the last attempt. */
  async markFailed(id: string, attempt: number, error: string, now: Date, retryAt: Date | null): Promise<void> {
    await this.tx.run((em) => em.update(
      OutboxJob,
      { id, status: 'running', attempts: attempt },
      retryAt
        ? { status: 'pending', runAt: retryAt, lockedBy: null, lockedUntil: null, lastError: error.slice(0, 2000) }
        : { status: 'dead', finishedAt: now, lockedBy: null, lockedUntil: null, lastError: error.slice(0, 2000) },
    ));
  }

  /** Running jobs whose lease ran out (crashed worker, lost Bull job) become pending again. */
  async releaseExpired(now: Date): Promise<number> {
    const result = await this.tx.run((em) => em.update(OutboxJob, { status: 'running', lockedUntil: LessThan(now) }, { status: 'pending', lockedBy: null, lockedUntil: null }));
    return result.affected ?? 0;
  }

  countRunningBy(instanceId: string): Promise<number> {
    return this.jobs.countBy({ status: 'running', lockedBy: instanceId });
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.jobs
      .createQueryBuilder('j')
      .select('j.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where({ status: In(['pending', 'running', 'dead']) })
      .groupBy('j.status')
      .getRawMany<{ status: string; count: string | number }>();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
  }
}
