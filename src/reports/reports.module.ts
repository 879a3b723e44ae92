import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { LedgerExportService } from './ledger-export.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [DirectoryModule, CasesModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, LedgerExportService],
})
export class ReportsModule {}
