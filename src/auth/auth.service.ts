import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { passwordProblem } from '../../config/password-policy.js';
import type { Actor } from '../domain/actor.js';
import { AuthErrors } from './auth.errors.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, needsRehash, verifyPassword } from './password.js';
import { type IssuedTokens, SessionService } from './sessions/session.service.js';
import type { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { toUserView, type UserView } from './user-view.js';

export type SignedIn = IssuedTokens & { user: UserView };

/** Signing in and out, refreshing a session, changing one's own password. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async login(username: string, password: string, address: string): Promise<SignedIn> {
    const locked = await this.throttle.lockedMs(username, address);
    if (locked > 0) throw AuthErrors.loginLocked(locked);
    const user = await this.users.findByUsername(username);
    // Verify against a dummy hash when the user is unknown, so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      const outcome = await this.throttle.recordFailure(username, address);
      await this.recordFailure(user, address, !user ? 'unknown-user' : !ok ? 'wrong-password' : 'disabled', outcome.locked);
      if (outcome.locked) throw AuthErrors.loginLocked(outcome.lockedMs);
      throw AuthErrors.badCredentials();
    }
    await this.throttle.recordSuccess(username);
    if (needsRehash(user.passwordHash)) {
      const passwordHash = await hashPassword(password);
      await this.tx.run((em) => this.users.update(em, user.id, { passwordHash }));
    }
    return { ...(await this.sessions.start(user)), user: toUserView(user) };
  }

  async refresh(refreshToken: string): Promise<SignedIn> {
    const { tokens, user } = await this.sessions.refresh(refreshToken, (id) => this.users.findById(id));
    return { ...tokens, user: toUserView(user) };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.sessionId) await this.sessions.revoke(actor.sessionId, 'logout');
  }

  /** A new password for oneself: every other session ends, and this one continues with new tokens. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<SignedIn> {
    const user = await this.users.findById(actor.id);
    if (!user) throw AuthErrors.sessionEnded();
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw AuthErrors.wrongCurrentPassword();
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw AuthErrors.weakPassword(problem);
    const passwordHash = await hashPassword(newPassword);
    const now = this.clock.now();
    await this.tx.run(async (em) => {
      await this.users.update(em, user.id, { passwordHash, tokenVersion: user.tokenVersion + 1 });
      await this.sessions.revokeAllOfUser(em, user.id, 'password-changed');
      await this.audit.record(em, actor, 'user.password-change', { type: 'user', id: user.id }, {}, now);
    });
    await this.sessions.forgetUser(user.id);
    const updated: User = { ...user, passwordHash, tokenVersion: user.tokenVersion + 1 };
    return { ...(await this.sessions.start(updated)), user: toUserView(updated) };
  }

  private async recordFailure(user: User | null, address: string, reason: string, locked: boolean): Promise<void> {
    // An unknown username is not stored: it may be a password or personal data typed into the wrong field.
    const actor: Actor = user
      ? { id: user.id, username: user.username, displayName: user.displayName, role: user.role, leaderId: user.leaderId, unitId: user.unitId, unitCode: null }
      : { id: 'anonymous', username: 'anonymous', displayName: '未知用户', role: 'auditor', leaderId: null, unitId: null, unitCode: null };
    const now = this.clock.now();
    await this.tx.run(async (em) => {
      await this.audit.record(em, actor, 'auth.login-failed', { type: 'user', id: user?.id ?? 'unknown' }, { address, reason }, now);
      if (locked) await this.audit.record(em, actor, 'auth.lockout', { type: 'user', id: user?.id ?? 'unknown' }, { address }, now);
    });
  }
}

/** An Argon2id hash of a random password at today's cost, for unknown usernames. */
const DUMMY_HASH = await hashPassword(`dummy-${Math.random()}-${Date.now()}`);
