/**
 * Counters with a time window, for brute-force and rate limits. In-process for the embedded mode; in Redis
 * when several instances share the work, so a limit holds across all of them.
 */
export interface WindowCount {
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetMs: number;
}

export abstract class CounterStore {
  /** Adds one to the key's count in its window (a window starts with the first hit and lasts `windowMs`). */
  abstract hit(key: string, windowMs: number): Promise<WindowCount>;
  /** Milliseconds the key still has to live (0 when absent). */
  abstract remainingMs(key: string): Promise<number>;
  /** Sets a key that lives `ms` (a lock). */
  abstract hold(key: string, ms: number): Promise<void>;
  abstract clear(...keys: string[]): Promise<void>;
  abstract close(): Promise<void>;
}

/** One process's counters; expired entries are dropped as they are met and in a periodic sweep. */
export class MemoryCounterStore extends CounterStore {
  private readonly entries = new Map<string, { count: number; expiresAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 100_000,
  ) {
    super();
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= now) {
      if (this.entries.size >= this.maxEntries) this.sweep();
      entry = { count: 0, expiresAt: now + windowMs };
      this.entries.set(key, entry);
    }
    entry.count += 1;
    return Promise.resolve({ count: entry.count, resetMs: entry.expiresAt - now });
  }

  remainingMs(key: string): Promise<number> {
    const entry = this.entries.get(key);
    return Promise.resolve(entry ? Math.max(0, entry.expiresAt - this.now()) : 0);
  }

  hold(key: string, ms: number): Promise<void> {
    this.entries.set(key, { count: 1, expiresAt: this.now() + ms });
    return Promise.resolve();
  }

  clear(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    return Promise.resolve();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    // Still full (a flood of distinct keys): forget the oldest half rather than grow without bound.
    if (this.entries.size >= this.maxEntries) {
      let drop = Math.floor(this.entries.size / 2);
      for (const key of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(key);
      }
    }
  }
}
