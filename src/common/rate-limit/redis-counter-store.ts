import { Redis } from 'ioredis';
import { CounterStore, MemoryCounterStore, type WindowCount } from './counter-store.js';

/** INCR, start the window on the first hit, and report the time left, in one round trip. */
const HIT = "local c = redis.call('INCR', KEYS[1]) if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end local t = redis.call('PTTL', KEYS[1]) if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) t = tonumber(ARGV[1]) end return {c, t}";

/**
 * Counters in Redis, shared by every instance. When Redis cannot be reached the limits fall back to
 * this process's own counters (a limit per instance is better than none, and an outage of Redis must
 * not stop anyone from signing in).
 */
export class RedisCounterStore extends CounterStore {
  private readonly redis: Redis;
  private readonly fallback = new MemoryCounterStore();

  constructor(url: string, private readonly prefix: string, onError: (error: Error) => void) {
    super();
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false, connectTimeout: 2000 });
    this.redis.on('error', onError);
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    try {
      const [count, ttl] = (await this.redis.eval(HIT, 1, this.key(key), String(windowMs))) as [number, number];
      return { count, resetMs: ttl };
    } catch {
      return this.fallback.hit(key, windowMs);
    }
  }

  async remainingMs(key: string): Promise<number> {
    try {
      return Math.max(0, await this.redis.pttl(this.key(key)));
    } catch {
      return this.fallback.remainingMs(key);
    }
  }

  async hold(key: string, ms: number): Promise<void> {
    try {
      await this.redis.set(this.key(key), '1', 'PX', ms);
    } catch {
      await this.fallback.hold(key, ms);
    }
  }

  async clear(...keys: string[]): Promise<void> {
    await this.fallback.clear(...keys);
    try {
      if (keys.length) await this.redis.del(...keys.map((k) => this.key(k)));
    } catch {
      // Nothing to clear while Redis is away; its keys expire on their own.
    }
  }

  async close(): Promise<void> {
    await this.fallback.close();
    this.redis.disconnect();
  }

  private key(key: string): string {
    return `${this.prefix}:limit:${key}`;
  }
}
