import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../../config/app-config.js';
import { Clock } from '../../domain/clock.js';
import { APP_CONFIG } from '../../common/tokens.js';
import { AUTH_CLOCK } from '../auth-clock.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { AuthErrors } from '../auth.errors.js';
import type { User } from '../user.entity.js';
import type { AuthSession } from './auth-session.entity.js';
import { PrincipalCache } from './principal-cache.js';
import { PrincipalInvalidation } from './principal-invalidation.js';
import { type Principal, SessionsRepository } from './sessions.repository.js';

/** What an access token carries. Only `sub`, `sid` and `tv` are trusted: role and name are re-read. */
export interface TokenClaims {
  sub: string;
  sid: string;
  /** The user's token version when the token was issued. */
  tv: number;
  username: string;
  name: string;
  role: string;
  iat?: number;
  exp?: number;
}

export interface IssuedTokens {
  accessToken: string;
  /** Seconds the access token is valid. */
  expiresIn: number;
  /** Exchange at `POST /auth/refresh` for new tokens; each one works once. */
  refreshToken: string;
  /** When the session ends at the latest. */
  sessionExpiresAt: string;
}

/** Ended sessions stay visible this long (who was signed in when), then go at the user's next sign-in. */
const KEEP_ENDED_SESSIONS_MS = 30 * 86_400_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Sessions: short-lived access tokens (JWT naming the session and the user's token version) and a
 * rotating refresh token per session, stored only as a hash. Presenting a refresh token that was already
 * exchanged revokes the session (it was copied). Every check reads the user and session through a
 * short-lived cache, so disabling a user, changing a role or password, or signing out ends access.
 */
@Injectable()
export class SessionService {
  private readonly cache: PrincipalCache;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly jwt: JwtService,
    private readonly tx: TransactionRunner,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly invalidation: PrincipalInvalidation,
  ) {
    this.cache = new PrincipalCache(config.authCacheMs);
    invalidation.subscribe((message) => ('userId' in message ? this.cache.dropUser(message.userId) : this.cache.dropSession(message.sessionId)));
  }

  async start(user: User): Promise<IssuedTokens> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    const session: AuthSession = {
      id: randomUUID(),
      userId: user.id,
      refreshHash: hashToken(refreshToken),
      previousRefreshHash: null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionTtlHours * 3_600_000),
      revokedAt: null,
      revokedReason: null,
    };
    await this.tx.run(async (em) => {
      await this.sessions.deleteEndedOfUser(em, user.id, new Date(now.getTime() - KEEP_ENDED_SESSIONS_MS));
      await this.sessions.insert(em, session);
    });
    return this.tokens(session, user, refreshToken);
  }

  /** New tokens for a refresh token; the old one stops working. Returns the user id the session belongs to. */
  async refresh(refreshToken: string, loadUser: (id: string) => Promise<User | null>): Promise<{ tokens: IssuedTokens; user: User }> {
    const now = this.clock.now();
    const presented = hashToken(refreshToken);
    const session = await this.sessions.findByRefreshHash(presented);
    if (!session) {
      const replaced = await this.sessions.findByPreviousRefreshHash(presented);
      if (replaced) await this.revoke(replaced.id, 'refresh-reuse');
      throw AuthErrors.sessionEnded();
    }
    const user = await loadUser(session.userId);
    if (session.revokedAt || session.expiresAt <= now || !user || !user.active) throw AuthErrors.sessionEnded();
    const next = randomBytes(32).toString('base64url');
    const rotated = await this.tx.run((em) => this.sessions.rotate(em, session.id, presented, hashToken(next), now));
    if (!rotated) throw AuthErrors.sessionEnded();
    return { tokens: await this.tokens(session, user, next), user };
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.tx.run((em) => this.sessions.revoke(em, sessionId, reason, this.clock.now()));
    this.cache.dropSession(sessionId);
    await this.invalidation.publish({ sessionId });
  }

  /** Ends every session of the user, in the caller's transaction (call `forgetUser` after it commits). */
  revokeAllOfUser(em: EntityManager, userId: string, reason: string): Promise<void> {
    return this.sessions.revokeAllOfUser(em, userId, reason, this.clock.now());
  }

  /**
   * Drops what every instance cached of the user: this one at once, the others when the message arrives
   * (or, should Redis be away, when their entry expires within the cache interval).
   */
  async forgetUser(userId: string): Promise<void> {
    this.cache.dropUser(userId);
    await this.invalidation.publish({ userId });
  }

  /** The principal of a verified access token, or an error when its session or user no longer allows it. */
  async principalFor(claims: TokenClaims): Promise<Principal> {
    let principal = this.cache.get(claims.sid);
    if (!principal) {
      principal = (await this.sessions.principal(claims.sid)) ?? undefined;
      if (!principal) throw AuthErrors.sessionEnded();
      this.cache.set(principal);
    }
    const ended =
      principal.userId !== claims.sub ||
      principal.sessionRevoked ||
      principal.sessionExpiresAt <= this.clock.now() ||
      !principal.active ||
      principal.tokenVersion !== claims.tv;
    if (ended) throw AuthErrors.sessionEnded();
    return principal;
  }

  /** Verifies signature, algorithm and expiry against the wall clock (AUTH_CLOCK); a token without `exp` is refused. */
  async verify(token: string): Promise<TokenClaims> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { clockTimestamp: Math.floor(this.clock.now().getTime() / 1000) });
    } catch {
      throw AuthErrors.unauthenticated();
    }
    const wellFormed = typeof claims.exp === 'number' && typeof claims.sub === 'string' && typeof claims.sid === 'string' && Number.isInteger(claims.tv);
    if (!wellFormed) throw AuthErrors.unauthenticated();
    return claims;
  }

  private async tokens(session: AuthSession, user: User, refreshToken: string): Promise<IssuedTokens> {
    const claims: TokenClaims = {
      sub: user.id,
      sid: session.id,
      tv: user.tokenVersion,
      username: user.username,
      name: user.displayName,
      role: user.role,
      iat: Math.floor(this.clock.now().getTime() / 1000),
    };
    return {
      accessToken: await this.jwt.signAsync(claims),
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
      sessionExpiresAt: session.expiresAt.toISOString(),
    };
  }
}
