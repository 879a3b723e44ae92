import { createHash } from 'node:crypto';
import type { CounterStore } from '../common/rate-limit/counter-store.js';

const WINDOW_MS = 15 * 60_000;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export interface ThrottleLimits {
  /** Failed sign-ins of one account within 15 minutes before it is locked (0: no limit). */
  perAccount: number;
  /** Failed sign-ins from one client address within 15 minutes before it is locked (0: no limit). */
  perAddress: number;
}

export interface FailureOutcome {
  /** How long sign-in is now locked for this account or address (0: not locked). */
  lockedMs: number;
  /** True when this failure locked sign-in (the limit was reached, or reached again after a lock ended). */
  locked: boolean;
}

/**
 * Brute-force protection for sign-in: failures are counted per account and per client address in a
 * 15-minute window; from the limit on, each further failure locks sign-in for a growing time
 * (30 s, 1, 2, 4, 8 minutes…, at most 15). A lock refuses even the right password until it ends.
 * Accounts are keyed by a hash of the lower-cased username, so no username is stored in the counters.
 */
export class LoginThrottle {
  constructor(
    private readonly store: CounterStore,
    private readonly limits: ThrottleLimits,
  ) {}

  /** Milliseconds sign-in stays locked for this account or address (0: go ahead). */
  async lockedMs(username: string, address: string): Promise<number> {
    const [account, client] = await Promise.all([this.store.remainingMs(this.lockKey('acct', username)), this.store.remainingMs(this.lockKey('addr', address))]);
    return Math.max(account, client);
  }

  async recordFailure(username: string, address: string): Promise<FailureOutcome> {
    const outcomes = await Promise.all([this.count('acct', username, this.limits.perAccount), this.count('addr', address, this.limits.perAddress)]);
    return { lockedMs: Math.max(...outcomes.map((o) => o.lockedMs)), locked: outcomes.some((o) => o.locked) };
  }

  /** A successful sign-in forgets the account's failures (not the address's). */
  async recordSuccess(username: string): Promise<void> {
    await this.store.clear(this.countKey('acct', username));
  }

  private async count(kind: 'acct' | 'addr', subject: string, limit: number): Promise<FailureOutcome> {
    if (limit <= 0) return { lockedMs: 0, locked: false };
    const { count } = await this.store.hit(this.countKey(kind, subject), WINDOW_MS);
    if (count < limit) return { lockedMs: 0, locked: false };
    const lockMs = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(10, count - limit));
    await this.store.hold(this.lockKey(kind, subject), lockMs);
    return { lockedMs: lockMs, locked: true };
  }

  private countKey(kind: string, subject: string): string {
    return `login:fail:${kind}:${digest(subject)}`;
  }

  private lockKey(kind: string, subject: string): string {
    return `login:lock:${kind}:${digest(subject)}`;
  }
}

const digest = (subject: string): string => createHash('sha256').update(subject.trim().toLowerCase()).digest('base64url').slice(0, 22);
