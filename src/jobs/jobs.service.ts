import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JOB_NAMES } from './job-names.js';
import { JobErrors } from './jobs.errors.js';
import type { OutboxJob } from './outbox-job.entity.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxRepository } from './outbox.repository.js';

export interface JobView {
  id: string;
  name: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const toView = (j: OutboxJob): JobView => ({
  id: j.id,
  name: j.name,
  status: j.status,
  attempts: j.attempts,
  lastError: j.lastError,
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

@Injectable()
export class JobsService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async requestDeadlineSweep(): Promise<JobView> {
    const now = this.clock.now();
    const key = `${JOB_NAMES.deadlineSweep}:manual:${randomUUID()}`;
    const id = await this.tx.run((em) => this.outbox.enqueue(em, JOB_NAMES.deadlineSweep, { requestedBy: 'manual' }, now, { dedupeKey: key }));
    this.relay.kick();
    const job = id ? await this.outbox.findById(id) : null;
    if (!job) throw new Error('sweep job was not stored');
    return toView(job);
  }

  async get(id: string): Promise<JobView> {
    const job = await this.outbox.findById(id);
    if (!job) throw JobErrors.jobNotFound();
    return toView(job);
  }
}
