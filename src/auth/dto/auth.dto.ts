import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../user.entity.js';

export class LoginDto {
  @ApiProperty({ example: 'secretary' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'secretary-demo-2026' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class CreateUserDto {
  @ApiProperty()
  @IsString()
  @Length(2, 64)
  username!: string;

  @ApiProperty({ minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
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
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 50)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
