import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import { OptionalUuidPipe } from '../common/http/uuid.pipe.js';
import { EvaluateCaseDto } from './dto/evaluate-case.dto.js';
import { CaseEvaluationService } from './case-evaluation.service.js';
import type { Preview } from './intake.service.js';

/** `POST /rules/evaluate` lives with the cases: it needs the same facts and checks as intake. */
@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesEvaluateController {
  constructor(private readonly evaluation: CaseEvaluationService) {}

  @Roles('admin', 'secretariat')
  @ApiQuery({ name: 'set', required: false, description: 'rule-set id (default: the active set)' })
  @HttpCode(200)
  @Post('evaluate')
  evaluate(@Body() body: EvaluateCaseDto, @Query('set', OptionalUuidPipe) setId?: string): Promise<Preview> {
    return this.evaluation.preview(body, setId);
  }
}
