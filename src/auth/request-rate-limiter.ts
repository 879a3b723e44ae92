import type { CounterStore } from '../common/rate-limit/counter-store.js';
import { AuthErrors } from './auth.errors.js';

const MINUTE_MS = 60_000;

/**
 * General request limits: per signed-in user, and per client address for requests without a token
 * (sign-in, refresh, calendar feeds). Past the limit the answer is 429 with `Retry-After`.
 */
export class RequestRateLimiter {
  constructor(
    private readonly store: CounterStore,
    private readonly perUser: number,
    private readonly perAddress: number,
  ) {}

  async checkUser(userId: string): Promise<void> {
    await this.check(`req:user:${userId}`, this.perUser);
  }

  async checkAddress(address: string): Promise<void> {
    await this.check(`req:addr:${address}`, this.perAddress);
  }

  private async check(key: string, limit: number): Promise<void> {
    if (limit <= 0) return;
    const { count, resetMs } = await this.store.hit(key, MINUTE_MS);
    if (count > limit) throw AuthErrors.tooManyRequests(resetMs);
  }
}
