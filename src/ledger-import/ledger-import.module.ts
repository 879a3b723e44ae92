import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { LedgerImportController } from './ledger-import.controller.js';
import { LedgerImport, LedgerImportChunk, LedgerImportCounter, LedgerImportRow } from './ledger-import.entity.js';
import { LedgerImportRepository } from './ledger-import.repository.js';
import { LedgerImportService } from './ledger-import.service.js';

/** 台账导入 (issue 15 §5): an office's past cases from .xlsx/.csv, through the one owner of case changes. */
@Module({
  imports: [TypeOrmModule.forFeature([LedgerImport, LedgerImportChunk, LedgerImportRow, LedgerImportCounter]), CasesModule, DirectoryModule],
  controllers: [LedgerImportController],
  providers: [LedgerImportService, LedgerImportRepository],
})
export class LedgerImportModule {}
