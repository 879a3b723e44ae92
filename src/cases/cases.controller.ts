import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/actor.js';
import { type Actor } from '../domain/actor.js';
import type { Page } from '../common/http/pagination.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { CaseView, TimelineEventView } from './case-view.js';
import { CASE_ACTION_ROLES, CASE_READER_ROLES } from './case-permissions.js';
import { CasesService } from './cases.service.js';
import { CasePageResponse, CaseViewResponse, TimelineEventViewResponse } from './dto/case-view.response.js';
import { CaseActionDto } from './dto/case-action.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { PetitionerHistoryQueryDto, PetitionerHistoryResponse } from './dto/petitioner-history.dto.js';
import { type PetitionerHistory, PetitionerHistoryService } from './petitioner-history.service.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly history: PetitionerHistoryService,
  ) {}

  @Roles('admin', 'secretariat')
  @ApiCreatedResponse({ type: CaseViewResponse, description: 'the registered case (a retry with the same Idempotency-Key: the same case, header Idempotent-Replayed)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the same case' })
  @Post()
  async register(
    @Body() body: CreateCaseDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
    @Headers('Idempotency-Key') idempotencyKey?: string, // the name @ApiHeader documents (optional); Nest reads headers case-insensitively
  ): Promise<CaseView> {
    const { view, replayed } = await this.cases.register(body, actor, idempotencyKey);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  // Declared before the `:id` routes.
  @Roles('admin', 'secretariat')
  @ApiOperation({
    summary: "信访人近 12 个月的信访事项 · the petitioner's cases of the last 12 months (the intake form's hint)",
    description:
      'Finds the cases of the petitioner with this ID number or phone (at least one; checked like at intake) received in the ' +
      'last 12 months, by the lookup hashes repeat detection uses (current and previous keys): newest first, at most 20, ' +
      'with the total. A POST so the number never appears in a URL or an access log; it is neither stored, logged nor named ' +
      'back in an error. 400 PETITIONER_LOOKUP_REQUIRED (neither given), INVALID_ID_NUMBER, INVALID_PHONE, VALIDATION_FAILED; ' +
      'admins and the secretariat only (403 for leaders and auditors).',
  })
  @ApiOkResponse({ type: PetitionerHistoryResponse })
  @HttpCode(200)
  @Post('petitioner-history')
  petitionerHistory(@Body() body: PetitionerHistoryQueryDto): Promise<PetitionerHistory> {
    return this.history.find(body);
  }

  @Roles(...CASE_READER_ROLES)
  @ApiOkResponse({ type: CasePageResponse })
  @Get()
  ledger(@Query() query: ListCasesQuery, @CurrentActor() actor: Actor): Promise<Page<CaseView>> {
    return this.cases.ledger(query, actor);
  }

  @Roles(...CASE_READER_ROLES)
  @ApiOkResponse({ type: CaseViewResponse, description: 'the case with its timeline, allowed actions and the explanation of its grade (a leader or a unit: only its cases, else 404)' })
  @Get(':id')
  get(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<CaseView> {
    return this.cases.get(id, actor);
  }

  @Roles(...CASE_READER_ROLES)
  @ApiOkResponse({ type: TimelineEventViewResponse, isArray: true })
  @Get(':id/timeline')
  timeline(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<TimelineEventView[]> {
    return this.cases.timeline(id, actor);
  }

  @Roles(...CASE_ACTION_ROLES)
  @ApiOkResponse({
    type: CaseViewResponse,
    description:
      "the case after the action; 409 CASE_INVALID_TRANSITION when its state refuses the action; 403 CASE_ACTION_NOT_ALLOWED for an action outside the role's (a unit: sign, ask, request-extension, reply); 404 for a unit on another unit's case",
  })
  @HttpCode(200)
  @Post(':id/actions')
  act(@Param('id', UuidPipe) id: string, @Body() body: CaseActionDto, @CurrentActor() actor: Actor): Promise<CaseView> {
    return this.cases.act(id, body, actor);
  }
}
