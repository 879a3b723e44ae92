import { Injectable } from '@nestjs/common';
import { JobDispatcher } from './job-dispatcher.js';
import { JobExecutor } from './job-executor.js';

/** The embedded default: jobs run in this process, right after they are claimed. */
@Injectable()
export class EmbeddedDispatcher extends JobDispatcher {
  readonly mode = 'embedded' as const;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly executor: JobExecutor) {
    super();
  }

  dispatch(outboxId: string, attempt: number): Promise<void> {
    const run = this.executor.execute(outboxId, attempt).finally(() => this.running.delete(run));
    this.running.add(run);
    return Promise.resolve();
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  health(): Promise<{ mode: 'embedded'; ok: boolean }> {
    return Promise.resolve({ mode: this.mode, ok: true });
  }

  close(): Promise<void> {
    return this.settled();
  }
}
