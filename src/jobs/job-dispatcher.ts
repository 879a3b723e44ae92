/** Hands a claimed outbox job to whatever runs it: the in-process runner or a Bull queue. */
export abstract class JobDispatcher {
  abstract readonly mode: 'embedded' | 'bull';
  abstract dispatch(outboxId: string, attempt: number): Promise<void>;
  /** Jobs handed over by this instance and not finished yet (embedded mode only). */
  abstract inFlight(): number;
  abstract health(): Promise<{ mode: 'embedded' | 'bull'; ok: boolean; detail?: string }>;
  abstract close(): Promise<void>;
}
