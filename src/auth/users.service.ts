import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { fieldChanges } from '../audit/audit-changes.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { Clock } from '../domain/clock.js';
import { isUniqueViolation } from '../database/db-errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { passwordProblem } from '../../config/password-policy.js';
import { type Actor, SYSTEM_ACTOR } from '../domain/actor.js';
import { AuthErrors } from './auth.errors.js';
import type { CreateUserDto, UpdateUserDto } from './dto/auth.dto.js';
import { hashPassword } from './password.js';
import { temporaryPassword } from './temporary-password.js';
import { SessionService } from './sessions/session.service.js';
import type { User } from './user.entity.js';
import { toUserView, type UserView } from './user-view.js';
import { UsersRepository } from './users.repository.js';
import { unitAfterUpdate, userUnitProblem } from './user-unit.js';

/**
 * Accounts, administered by admins. A change that must end the user's access (disabled, role or
 * password changed) raises the token version and revokes every session in the same transaction.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(toUserView);
  }

  async create(input: CreateUserDto, actor: Actor = SYSTEM_ACTOR): Promise<UserView> {
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw AuthErrors.weakPassword(problem);
    await this.checkUnit(input.role, input.unitId ?? null);
    if (await this.users.findByUsername(input.username)) throw AuthErrors.usernameTaken();
    const user: User = {
      id: randomUUID(),
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      displayName: input.displayName,
      leaderId: input.leaderId ?? null,
      unitId: input.unitId ?? null,
      active: true,
      tokenVersion: 0,
      createdAt: this.clock.now(),
    };
    try {
      await this.tx.run(async (em) => {
        await this.users.insert(em, user);
        const shown = { username: user.username, displayName: user.displayName, role: user.role, leaderId: user.leaderId, unitId: user.unitId, active: user.active };
        await this.audit.record(em, actor, 'user.create', { type: 'user', id: user.id }, { username: user.username, role: user.role, changes: fieldChanges(null, shown) }, user.createdAt);
      });
    } catch (error) {
      // Two admins creating the same username at once: the unique key decides, the loser hears why.
      if (isUniqueViolation(error)) throw AuthErrors.usernameTaken();
      throw error;
    }
    return toUserView(user);
  }

  async update(id: string, input: UpdateUserDto, actor: Actor): Promise<UserView> {
    const user = await this.users.findById(id);
    if (!user) throw AuthErrors.userNotFound();
    const losesAdmin = user.role === 'admin' && user.active && ((input.role !== undefined && input.role !== 'admin') || input.active === false);
    if (losesAdmin && (await this.users.countActiveAdmins()) <= 1) throw AuthErrors.lastAdmin();
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password, user.username);
      if (problem) throw AuthErrors.weakPassword(problem);
    }
    const unitId = unitAfterUpdate(user, input);
    if (input.role !== undefined || input.unitId !== undefined) await this.checkUnit(input.role ?? user.role, unitId);
    const unitChanged = unitId !== user.unitId;
    const endsAccess = input.password !== undefined || (input.role !== undefined && input.role !== user.role) || (input.active === false && user.active) || unitChanged;
    const changes: Partial<User> = {
      ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.leaderId !== undefined && { leaderId: input.leaderId }),
      ...(unitChanged && { unitId }),
      ...(endsAccess && { tokenVersion: user.tokenVersion + 1 }),
    };
    const { password, ...given } = input;
    const shown = unitChanged ? { ...given, unitId } : given;
    const diff = [...fieldChanges(user, shown), ...(password !== undefined ? fieldChanges(null, { password }) : [])];
    // A PATCH that changes nothing writes nothing (and leaves no audit entry).
    if (diff.length > 0) {
      const changed = diff.map((c) => c.field);
      await this.tx.run(async (em) => {
        await this.users.update(em, id, changes);
        if (endsAccess) await this.sessions.revokeAllOfUser(em, id, 'user-changed');
        await this.audit.record(em, actor, 'user.update', { type: 'user', id }, { username: user.username, changed, endsAccess, changes: diff }, this.clock.now());
      });
    }
    await this.sessions.forgetUser(id);
    const updated = await this.users.findById(id);
    if (!updated) throw AuthErrors.userNotFound();
    return toUserView(updated);
  }

  /** A unit account names an existing active unit; no other account names one (422). */
  private async checkUnit(role: CreateUserDto['role'], unitId: string | null): Promise<void> {
    const active = unitId !== null && role === 'unit' ? await this.users.unitActive(unitId) : undefined;
    const problem = userUnitProblem(role, unitId, active);
    if (problem) throw problem;
  }

  /** Signs the user out everywhere (a lost phone, a shared computer). */
  async revokeSessions(id: string, actor: Actor): Promise<void> {
    const user = await this.users.findById(id);
    if (!user) throw AuthErrors.userNotFound();
    await this.tx.run(async (em) => {
      await this.users.update(em, id, { tokenVersion: user.tokenVersion + 1 });
      await this.sessions.revokeAllOfUser(em, id, 'revoked-by-admin');
      await this.audit.record(em, actor, 'user.sessions-revoke', { type: 'user', id }, { username: user.username }, this.clock.now());
    });
    await this.sessions.forgetUser(id);
  }

  /**
   * Sets a generated temporary password (returned once, to be handed over; never stored or logged in clear)
   * and signs the user out everywhere.
   */
  async resetPassword(id: string, actor: Actor): Promise<{ temporaryPassword: string }> {
    const user = await this.users.findById(id);
    if (!user) throw AuthErrors.userNotFound();
    const password = temporaryPassword(user.username);
    const passwordHash = await hashPassword(password);
    await this.tx.run(async (em) => {
      await this.users.update(em, id, { passwordHash, tokenVersion: user.tokenVersion + 1 });
      await this.sessions.revokeAllOfUser(em, id, 'password-reset');
      await this.audit.record(em, actor, 'user.password-reset', { type: 'user', id }, { username: user.username, changes: fieldChanges(null, { password }) }, this.clock.now());
    });
    await this.sessions.forgetUser(id);
    return { temporaryPassword: password };
  }

  /** Creates the user unless the username exists; used by seeding. */
  async ensure(input: CreateUserDto): Promise<void> {
    if (!(await this.users.findByUsername(input.username))) await this.create(input);
  }
}
