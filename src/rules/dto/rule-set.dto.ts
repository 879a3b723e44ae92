import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { CASE_STATUSES, CATEGORIES, GRADES, type CaseStatus, type Category, type Grade } from '../../cases/case.types.js';

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
  @IsOptional()
  @IsArray()
  @IsIn(GRADES, { each: true })
  precedence?: Grade[];
}

export class CreateRuleSetDto extends RuleSetBodyDto {
  @ApiPropertyOptional({ description: 'version this draft starts from (informational)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  basedOn?: number;
}

export class SimulationScopeDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, isArray: true }) @IsOptional() @IsArray() @IsIn(CASE_STATUSES, { each: true }) statuses?: CaseStatus[];
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: Category;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) receivedFrom?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) receivedTo?: string;
}

export class SimulateDto {
  @ApiPropertyOptional({ type: SimulationScopeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SimulationScopeDto)
  scope?: SimulationScopeDto;

  @ApiPropertyOptional({ description: 'at most this many cases (default: all in scope)', maximum: 5_000_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5_000_000)
  limit?: number;

  @ApiPropertyOptional({ description: 'how many example cases to return', default: 20, maximum: 200 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(200)
  examples?: number;
}
