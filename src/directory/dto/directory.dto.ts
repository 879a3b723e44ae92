import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CATEGORIES } from '../../domain/case-vocabulary.js';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { LEADER_RANKS, type LeaderRank } from '../../domain/leader-ranks.js';
import { UNIT_KINDS, type UnitKind } from '../unit.entity.js';
import { STATION_KINDS, type StationKind } from '../deputy.entity.js';
import { IsAvailableHours } from './available-hours.js';

export class CreateUnitDto {
  @ApiProperty({ example: 'HOUSING' })
  @Matches(/^[A-Z][A-Z0-9_-]{1,31}$/, { message: 'code must be 2-32 upper-case letters, digits, _ or -' })
  code!: string;

  @ApiProperty({ example: '市住房和城乡建设局' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  shortName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 150)
  nameEn?: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;

  @ApiProperty({ enum: CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(CATEGORIES.length)
  @IsIn(CATEGORIES, { each: true })
  categories!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, description: '职责清单: one responsibility per line (≤ 20, each ≤ 200 characters)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  responsibilities?: string[];
}

export class UpdateUnitDto {
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional({ description: 'null clears it' }) @IsOptional() @IsString() @Length(1, 100) shortName?: string | null;
  @ApiPropertyOptional({ description: 'null clears it' }) @IsOptional() @IsString() @Length(1, 150) nameEn?: string | null;
  @ApiPropertyOptional({ enum: CATEGORIES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(CATEGORIES.length)
  @IsIn(CATEGORIES, { each: true })
  categories?: string[];
  @ApiPropertyOptional({ description: 'null clears it' }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
  @ApiPropertyOptional({ type: [String], maxItems: 20, description: '职责清单 (replaces the list)' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  responsibilities?: string[];
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: 'array', items: { type: 'array', items: { type: 'string' } }, nullable: true, example: [['08:30', '12:00']], description: 'null = office hours' })
  @IsOptional()
  @IsAvailableHours()
  availableHours?: [string, string][] | null;
}

export class CreateLeaderDto {
  @ApiProperty({ example: '王建国' }) @IsString() @Length(1, 50) name!: string;
  @ApiProperty({ example: '副主任' }) @IsString() @Length(1, 50) title!: string;
  @ApiProperty({ enum: LEADER_RANKS }) @IsIn(LEADER_RANKS) rank!: LeaderRank;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) unitCode?: string;
  @ApiProperty({ enum: CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(CATEGORIES.length)
  @IsIn(CATEGORIES, { each: true })
  portfolio!: string[];
  @ApiProperty({ type: [String], example: ['茅箭区'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  regions!: string[];
  @ApiPropertyOptional({ default: 10 }) @OptionalNotNull() @IsInt() @Min(0) @Max(1000) maxActiveCases?: number;
}

export class UpdateLeaderDto {
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @Length(1, 50) name?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @Length(1, 50) title?: string;
  @ApiPropertyOptional({ enum: LEADER_RANKS }) @OptionalNotNull() @IsIn(LEADER_RANKS) rank?: LeaderRank;
  @ApiPropertyOptional({ description: 'null clears it' }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
  @ApiPropertyOptional({ enum: CATEGORIES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(CATEGORIES.length)
  @IsIn(CATEGORIES, { each: true })
  portfolio?: string[];
  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  regions?: string[];
  @ApiPropertyOptional() @OptionalNotNull() @IsInt() @Min(0) @Max(1000) maxActiveCases?: number;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() active?: boolean;
}

export class BusyBlockDto {
  @ApiProperty({ example: '2026-12-08T09:00:00+08:00' }) @IsISO8601({ strict: true }) start!: string;
  @ApiProperty({ example: '2026-12-08T12:00:00+08:00' }) @IsISO8601({ strict: true }) end!: string;
  @ApiPropertyOptional({ example: '出差' }) @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

export class ReplaceBusyBlocksDto {
  @ApiProperty({ type: [BusyBlockDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => BusyBlockDto)
  blocks!: BusyBlockDto[];
}

export class CreateDeputyDto {
  @ApiProperty() @IsString() @Length(1, 50) name!: string;
  @ApiProperty({ example: '律师' }) @IsString() @Length(1, 50) profession!: string;
  @ApiProperty({ example: '茅箭区人大代表之家' }) @IsString() @Length(1, 100) station!: string;
  @ApiPropertyOptional({ enum: STATION_KINDS, enumName: 'StationKind', description: 'station 代表联络站 / home 代表之家' })
  @IsOptional()
  @IsIn(STATION_KINDS)
  stationKind?: StationKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
}

export class UpdateDeputyDto {
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @Length(1, 50) name?: string;
  @ApiPropertyOptional({ example: '律师' }) @OptionalNotNull() @IsString() @Length(1, 50) profession?: string;
  @ApiPropertyOptional({ example: '茅箭区人大代表之家' }) @OptionalNotNull() @IsString() @Length(1, 100) station?: string;
  @ApiPropertyOptional({ enum: STATION_KINDS, enumName: 'StationKind', nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsIn(STATION_KINDS)
  stationKind?: StationKind | null;
  @ApiPropertyOptional({ description: 'null clears it' }) @IsOptional() @IsString() @Length(1, 50) region?: string | null;
  @ApiPropertyOptional({ description: 'null clears it' }) @IsOptional() @IsEmail() @MaxLength(200) email?: string | null;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() active?: boolean;
}

export class CreateRoomDto {
  @ApiProperty({ example: '常委会第二会议室' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ example: 30, description: 'seats' }) @IsInt() @Min(1) @Max(2000) capacity!: number;
  @ApiPropertyOptional({ type: [String], example: ['投影仪', '视频会议终端'], maxItems: 30 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  equipment?: string[];
  @ApiPropertyOptional({ example: '机关大楼三楼' }) @IsOptional() @IsString() @Length(1, 200) location?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'array', items: { type: 'string' } }, nullable: true, example: [['08:30', '12:00'], ['14:30', '17:30']], description: 'when the room can be booked (local HH:MM periods); null or left out = office hours' })
  @IsOptional()
  @IsAvailableHours()
  availableHours?: [string, string][] | null;
}

export class UpdateRoomDto {
  @ApiPropertyOptional() @OptionalNotNull() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsInt() @Min(1) @Max(2000) capacity?: number;
  @ApiPropertyOptional({ type: [String], maxItems: 30 })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  equipment?: string[];
  @ApiPropertyOptional({ description: 'null clears it' }) @IsOptional() @IsString() @Length(1, 200) location?: string | null;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() active?: boolean;
}
