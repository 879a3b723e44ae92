import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../domain/clock.js';
import { JobRegistry } from './job-registry.js';
import { OutboxRepository } from './outbox.repository.js';

/** Retry delay after a failed attempt: 5 s, 10 s, 20 s … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);
}

/** Runs one claimed attempt of an outbox job and records the outcome in the database. */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
  ) {}

  async execute(outboxId: string, attempt: number): Promise<void> {
    const job = await this.outbox.findById(outboxId);
    // Already finished or re-claimed by a later attempt: at-least-once delivery, so do nothing.
    if (!job || job.status !== 'running' || job.attempts !== attempt) return;
    const handler = this.registry.handler(job.name);
    try {
      if (!handler) throw new Error(`no handler for job "${job.name}"`);
      await handler(job.payload as never, { jobId: job.id, attempt });
      await this.outbox.markDone(job.id, attempt, this.clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = this.clock.now();
      const retryAt = attempt < job.maxAttempts ? new Date(now.getTime() + retryDelayMs(attempt)) : null;
      this.logger.warn(`job ${job.name} ${job.id} attempt ${attempt} failed: ${message}${retryAt ? '' : ' (giving up)'}`);
      await this.outbox.markFailed(job.id, attempt, message, now, retryAt);
    }
  }
}
