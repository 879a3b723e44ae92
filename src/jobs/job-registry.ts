import { Injectable } from '@nestjs/common';
import { JOB_NAMES, type JobName, type JobPayloads } from './job-names.js';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: { jobId: string; attempt: number }) => Promise<void>;

/** Feature modules register one handler per job name; the relay refuses to start if one is missing. */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers.has(name)) throw new Error(`Job "${name}" has two handlers`);
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  handler(name: string): JobHandler<JobName> | undefined {
    return this.handlers.get(name as JobName);
  }

  assertComplete(): void {
    const missing = Object.values(JOB_NAMES).filter((name) => !this.handlers.has(name));
    if (missing.length) throw new Error(`No handler registered for job(s): ${missing.join(', ')}`);
  }
}
