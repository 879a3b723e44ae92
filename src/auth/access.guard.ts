import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { type Actor, IS_PUBLIC, ROLES_KEY } from './actor.js';
import { AuthErrors } from './auth.errors.js';
import { ROLES, type Role } from './user.entity.js';

interface TokenClaims {
  sub: string;
  username: string;
  name: string;
  role: Role;
  leaderId: string | null;
}

/** Global guard: a valid bearer token on every non-public route, and the role the route asks for. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw AuthErrors.unauthenticated();
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(match[1]);
    } catch {
      throw AuthErrors.unauthenticated();
    }
    if (!ROLES.includes(claims.role)) throw AuthErrors.unauthenticated();
    req.actor = { id: claims.sub, username: claims.username, displayName: claims.name, role: claims.role, leaderId: claims.leaderId };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(claims.role)) throw AuthErrors.forbidden();
    return true;
  }
}

export type { TokenClaims };
