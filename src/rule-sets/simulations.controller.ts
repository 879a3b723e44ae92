import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import { SimulationCellQueryDto, StartSimulationDto } from './dto/simulation-run.dto.js';
import { SimulationCellCasesResponse, SimulationRunViewResponse } from './dto/simulation-run.response.js';
import { SimulationRunsService, type SimulationCellCase, type SimulationRunView } from './simulation-runs.service.js';

/** 试运行作业: a rule set simulated over every stored case as a job, with progress, cancel and the matrices' cases. */
@ApiTags('rules')
@ApiBearerAuth()
@Controller('rules')
export class SimulationsController {
  constructor(private readonly runs: SimulationRunsService) {}

  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SimulationRunViewResponse, description: 'the queued run' })
  @Post('sets/:id/simulations')
  start(@Param('id', UuidPipe) id: string, @Body() body: StartSimulationDto, @CurrentActor() actor: Actor): Promise<SimulationRunView> {
    return this.runs.start(id, body.scope, actor);
  }

  @Roles('admin')
  @ApiOkResponse({ type: SimulationRunViewResponse })
  @Get('simulations/:runId')
  get(@Param('runId', UuidPipe) runId: string): Promise<SimulationRunView> {
    return this.runs.get(runId);
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: SimulationRunViewResponse, description: 'a queued run is cancelled at once; a running one stops after its batch' })
  @Post('simulations/:runId/cancel')
  cancel(@Param('runId', UuidPipe) runId: string): Promise<SimulationRunView> {
    return this.runs.cancel(runId);
  }

  @Roles('admin')
  @ApiOkResponse({ type: SimulationCellCasesResponse })
  @Get('simulations/:runId/cases')
  cases(@Param('runId', UuidPipe) runId: string, @Query() query: SimulationCellQueryDto): Promise<{ total: number; items: SimulationCellCase[] }> {
    return this.runs.cellCases(runId, query.dimension, query.from, query.to, query.page ?? 1, query.pageSize ?? 20);
  }
}
