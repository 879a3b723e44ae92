import { Redis } from 'ioredis';

/** What an instance tells the others when a user's or a session's access changed. */
export type Invalidation = { userId: string } | { sessionId: string };

/**
 * Tells every instance to drop what it cached of a user or a session at once (disable, role or password
 * change, sign-out). Embedded: one process, nothing to tell. With Redis: a pub/sub channel; a message lost
 * while Redis is away is covered by the cache's own short lifetime (`AUTH_CACHE_MS`).
 */
export abstract class PrincipalInvalidation {
  abstract publish(message: Invalidation): Promise<void>;
  abstract subscribe(handler: (message: Invalidation) => void): void;
  abstract close(): Promise<void>;
}

export class LocalInvalidation extends PrincipalInvalidation {
  publish(): Promise<void> {
    return Promise.resolve();
  }
  subscribe(): void {}
  close(): Promise<void> {
    return Promise.resolve();
  }
}

export class RedisInvalidation extends PrincipalInvalidation {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;
  private readonly handlers: ((message: Invalidation) => void)[] = [];

  constructor(url: string, prefix: string, onError: (error: Error) => void) {
    super();
    this.channel = `${prefix}:auth:invalidate`;
    this.publisher = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: null, connectTimeout: 2000 });
    this.publisher.on('error', onError);
    this.subscriber.on('error', onError);
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const message = parse(text);
      if (message) for (const handler of this.handlers) handler(message);
    });
    this.subscriber.subscribe(this.channel).catch(onError);
  }

  async publish(message: Invalidation): Promise<void> {
    try {
      await this.publisher.publish(this.channel, JSON.stringify(message));
    } catch {
      // Redis away: the other instances' entries expire within AUTH_CACHE_MS.
    }
  }

  subscribe(handler: (message: Invalidation) => void): void {
    this.handlers.push(handler);
  }

  close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
    return Promise.resolve();
  }
}

function parse(text: string): Invalidation | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.userId === 'string') return { userId: value.userId };
    if (typeof value.sessionId === 'string') return { sessionId: value.sessionId };
  } catch {
    // Not ours.
  }
  return null;
}
