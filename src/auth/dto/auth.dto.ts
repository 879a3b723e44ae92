import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../config/password-policy.js';
import { ROLES, type Role } from '../../domain/actor.js';


export class LoginDto {
  @ApiProperty({ example: 'secretary' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'mishu-demo-2026' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh; each one works once.' })
  @IsString()
  @Length(16, 200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(1, 200)
  newPassword!: string;
}

export class CreateUserDto {
  @ApiProperty()
  @IsString()
  @Length(2, 64)
  username!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'At least 12 characters; not a common password; not containing the username.' })
  @IsString()
  @Length(1, 200)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty()
  @IsString()
  @Length(1, 50)
  displayName!: string;

  @ApiPropertyOptional({ description: 'For role leader: the leader this account belongs to' })
  @IsOptional()
  @IsUUID()
  leaderId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For role unit (required there, refused otherwise): the handling unit this account belongs to (an active unit)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: 'A new password ends every session of the user.' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'A new role ends every session of the user.' })
  @OptionalNotNull()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(1, 50)
  displayName?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'For role leader: the leader this account belongs to; null unlinks it.' })
  @IsOptional()
  @IsUUID()
  leaderId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'For role unit: the handling unit this account belongs to (a change ends every session); null unlinks it (only when the role changes from unit).' })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ description: 'false disables the account and ends every session at once.' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
