import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MEETING_TYPES, type MeetingType } from '../../domain/case-vocabulary.js';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';

const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const ISO_WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

export class PlanMeetingsDto {
  @ApiProperty({ example: '2026-12-01T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(ISO_WITH_OFFSET, { message: 'from must carry a time zone offset' })
  from!: string;

  @ApiProperty({ example: '2026-12-29T00:00:00+08:00' })
  @IsISO8601({ strict: true })
  @Matches(ISO_WITH_OFFSET, { message: 'to must carry a time zone offset' })
  to!: string;

  @ApiPropertyOptional({ enum: MEETING_TYPES, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsIn(MEETING_TYPES, { each: true })
  types?: MeetingType[];

  @ApiPropertyOptional({ description: 'also replace the drafts of those types and window that a secretary edited by hand (default: keep them)' })
  @OptionalNotNull()
  @IsBoolean()
  replaceEdited?: boolean;
}

export class AgendaItemDto {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiPropertyOptional({ description: 'leader in charge (包案领导); default: the case’s' }) @OptionalNotNull() @IsUUID() leadLeaderId?: string;
  @ApiPropertyOptional({ description: 'unit code reporting on the case; default: its handling unit' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 32)
  presenterUnit?: string;
  @ApiProperty({ minimum: 5, maximum: 240 }) @IsInt() @Min(5) @Max(240) minutes!: number;
}

export class CreateMeetingDto {
  @ApiProperty({ enum: MEETING_TYPES }) @IsIn(MEETING_TYPES) type!: MeetingType;
  @ApiPropertyOptional() @OptionalNotNull() @Trim() @IsString() @Length(1, 200) title?: string;
  @ApiProperty() @IsISO8601({ strict: true }) @Matches(ISO_WITH_OFFSET) startAt!: string;
  @ApiProperty() @IsISO8601({ strict: true }) @Matches(ISO_WITH_OFFSET) endAt!: string;
  @ApiPropertyOptional({ description: 'free text; with a room, the room names the place' }) @OptionalNotNull() @Trim() @IsString() @Length(1, 100) location?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the room (会议室) booked; its name becomes the location' })
  @IsOptional()
  @IsUUID()
  roomId?: string | null;
  @ApiProperty() @IsUUID() chairId!: string;
  @ApiProperty({ type: [AgendaItemDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda!: AgendaItemDto[];
  @ApiPropertyOptional({ type: [String], description: 'unit codes invited besides the agenda’s units' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  units?: string[];
  @ApiPropertyOptional({ type: [String], description: 'deputy ids invited' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  deputies?: string[];
}

/** Editing a meeting: move it, change place or chair, swap a leader in charge, drop or add cases. */
export class UpdateMeetingDto {
  @ApiPropertyOptional() @OptionalNotNull() @Trim() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601({ strict: true }) @Matches(ISO_WITH_OFFSET) startAt?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601({ strict: true }) @Matches(ISO_WITH_OFFSET) endAt?: string;
  @ApiPropertyOptional({ description: 'free text; given without roomId it moves the meeting out of its room' }) @OptionalNotNull() @Trim() @IsString() @Length(1, 100) location?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'the room (会议室); null: no room' })
  @IsOptional()
  @IsUUID()
  roomId?: string | null;
  @ApiPropertyOptional() @OptionalNotNull() @IsUUID() chairId?: string;
  @ApiPropertyOptional({ type: [AgendaItemDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  agenda?: AgendaItemDto[];
  @ApiPropertyOptional({ type: [String] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(32, { each: true }) units?: string[];
  @ApiPropertyOptional({ type: [String] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) deputies?: string[];
}

export class CancelMeetingDto {
  @ApiProperty({ example: '主任临时出差，会议另行安排' }) @Trim() @IsString() @Length(1, 500) reason!: string;
}

export class OutcomeDto {
  @ApiProperty() @IsUUID() caseId!: string;
  @ApiProperty({ example: '责成市住建局 12 月底前拿出施工计划' }) @Trim() @IsString() @Length(1, 2000) decision!: string;
  @ApiPropertyOptional({ example: '书面报告施工计划及资金安排' }) @OptionalNotNull() @Trim() @IsString() @Length(1, 4000) requirements?: string;
  @ApiPropertyOptional({ example: '2026-12-31T17:30:00+08:00', description: 'follow-up deadline: becomes the case’s reply deadline' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  @Matches(ISO_WITH_OFFSET)
  dueAt?: string;
}

export class ListMeetingsQuery {
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ enum: MEETING_TYPES }) @IsOptional() @IsIn(MEETING_TYPES) type?: MeetingType;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leaderId?: string;
  @ApiPropertyOptional({ enum: ['draft', 'confirmed', 'held', 'cancelled'] })
  @IsOptional()
  @IsIn(['draft', 'confirmed', 'held', 'cancelled'])
  status?: 'draft' | 'confirmed' | 'held' | 'cancelled';
}
