import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import { rawBool, rawDate } from '../../database/raw-values.js';
import { asRow } from '../../database/rows.js';
import type { Role } from '../../domain/actor.js';
import { AuthSession } from './auth-session.entity.js';

/** What a request needs to know of its user and session, read in one statement. */
export interface Principal {
  sessionId: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  leaderId: string | null;
  unitId: string | null;
  /** The code of the user's unit (role unit) while that unit is active, read with the user. */
  unitCode: string | null;
  active: boolean;
  tokenVersion: number;
  sessionExpiresAt: Date;
  sessionRevoked: boolean;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>) {}

  async insert(em: EntityManager, session: AuthSession): Promise<void> {
    await em.insert(AuthSession, asRow(session));
  }

  findByRefreshHash(hash: string): Promise<AuthSession | null> {
    return this.sessions.findOneBy({ refreshHash: hash });
  }

  findByPreviousRefreshHash(hash: string): Promise<AuthSession | null> {
    return this.sessions.findOneBy({ previousRefreshHash: hash });
  }

  /** Replaces the refresh token only if it is still the one presented (two refreshes with it: one wins). */
  async rotate(em: EntityManager, id: string, presentedHash: string, nextHash: string, now: Date): Promise<boolean> {
    const result = await em.update(AuthSession, { id, refreshHash: presentedHash, revokedAt: IsNull() }, { refreshHash: nextHash, previousRefreshHash: presentedHash, lastUsedAt: now });
    return (result.affected ?? 0) === 1;
  }

  async revoke(em: EntityManager, id: string, reason: string, now: Date): Promise<void> {
    await em.update(AuthSession, { id, revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason });
  }

  async revokeAllOfUser(em: EntityManager, userId: string, reason: string, now: Date): Promise<void> {
    await em.update(AuthSession, { userId, revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason });
  }

  /** The user and session behind an access token, or null when either is gone. */
  async principal(sessionId: string): Promise<Principal | null> {
    const rows: Record<string, unknown>[] = await this.sessions.query(
      'SELECT s.id AS sessionId, s.expiresAt AS expiresAt, s.revokedAt AS revokedAt, u.id AS userId, u.username AS username, u.displayName AS displayName, u.role AS role, u.leaderId AS leaderId, u.unitId AS unitId, un.code AS unitCode, un.active AS unitActive, u.active AS active, u.tokenVersion AS tokenVersion FROM auth_sessions s JOIN users u ON u.id = s.userId LEFT JOIN units un ON un.id = u.unitId WHERE s.id = ?',
      [sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: String(row.sessionId),
      userId: String(row.userId),
      username: String(row.username),
      displayName: String(row.displayName),
      role: row.role as Role,
      leaderId: typeof row.leaderId === 'string' ? row.leaderId : null,
      unitId: typeof row.unitId === 'string' ? row.unitId : null,
      // A disabled (or removed) unit's accounts reach nothing: no code, so the guard refuses them.
      unitCode: typeof row.unitCode === 'string' && rawBool(row.unitActive) ? row.unitCode : null,
      active: rawBool(row.active),
      tokenVersion: Number(row.tokenVersion),
      sessionExpiresAt: rawDate(row.expiresAt),
      sessionRevoked: row.revokedAt !== null,
    };
  }

  /** Forgets the user's sessions that ended before `before` (housekeeping at each sign-in). */
  async deleteEndedOfUser(em: EntityManager, userId: string, before: Date): Promise<void> {
    await em.createQueryBuilder().delete().from(AuthSession).where('userId = :userId AND expiresAt < :before', { userId, before }).execute();
  }
}
