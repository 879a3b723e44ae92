import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { CreateCaseDto } from './create-case.dto.js';

/** `POST /rules/evaluate`: a registration body, with optional overrides of the derived facts. */
export class EvaluateCaseDto extends CreateCaseDto {
  @ApiPropertyOptional({ description: 'override: earlier cases of the petitioner within 12 months' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10_000)
  repeatCount?: number;

  @ApiPropertyOptional({ description: 'override: other open cases, same category and region, 30 days' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  similarOpenCases?: number;

  @ApiPropertyOptional({ description: 'override: a related earlier case ended dissatisfied' })
  @OptionalNotNull()
  @IsBoolean()
  relatedDissatisfied?: boolean;
}
