import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { IS_PUBLIC, ROLES_KEY } from './actor.js';
import { type Actor } from '../domain/actor.js';
import { AuthErrors } from './auth.errors.js';
import { RequestRateLimiter } from './request-rate-limiter.js';
import { SessionService } from './sessions/session.service.js';
import { ROLES, type Role } from '../domain/actor.js';

const NO_RATE_LIMIT = 'auth:no-rate-limit';

/** The route is exempt from request limits (health probes of a load balancer). */
export const NoRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(NO_RATE_LIMIT, true);

/**
 * Global guard. Public routes: a request limit per client address. Every other route: a valid access
 * token (signature, algorithm, expiry), whose session and user still allow it (read through a short
 * cache: signed out, disabled, role or password changed → 401), the role the route asks for (from the
 * user as stored, not as the token claims; a unit only where the route names 'unit': `mayCall`), and a
 * request limit per user.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly limiter: RequestRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const limited = !this.reflector.getAllAndOverride<boolean>(NO_RATE_LIMIT, targets);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      if (limited) await this.limiter.checkAddress(clientAddress(req));
      return true;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
    if (!match) throw AuthErrors.unauthenticated();
    const claims = await this.sessions.verify(match[1]);
    const principal = await this.sessions.principalFor(claims);
    if (!ROLES.includes(principal.role)) throw AuthErrors.unauthenticated();
    req.actor = {
      id: principal.userId,
      username: principal.username,
      displayName: principal.displayName,
      role: principal.role,
      leaderId: principal.leaderId,
      unitId: principal.unitId,
      unitCode: principal.unitCode,
      sessionId: principal.sessionId,
    };
    if (limited) await this.limiter.checkUser(principal.userId);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!mayCall(principal.role, roles, principal.unitCode)) throw AuthErrors.forbidden();
    return true;
  }
}

/**
 * Whether a role may call a route asking for `roles` (none: every signed-in user). A handling unit's
 * account is denied by default: only routes whose @Roles names 'unit' explicitly, and only while its
 * unit exists (an account whose unit is gone reaches nothing).
 */
export function mayCall(role: Role, roles: readonly Role[] | undefined, unitCode: string | null): boolean {
  if (role === 'unit') return unitCode !== null && roles !== undefined && roles.includes('unit');
  return roles === undefined || roles.includes(role);
}

/** The client's address as Express sees it (`TRUST_PROXY` decides whether forwarded headers count). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
