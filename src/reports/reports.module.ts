import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { DashboardService } from './dashboard.service.js';
import { ExportAudit } from './export-audit.js';
import { LedgerExportService } from './ledger-export.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { UnitEvaluation } from './unit-evaluation.entity.js';
import { UnitEvaluationRepository } from './unit-evaluation.repository.js';
import { UnitEvaluationService } from './unit-evaluation.service.js';
import { UnitScorecardAccess } from './unit-scorecard-access.js';
import { UnitScorecardController } from './unit-scorecard.controller.js';
import { UnitScorecardRepository } from './unit-scorecard.repository.js';
import { UnitScorecardService } from './unit-scorecard.service.js';

/**
 * The office's figures: asked of the modules that own the tables (CaseStatistics, MeetingReader, CaseReader);
 * 单位考评: the units' scorecards (read over the timeline) and the evaluation records it owns.
 */
@Module({
  imports: [DirectoryModule, CasesModule, MeetingsModule, TypeOrmModule.forFeature([UnitEvaluation])],
  controllers: [ReportsController, UnitScorecardController],
  providers: [
    ReportsService,
    DashboardService,
    LedgerExportService,
    ExportAudit,
    UnitScorecardAccess,
    UnitScorecardRepository,
    UnitScorecardService,
    UnitEvaluationRepository,
    UnitEvaluationService,
  ],
})
export class ReportsModule {}
