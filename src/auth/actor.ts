import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './user.entity.js';

/** Who is acting: the signed-in user as carried by the access token. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  leaderId: string | null;
  /** The signed-in session the request came with (absent for the system and seeding). */
  sessionId?: string;
}

/** The system itself (jobs, sweeps), for timeline events. */
export const SYSTEM_ACTOR: Actor = { id: 'system', username: 'system', displayName: '系统', role: 'admin', leaderId: null };

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** The route needs no access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (admin always may, unless listed otherwise by leaving it out on purpose). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
  if (!req.actor) throw new Error('CurrentActor used on a public route');
  return req.actor;
});

/** Secretariat and admin see petitioners' personal data in clear; everyone else sees it masked. */
export function seesPersonalData(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'secretariat';
}
