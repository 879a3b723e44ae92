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
  IsObject,
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
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { CATEGORIES, CHANNELS, type Category, type Channel } from '../../domain/case-vocabulary.js';

/** Text fields are trimmed before validation, so "   " counts as empty. */
const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class PetitionerDto {
  @ApiProperty({ example: '张三' })
  @Trim()
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ example: '11010519491231002X', description: '18-digit resident ID number; encrypted at rest' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  idNumber?: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'encrypted at rest' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional({ example: '十堰市茅箭区某小区 3 栋' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '某小区业主委员会' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisation?: string;
}

/** The body of `POST /cases` (and of `POST /rules/evaluate`). */
export class CreateCaseDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ example: '2026-11-26T09:30:00+08:00', description: 'when the letter arrived or the visit took place' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'receivedAt must carry a time zone offset' })
  receivedAt!: string;

  @ApiProperty({ type: PetitionerDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PetitionerDto)
  petitioner!: PetitionerDto;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10000 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10_000)
  headcount?: number;

  @ApiProperty({ example: '老旧小区改造进度缓慢' })
  @Trim()
  @IsString()
  @Length(1, 200)
  subject!: string;

  @ApiProperty({ example: '小区列入改造计划至今未开工，雨天漏水。' })
  @Trim()
  @IsString()
  @Length(1, 20_000)
  content!: string;

  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES)
  category!: Category;

  @ApiProperty({ example: '茅箭区' })
  @Trim()
  @IsString()
  @Length(1, 50)
  region!: string;

  @ApiPropertyOptional({ type: [String], example: ['GOV', 'HOUSING'], description: 'unit codes' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  unitsInvolved?: string[];

  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() deputyReported?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'the deputy (an active deputy of the directory) who reported the case; sets deputyReported' })
  @OptionalNotNull()
  @IsUUID('all')
  reportedByDeputyId?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() important?: boolean;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() provincialReferral?: boolean;
  @ApiPropertyOptional() @OptionalNotNull() @IsBoolean() leaderInstructed?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'ids of earlier related cases' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  relatedCaseIds?: string[];
}
