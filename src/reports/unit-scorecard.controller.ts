import { Body, Controller, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import { ExportAudit } from './export-audit.js';
import { RecordEvaluationDto } from './unit-evaluation.dto.js';
import { type EvaluationView, UnitEvaluationService } from './unit-evaluation.service.js';
import { scorecardCsv } from './unit-scorecard-csv.js';
import { UnitEvaluationResponse, RecordedEvaluationResponse, UnitScorecardDetailResponse, UnitScorecardsResponse } from './unit-scorecard.response.js';
import { type UnitScorecardDetail, type UnitScorecardList, UnitScorecardService } from './unit-scorecard.service.js';

const BOUND = 'an office day `2026-11-29` (included) or an ISO-8601 date-time';

class ScorecardQueryDto {
  @ApiPropertyOptional({ example: '2026-10-01', description: `start: ${BOUND}; default the start of the current office year` })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: `end: ${BOUND}; default the end of today` })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ example: '2026-Q4', description: 'an evaluation period instead of from/to (2026, 2026-H2, 2026-Q4, 2026-11): its office days, and each unit’s evaluation for it' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;
}

/**
 * 单位考评: the handling units' scorecards and the 信访局's evaluation results. The office, auditors and
 * leaders read every unit (leaders without case subjects); a unit account reads its own only (another
 * unit: 404). Evaluations are recorded by the secretariat (and admin).
 */
@ApiTags('unit-scorecard')
@ApiBearerAuth()
@Controller()
export class UnitScorecardController {
  constructor(
    private readonly scorecards: UnitScorecardService,
    private readonly evaluations: UnitEvaluationService,
    private readonly exports: ExportAudit,
  ) {}

  @Roles('admin', 'secretariat', 'auditor', 'leader', 'unit')
  @ApiOkResponse({ type: UnitScorecardsResponse })
  @Get('reports/units')
  list(@Query() query: ScorecardQueryDto, @CurrentActor() actor: Actor): Promise<UnitScorecardList> {
    return this.scorecards.list(query, actor);
  }

  @Roles('admin', 'secretariat', 'auditor', 'leader')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'every unit’s scorecard as CSV (UTF-8 with BOM, for Excel)', schema: { type: 'string' } })
  @Get('reports/units.csv')
  async csv(@Query() query: ScorecardQueryDto, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const list = await this.scorecards.list(query, actor);
    await this.exports.record(actor, 'report.export', { type: 'report', id: 'units' }, { from: list.window.from, to: list.window.to, period: list.period });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="unit-scorecard.csv"; filename*=UTF-8\'\'%E5%8D%95%E4%BD%8D%E8%80%83%E8%AF%84.csv');
    res.send(scorecardCsv(list.units));
  }

  @Roles('admin', 'secretariat', 'auditor', 'leader', 'unit')
  @ApiOkResponse({ type: UnitScorecardDetailResponse })
  @Get('reports/units/:unitId')
  one(@Param('unitId', UuidPipe) unitId: string, @Query() query: ScorecardQueryDto, @CurrentActor() actor: Actor): Promise<UnitScorecardDetail> {
    return this.scorecards.one(unitId, query, actor);
  }

  @Roles('admin', 'secretariat', 'auditor', 'leader', 'unit')
  @ApiOkResponse({ type: UnitEvaluationResponse, isArray: true })
  @Get('units/:unitId/evaluations')
  evaluationsOf(@Param('unitId', UuidPipe) unitId: string, @CurrentActor() actor: Actor): Promise<EvaluationView[]> {
    return this.evaluations.list(unitId, actor);
  }

  @Roles('admin', 'secretariat', 'auditor', 'leader', 'unit')
  @ApiOkResponse({ type: UnitEvaluationResponse })
  @Get('units/:unitId/evaluations/:period')
  evaluation(@Param('unitId', UuidPipe) unitId: string, @Param('period') period: string, @CurrentActor() actor: Actor): Promise<EvaluationView> {
    return this.evaluations.get(unitId, period, actor);
  }

  /** Records the unit's evaluation for the period, or replaces the one recorded (audited with what it replaced). */
  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: RecordedEvaluationResponse })
  @HttpCode(200)
  @Put('units/:unitId/evaluations/:period')
  record(
    @Param('unitId', UuidPipe) unitId: string,
    @Param('period') period: string,
    @Body() body: RecordEvaluationDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ evaluation: EvaluationView; replaced: boolean }> {
    return this.evaluations.record(unitId, period, body, actor);
  }
}
