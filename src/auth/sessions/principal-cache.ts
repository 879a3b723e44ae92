import type { Principal } from './sessions.repository.js';

/**
 * A short-lived cache of principals by session, so a request does not read the database each time.
 * Changes made on this instance (logout, disable, role or password change) drop entries at once;
 * other instances see them when their entry expires, within `ttlMs`.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  get(sessionId: string): Principal | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.principal;
  }

  set(principal: Principal): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(principal.sessionId, { principal, until: this.now() + this.ttlMs });
  }

  dropSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  dropUser(userId: string): void {
    for (const [sid, entry] of this.entries) if (entry.principal.userId === userId) this.entries.delete(sid);
  }
}
