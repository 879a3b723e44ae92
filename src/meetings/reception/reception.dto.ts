import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { RECEPTION_STATUSES, type ReceptionStatus } from './reception-day.entity.js';

const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const ISO_WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const MAX_RECEPTION_CASES = 50;

export class PlanReceptionDaysDto {
  @ApiProperty({ example: '2026-12', description: 'the month planned (YYYY-MM, office time zone)' })
  @IsString()
  @Matches(MONTH, { message: 'month must look like 2026-12' })
  month!: string;

  @ApiPropertyOptional({ type: [String], description: 'the leaders taking part; default: every active leader of a lead rank' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  leaderIds?: string[];

  @ApiPropertyOptional({ description: 'the reception room (接待室) for the month: days only when it is open and free, booked at confirm' })
  @OptionalNotNull()
  @IsUUID('all')
  roomId?: string;
}

export class ListReceptionDaysQuery {
  @ApiPropertyOptional({ example: '2026-12' }) @IsOptional() @IsString() @Matches(MONTH, { message: 'month must look like 2026-12' }) month?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leaderId?: string;
  @ApiPropertyOptional({ enum: RECEPTION_STATUSES }) @IsOptional() @IsIn(RECEPTION_STATUSES) status?: ReceptionStatus;
}

export class UpdateReceptionDayDto {
  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601({ strict: true }) @Matches(ISO_WITH_OFFSET) startAt?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601({ strict: true }) @Matches(ISO_WITH_OFFSET) endAt?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsUUID() leaderId?: string;
  @ApiPropertyOptional({ nullable: true, description: 'a room of the directory; null = none' }) @IsOptional() @IsUUID() roomId?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_RECEPTION_CASES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  proposedCaseIds?: string[];
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @Trim() @IsString() @Length(0, 2000) note?: string | null;
  @ApiPropertyOptional({ description: 'the version read; a concurrent change answers 409' }) @OptionalNotNull() @IsInt() @Min(1) @Max(2_000_000_000) version?: number;
}

export class CancelReceptionDayDto {
  @ApiPropertyOptional({ example: '领导临时出差，接访另行安排' }) @OptionalNotNull() @Trim() @IsString() @Length(1, 500) reason?: string;
}

export class ReceivedCaseDto {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiPropertyOptional({ example: '主任当面听取诉求，责成区政府两周内答复' }) @OptionalNotNull() @Trim() @IsString() @Length(1, 2000) note?: string;
}

export class HeldReceptionDayDto {
  @ApiProperty({ type: [ReceivedCaseDto], description: 'the cases received (0–50, each once)' })
  @IsArray()
  @ArrayMaxSize(MAX_RECEPTION_CASES)
  @ValidateNested({ each: true })
  @Type(() => ReceivedCaseDto)
  received!: ReceivedCaseDto[];
}
