import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CaseFilesModule } from './case-files/case-files.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuditTrailModule } from './audit-trail/audit-trail.module.js';
import type { Clock } from './domain/clock.js';
import { CoreModule } from './core.module.js';
import { PiiModule } from './common/pii/pii.module.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { DirectoryModule } from './directory/directory.module.js';
import { HealthModule } from './health/health.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LedgerImportModule } from './ledger-import/ledger-import.module.js';
import { LettersModule } from './letters/letters.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { ReceptionModule } from './meetings/reception/reception.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RuleSetsModule } from './rule-sets/rule-sets.module.js';
import { SeedService } from './seed/seed.service.js';
import { SettingsModule } from './settings/settings.module.js';
import { UnitLinksModule } from './unit-links/unit-links.module.js';
import { UnitNoticesModule } from './unit-notices/unit-notices.module.js';

/** The whole service, built from one validated configuration (and, in tests, a movable clock). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        PiiModule,
        TypeOrmModule.forRoot(buildDataSourceOptions(config.database, config.runMigrations)),
        JobsModule.forRoot(config),
        AuditModule,
        AuthModule,
        SettingsModule,
        DirectoryModule,
        AttachmentsModule,
        CasesModule,
        CaseFilesModule,
        RuleSetsModule,
        MeetingsModule,
        ReceptionModule,
        CalendarModule,
        LettersModule,
        UnitNoticesModule,
        ReportsModule,
        UnitLinksModule,
        LedgerImportModule,
        HealthModule,
        AuditTrailModule,
      ],
      providers: [SeedService],
    };
  }
}
