import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import { EvaluateCaseDto } from '../cases/dto/evaluate-case.dto.js';
import { PreviewResponse } from '../cases/dto/preview.response.js';
import type { Preview } from '../cases/intake.service.js';
import { OptionalUuidPipe } from '../common/http/uuid.pipe.js';
import { RuleEvaluationService } from './rule-evaluation.service.js';

/** `POST /rules/evaluate`: a dry run on one registration body; intake (in `cases`) derives the facts. */
@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesEvaluateController {
  constructor(private readonly evaluation: RuleEvaluationService) {}

  @Roles('admin', 'secretariat')
  @ApiQuery({ name: 'set', required: false, description: 'rule-set id (default: the active set)' })
  @ApiOkResponse({ type: PreviewResponse, description: 'grade, route, flags, meeting, deadlines and the evaluation in words; nothing is stored' })
  @HttpCode(200)
  @Post('evaluate')
  evaluate(@Body() body: EvaluateCaseDto, @Query('set', OptionalUuidPipe) setId?: string): Promise<Preview> {
    return this.evaluation.preview(body, setId);
  }
}
