import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../auth/actor.js';
import { type Actor } from '../domain/actor.js';
import { CATEGORIES, type Category } from '../domain/case-vocabulary.js';
import { ListCasesQuery, toLedgerFilter } from '../cases/dto/list-cases.query.js';
import { LedgerExportService } from './ledger-export.service.js';
import { HotspotsResponse, SummaryResponse } from './report.response.js';
import { type Hotspot, ReportsService, type Summary } from './reports.service.js';

class WindowQuery {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2027-01-01T00:00:00+08:00' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

class HotspotsQuery {
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(366) days?: number;
}

class ThematicQuery extends HotspotsQuery {
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsIn(CATEGORIES) category!: Category;
  @ApiPropertyOptional({ example: '茅箭区' }) @IsString() @MaxLength(50) region!: string;
}

@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin', 'secretariat', 'auditor')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly ledger: LedgerExportService,
  ) {}

  @ApiOkResponse({ type: SummaryResponse })
  @Get('summary')
  summary(@Query() query: WindowQuery): Promise<Summary> {
    return this.reports.summary(this.reports.window(query.from, query.to));
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
  thematic(@Query() query: ThematicQuery): Promise<string> {
    return this.reports.thematicReport(query.category, query.region, query.days ?? 30);
  }

  /** 台账: the ledger with the same filters as GET /cases, as CSV for Excel. */
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the ledger as CSV (UTF-8 with BOM, for Excel)', schema: { type: 'string' } })
  @Get('ledger.csv')
  async ledgerCsv(@Query() query: ListCasesQuery, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="ledger.csv"; filename*=UTF-8\'\'%E4%BF%A1%E8%AE%BF%E5%8F%B0%E8%B4%A6.csv');
    await this.ledger.stream(res, toLedgerFilter(query), actor);
  }
}
