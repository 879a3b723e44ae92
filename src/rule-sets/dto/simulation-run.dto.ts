import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { SIMULATION_DIMENSIONS, type SimulationDimension } from '../rule-simulation.entity.js';
import { SimulationScopeDto } from './rule-set.dto.js';

/** `POST /rules/sets/:id/simulations`: which stored cases the run reads (default: all). */
export class StartSimulationDto {
  @ApiPropertyOptional({ type: SimulationScopeDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SimulationScopeDto)
  scope?: SimulationScopeDto;
}

/** `GET /rules/simulations/:runId/cases`: one cell of a matrix (meeting `none` is no meeting). */
export class SimulationCellQueryDto {
  @ApiProperty({ enum: SIMULATION_DIMENSIONS })
  @IsIn(SIMULATION_DIMENSIONS)
  dimension!: SimulationDimension;

  @ApiProperty({ example: 'escalated' })
  @IsString()
  @Length(1, 200)
  from!: string;

  @ApiProperty({ example: 'normal' })
  @IsString()
  @Length(1, 200)
  to!: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10_000 })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
