import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { CONVERSION_KINDS, type ConversionKind } from '../case-conversion.entity.js';

const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateConversionDto {
  @ApiProperty({ enum: CONVERSION_KINDS }) @IsIn(CONVERSION_KINDS) kind!: ConversionKind;
  @ApiProperty({ example: '关于修订《十堰市物业管理条例》的立法建议' }) @Trim() @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @OptionalNotNull() @Trim() @IsString() @Length(1, 4000) note?: string;
  @ApiPropertyOptional({ type: [String], description: 'other cases of the cluster this conversion also answers' })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  relatedCaseIds?: string[];
}

export class ListConversionsQuery {
  @ApiPropertyOptional({ enum: CONVERSION_KINDS }) @IsOptional() @IsIn(CONVERSION_KINDS) kind?: ConversionKind;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
}
