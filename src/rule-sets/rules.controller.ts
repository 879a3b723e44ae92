import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { type Actor } from '../domain/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { CreateRuleSetDto, RuleSetBodyDto, SimulateDto } from './dto/rule-set.dto.js';
import { RuleSetsService, type RuleSetView, toRuleSetView } from './rule-sets.service.js';
import type { RuleSetProblem } from './rule-sets.errors.js';
import type { SimulationReport } from './simulation.service.js';

@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class RulesController {
  constructor(private readonly ruleSets: RuleSetsService) {}

  @Roles('admin', 'secretariat', 'auditor')
  @Get('active')
  async active(): Promise<RuleSetView> {
    return toRuleSetView(await this.ruleSets.active());
  }

  @Roles('admin', 'secretariat', 'auditor')
  @Get('sets')
  list(): Promise<RuleSetView[]> {
    return this.ruleSets.list();
  }

  @Roles('admin')
  @Post('sets')
  create(@Body() body: CreateRuleSetDto, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.ruleSets.createDraft(body, actor);
  }

  @Roles('admin', 'secretariat', 'auditor')
  @Get('sets/:id')
  async get(@Param('id', UuidPipe) id: string): Promise<RuleSetView> {
    return toRuleSetView(await this.ruleSets.get(id));
  }

  @Roles('admin')
  @Put('sets/:id')
  update(@Param('id', UuidPipe) id: string, @Body() body: RuleSetBodyDto, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.ruleSets.updateDraft(id, body, actor);
  }

  @Roles('admin')
  @HttpCode(204)
  @Delete('sets/:id')
  remove(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.ruleSets.deleteDraft(id, actor);
  }

  @Roles('admin')
  @HttpCode(200)
  @Post('sets/:id/validate')
  validate(@Param('id', UuidPipe) id: string): Promise<{ valid: boolean; errors: RuleSetProblem[] }> {
    return this.ruleSets.validate(id);
  }

  @Roles('admin')
  @HttpCode(200)
  @Post('sets/:id/simulate')
  simulate(@Param('id', UuidPipe) id: string, @Body() body: SimulateDto): Promise<SimulationReport> {
    return this.ruleSets.simulate(id, body);
  }

  @Roles('admin')
  @HttpCode(200)
  @Post('sets/:id/publish')
  publish(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.ruleSets.publish(id, actor);
  }

  @Roles('admin')
  @HttpCode(200)
  @Post('sets/:id/rollback')
  rollback(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<RuleSetView> {
    return this.ruleSets.rollback(id, actor);
  }
}
