import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/actor.js';
import { type Actor } from '../domain/actor.js';
import { CATEGORIES, type Category } from '../domain/case-vocabulary.js';
import { ListCasesQuery, toLedgerFilter } from '../cases/dto/list-cases.query.js';
import { LedgerExportService } from './ledger-export.service.js';
import { type Dashboard, DashboardService } from './dashboard.service.js';
import { ExportAudit } from './export-audit.js';
import { DashboardResponse, HotspotsResponse, SummaryResponse } from './report.response.js';
import { type Hotspot, ReportsService, type Summary } from './reports.service.js';

const WINDOW_BOUND = 'an office day `2026-11-29` (included; the whole day in the office time zone) or an ISO-8601 date-time (the instant)';

class WindowQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: `start: ${WINDOW_BOUND}; default the start of the current office year` })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: `end: ${WINDOW_BOUND}, exclusive when a date-time; default the end of today` })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** The ledger's filters plus the report window on the received time (the dashboard's export). */
class LedgerCsvQuery extends ListCasesQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: `received from: ${WINDOW_BOUND}` }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: `received until: ${WINDOW_BOUND}` }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

class HotspotsQuery {
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(366) days?: number;
}

/** Without category and region the report covers the whole office; with one or both, that cluster. */
class ThematicQuery extends HotspotsQuery {
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: Category;
  @ApiPropertyOptional({ example: '茅箭区' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50) region?: string;
}

@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin', 'secretariat', 'auditor')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly dashboards: DashboardService,
    private readonly ledger: LedgerExportService,
    private readonly exports: ExportAudit,
  ) {}

  @ApiOkResponse({ type: SummaryResponse })
  @Get('summary')
  summary(@Query() query: WindowQuery): Promise<Summary> {
    return this.reports.summary(this.reports.window(query.from, query.to));
  }

  /** 统计分析: the annual figures, breakdowns, monthly trend, category × region heat map and leaders' load. */
  @ApiOkResponse({ type: DashboardResponse })
  @Get('dashboard')
  dashboard(@Query() query: WindowQuery): Promise<Dashboard> {
    return this.dashboards.dashboard(this.reports.window(query.from, query.to));
  }

  @ApiOkResponse({ type: HotspotsResponse })
  @Get('hotspots')
  hotspots(@Query() query: HotspotsQuery): Promise<{ days: number; current: { from: string; to: string }; hotspots: Hotspot[] }> {
    return this.reports.hotspots(query.days ?? 30);
  }

  @ApiProduces('text/markdown')
  @ApiOkResponse({ description: 'a Markdown draft of the thematic report (personal data masked)', schema: { type: 'string' } })
  @Header('Content-Type', 'text/markdown; charset=utf-8')
  @Get('hotspots/report.md')
  async thematic(@Query() query: ThematicQuery, @CurrentActor() actor: Actor): Promise<string> {
    const days = query.days ?? 30;
    const report = await this.reports.thematicReport(days, query.category, query.region);
    await this.exports.record(actor, 'report.export', { type: 'report', id: 'hotspots' }, { days, category: query.category ?? null, region: query.region ?? null });
    return report;
  }

  /** 台账: the ledger with the same filters as GET /cases, as CSV for Excel. */
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the ledger as CSV (UTF-8 with BOM, for Excel)', schema: { type: 'string' } })
  @Get('ledger.csv')
  async ledgerCsv(@Query() query: LedgerCsvQuery, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const received = this.reports.receivedBounds(query.from, query.to);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="ledger.csv"; filename*=UTF-8\'\'%E4%BF%A1%E8%AE%BF%E5%8F%B0%E8%B4%A6.csv');
    await this.ledger.stream(res, { ...toLedgerFilter(query), ...received }, actor);
  }
}
