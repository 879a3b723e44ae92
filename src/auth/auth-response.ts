import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Actor, type Role } from '../domain/actor.js';
import type { SignedIn } from './auth.service.js';
import type { UserView } from './user-view.js';

/**
 * The OpenAPI description of the auth and users answers (the console's generated client reads it).
 * Each class implements the view it describes, so drift fails the type check.
 */
export class UserViewResponse implements UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'secretary' }) username!: string;
  @ApiProperty({ example: '王秘书' }) displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'for role leader: the leader this account belongs to' }) leaderId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'for role unit: the handling unit this account belongs to' }) unitId!: string | null;
  @ApiProperty() active!: boolean;
}

export class SignedInResponse implements SignedIn {
  @ApiProperty({ description: 'Bearer token for the Authorization header' }) accessToken!: string;
  @ApiProperty({ description: 'seconds the access token is valid' }) expiresIn!: number;
  @ApiProperty({ description: 'exchange at POST /auth/refresh for new tokens; each one works once' }) refreshToken!: string;
  @ApiProperty({ format: 'date-time', description: 'when the session ends at the latest' }) sessionExpiresAt!: string;
  @ApiProperty({ type: () => UserViewResponse }) user!: UserViewResponse;
}

/** Who is signed in (`GET /auth/me`). */
export class CurrentUserResponse implements Actor {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'for role leader: the leader this account belongs to' }) leaderId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'for role unit: the handling unit this account belongs to' }) unitId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'GOV', description: "for role unit: the unit's code" }) unitCode!: string | null;
  @ApiPropertyOptional({ format: 'uuid', description: 'the signed-in session' }) sessionId?: string;
}

export class PasswordResetResponse {
  @ApiProperty({ example: 'Kq7xm-9hTzr-pW3ad-Ncy4e', description: 'shown once: hand it to the user, who should change it after signing in' })
  temporaryPassword!: string;
}
