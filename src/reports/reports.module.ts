import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { DashboardService } from './dashboard.service.js';
import { ExportAudit } from './export-audit.js';
import { LedgerExportService } from './ledger-export.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** The office's figures: asked of the modules that own the tables (CaseStatistics, MeetingReader, CaseReader). */
@Module({
  imports: [DirectoryModule, CasesModule, MeetingsModule],
  controllers: [ReportsController],
  providers: [ReportsService, DashboardService, LedgerExportService, ExportAudit],
})
export class ReportsModule {}
