/** Hands a claimed outbox job to whatever runs it: the in-process runner or a Bull queue. */
export abstract class JobDispatcher {
  abstract readonly mode: 'embedded' | 'bull';
  abstract dispatch(outboxId: string, attempt: number): Promise<void>;
  /**
   * Resolves once the jobs this instance runs in-process have finished (the embedded runner). Bull
   * resolves at once: its workers, in any instance, report through the outbox rows.
   */
  abstract settled(): Promise<void>;
  abstract health(): Promise<{ mode: 'embedded' | 'bull'; ok: boolean; detail?: string }>;
  abstract close(): Promise<void>;
}
