import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { CASE_STATUSES, CATEGORIES, GRADES, type CaseStatus, type Category, type Grade } from '../../domain/case-vocabulary.js';

/** The largest value of an `int` column (MySQL/MariaDB refuse more). */
const MAX_INT_COLUMN = 2_147_483_647;

/** A rule set body. `rules` is checked in depth by the rule-set validator (path-precise errors). */
export class RuleSetBodyDto {
  @ApiProperty({ example: '集体访门槛调整为 3 人' })
  @IsString()
  @Length(1, 500)
  note!: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'json-rules-engine rules (see docs/rules.md)' })
  @IsArray()
  @ArrayMaxSize(500)
  rules!: unknown[];

  @ApiPropertyOptional({ enum: GRADES, isArray: true, default: ['joint-consultation', 'escalated', 'normal'] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(GRADES.length)
  @IsIn(GRADES, { each: true })
  precedence?: Grade[];
}

export class CreateRuleSetDto extends RuleSetBodyDto {
  @ApiPropertyOptional({ description: 'version this draft starts from (informational)', maximum: MAX_INT_COLUMN })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_INT_COLUMN)
  basedOn?: number;
}

export class SimulationScopeDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, isArray: true }) @OptionalNotNull() @IsArray() @ArrayMaxSize(CASE_STATUSES.length) @IsIn(CASE_STATUSES, { each: true }) statuses?: CaseStatus[];
  @ApiPropertyOptional({ enum: CATEGORIES }) @OptionalNotNull() @IsIn(CATEGORIES) category?: Category;
  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601({ strict: true }) receivedFrom?: string;
  @ApiPropertyOptional() @OptionalNotNull() @IsISO8601({ strict: true }) receivedTo?: string;
}

export class SimulateDto {
  @ApiPropertyOptional({ type: SimulationScopeDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SimulationScopeDto)
  scope?: SimulationScopeDto;

  @ApiPropertyOptional({ description: 'at most this many cases (default: all in scope)', maximum: 5_000_000 })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(5_000_000)
  limit?: number;

  @ApiPropertyOptional({ description: 'how many example cases to return', default: 20, maximum: 200 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(200)
  examples?: number;
}
