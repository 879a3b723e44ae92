import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { JobDispatcher } from './job-dispatcher.js';
import { JobExecutor } from './job-executor.js';
import { type BullJobData, JOBS_QUEUE } from './job-names.js';

const DISPATCH_TIMEOUT_MS = 2000;

/** Production: claimed jobs go to Redis/Bull; any worker instance runs them. */
@Injectable()
export class BullDispatcher extends JobDispatcher {
  readonly mode = 'bull' as const;

  constructor(@InjectQueue(JOBS_QUEUE) private readonly queue: Queue<BullJobData>) {
    super();
  }

  async dispatch(outboxId: string, attempt: number): Promise<void> {
    // One Bull job per attempt: a re-dispatch after a lost job must not be swallowed by Bull's jobId dedupe.
    const added = this.queue.add({ outboxId, attempt }, { jobId: `${outboxId}:${attempt}`, removeOnComplete: true, removeOnFail: 1000, attempts: 1 });
    // With Redis down the client queues commands offline; do not let that stall the relay (the lease re-dispatches).
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        added,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('Redis did not accept the job in time')), DISPATCH_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  settled(): Promise<void> {
    return Promise.resolve();
  }

  async health(): Promise<{ mode: 'bull'; ok: boolean; detail?: string }> {
    try {
      const pong = await Promise.race([
        this.queue.client.ping(),
        new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
      ]);
      return { mode: this.mode, ok: pong === 'PONG' };
    } catch (error) {
      return { mode: this.mode, ok: false, detail: error instanceof Error ? error.message : 'unreachable' };
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** The Bull worker: thin, idempotent (the executor checks the outbox row's state first). */
@Processor(JOBS_QUEUE)
export class OutboxProcessor {
  constructor(private readonly executor: JobExecutor) {}

  @Process({ concurrency: 4 })
  handle(job: Job<BullJobData>): Promise<void> {
    return this.executor.execute(job.data.outboxId, job.data.attempt);
  }
}
