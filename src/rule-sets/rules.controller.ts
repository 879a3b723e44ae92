import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { type Actor } from '../domain/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { CreateRuleSetDto, RuleSetBodyDto, SimulateDto } from './dto/rule-set.dto.js';
import { RuleSetValidationResponse, RuleSetViewResponse, SimulationReportResponse } from './dto/rule-set.response.js';
import { RULE_SET_SCHEMA, type JsonSchema } from '../rules/rule-set.schema.js';
import { ActivationNoteDto } from './dto/activation.dto.js';
import { ActivatedRuleSetResponse, RuleSetActivationResponse, RuleSetDiffResponse, RuleSetSchemaResponse } from './dto/rule-set-admin.response.js';
import { RuleSetsService, type ActivatedRuleSetView, type RuleSetActivationView, type RuleSetDiffView, type RuleSetView, toRuleSetView } from './rule-sets.service.js';
import type { RuleSetProblem } from './rule-sets.errors.js';
import type { SimulationReport } from './simulation.service.js';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @Roles('admin', 'secretariat', 'auditor')
  @ApiOkResponse({ type: RuleSetViewResponse, description: 'the published rule set in force' })
  @Get('active')
  async active(): Promise<RuleSetView> {
    return toRuleSetView(await this.ruleSets.active());
  }

  @Roles('admin', 'secretariat', 'auditor')
  @ApiOkResponse({
    type: RuleSetSchemaResponse,
    description: 'the JSON Schema (draft-07) of a rule-set body {note, precedence, rules}; the server validator compiles the same object',
  })
  @Get('schema')
  schema(): JsonSchema {
    return RULE_SET_SCHEMA;
  }

  @Roles('admin', 'secretariat', 'auditor')
  @ApiOkResponse({ type: RuleSetActivationResponse, isArray: true, description: 'every publish and rollback, newest first, with its re-grade progress' })
  @Get('activations')
  activations(): Promise<RuleSetActivationView[]> {
    return this.ruleSets.listActivations();
  }

  @Roles('admin', 'secretariat', 'auditor')
  @ApiOkResponse({ type: RuleSetViewResponse, isArray: true })
  @Get('sets')
  list(): Promise<RuleSetView[]> {
    return this.ruleSets.list();
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: RuleSetViewResponse, description: 'the new draft' })
  @Post('sets')
  create(@Body() body: CreateRuleSetDto, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.ruleSets.createDraft(body, actor);
  }

  @Roles('admin', 'secretariat', 'auditor')
  @ApiOkResponse({ type: RuleSetViewResponse })
  @Get('sets/:id')
  async get(@Param('id', UuidPipe) id: string): Promise<RuleSetView> {
    return toRuleSetView(await this.ruleSets.get(id));
  }

  @Roles('admin', 'secretariat', 'auditor')
  @ApiQuery({ name: 'against', required: true, description: 'the id of the set to compare with (the diff reads from it to :id)', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ type: RuleSetDiffResponse, description: 'what changed from `against` to `:id`, in Chinese and English words' })
  @Get('sets/:id/diff')
  diff(@Param('id', UuidPipe) id: string, @Query('against', UuidPipe) against: string): Promise<RuleSetDiffView> {
    return this.ruleSets.diff(id, against);
  }

  @Roles('admin')
  @ApiOkResponse({ type: RuleSetViewResponse })
  @Put('sets/:id')
  update(@Param('id', UuidPipe) id: string, @Body() body: RuleSetBodyDto, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.ruleSets.updateDraft(id, body, actor);
  }

  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the draft is deleted' })
  @Delete('sets/:id')
  remove(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.ruleSets.deleteDraft(id, actor);
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: RuleSetValidationResponse })
  @Post('sets/:id/validate')
  validate(@Param('id', UuidPipe) id: string): Promise<{ valid: boolean; errors: RuleSetProblem[] }> {
    return this.ruleSets.validate(id);
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SimulationReportResponse })
  @Post('sets/:id/simulate')
  simulate(@Param('id', UuidPipe) id: string, @Body() body: SimulateDto): Promise<SimulationReport> {
    return this.ruleSets.simulate(id, body);
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish a draft',
    description:
      'The draft becomes the active set; its publishedBy/publishedAt are set now (once). An activation is recorded with the optional note, audited as ruleset.publish, and the re-grade of open, not yet routed cases is queued (progress: GET /rules/activations).',
  })
  @ApiOkResponse({ type: ActivatedRuleSetResponse, description: 'the published set, with the activation recorded' })
  @Post('sets/:id/publish')
  publish(@Param('id', UuidPipe) id: string, @Body() body: ActivationNoteDto, @CurrentActor() actor: Actor): Promise<ActivatedRuleSetView> {
    return this.ruleSets.publish(id, actor, body.note ?? '');
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Roll back to an earlier published version',
    description:
      'Called on the ACTIVE set: re-activates the version published before it (the most recent published version with a lower number). Called on an EARLIER PUBLISHED (archived) set: makes that set active again. A draft, or an archived set never published, answers 409 RULESET_ROLLBACK_UNAVAILABLE. The rollback is its own activation (audited as ruleset.rollback, with the optional note) and never changes any version\'s publishedBy/publishedAt.',
  })
  @ApiOkResponse({ type: ActivatedRuleSetResponse, description: 'the set in force again, with the activation recorded' })
  @Post('sets/:id/rollback')
  rollback(@Param('id', UuidPipe) id: string, @Body() body: ActivationNoteDto, @CurrentActor() actor: Actor): Promise<ActivatedRuleSetView> {
    return this.ruleSets.rollback(id, actor, body.note ?? '');
  }
}
