import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../../common/http/optional-not-null.js';

const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class AttendanceEntryDto {
  @ApiProperty({ description: 'the invited attendee (meeting_attendees.id)' }) @IsUUID() attendeeId!: string;
  @ApiProperty({ description: 'came in person' }) @IsBoolean() present!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, example: '张明', description: '派员参加: who came instead' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 50)
  substituteName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '办公室主任' }) @IsOptional() @Trim() @IsString() @Length(1, 100) substitutePost?: string | null;
}

export class ExtraAttendeeDto {
  @ApiProperty({ example: '刘平' }) @Trim() @IsString() @Length(1, 50) name!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '市住建局物业科科长' }) @IsOptional() @Trim() @IsString() @Length(1, 100) post?: string | null;
}

/** The draft of the minutes: whatever is sent replaces what was there; what is left out stays. */
export class MinutesDraftDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: '会议概况' }) @IsOptional() @Trim() @IsString() @Length(0, 4000) summary?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '其他要求 (general requirements)' }) @IsOptional() @Trim() @IsString() @Length(0, 4000) requirements?: string | null;
  @ApiPropertyOptional({ type: [AttendanceEntryDto], description: 'entries for some or all attendees; the others keep theirs (present by default)' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  attendance?: AttendanceEntryDto[];
  @ApiPropertyOptional({ type: [ExtraAttendeeDto], description: 'people present who were not invited' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExtraAttendeeDto)
  extraAttendees?: ExtraAttendeeDto[];
  @ApiPropertyOptional({ type: [String], description: 'agenda cases the meeting explicitly left undecided (未作决定)' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  undecidedCaseIds?: string[];
  @ApiPropertyOptional({ description: 'the minutes version read; refused with 409 when someone changed them since' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}
