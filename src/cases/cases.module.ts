import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '../directory/directory.module.js';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { CaseActionsService } from './case-actions.service.js';
import { CaseChanges } from './case-changes.js';
import { CaseConversionRepository } from './case-conversion.repository.js';
import { CaseEventRepository } from './case-event.repository.js';
import { CaseReader } from './case-reader.js';
import { CaseStatistics } from './case-statistics.js';
import { CaseDailyFigures } from './case-daily-figures.js';
import { CaseDailyFigure } from './case-daily-figure.entity.js';
import { UrgingNotices } from './urging-notices.js';
import { CaseCounter } from './case-counter.entity.js';
import { CaseEvent } from './case-event.entity.js';
import { CaseConversion } from './case-conversion.entity.js';
import { ConversionsController } from './conversions.controller.js';
import { ConversionsService } from './conversions.service.js';
import { CaseFactsReader } from './case-facts-reader.js';
import { CaseSimulationRepository } from './case-simulation.repository.js';
import { CaseRegrading } from './regrade-port.js';
import { CaseFactsService } from './case-facts.service.js';
import { CaseNotice } from './case-notice.entity.js';
import { CaseNoticeRepository } from './case-notice.repository.js';
import { CaseQueriesService } from './case-queries.service.js';
import { CaseAccess } from './case-access.js';
import { PetitionCase } from './case.entity.js';
import { CaseRepository } from './case.repository.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { DeadlineSweepService } from './deadline-sweep.service.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { IntakeService } from './intake.service.js';
import { IntakeWriter } from './intake-writer.js';
import { PetitionerHistoryService } from './petitioner-history.service.js';
import { UnitReminderService } from './unit-reminder.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PetitionCase, CaseEvent, CaseCounter, IdempotencyKey, CaseNotice, CaseConversion, CaseDailyFigure]), DirectoryModule, RulesModule, AttachmentsModule],
  controllers: [CasesController, ConversionsController],
  providers: [
    CaseRepository,
    CaseEventRepository,
    CaseNoticeRepository,
    CaseConversionRepository,
    CaseChanges,
    CaseReader,
    CaseStatistics,
    CaseDailyFigures,
    UrgingNotices,
    CaseFactsService,
    ConversionsService,
    CaseSimulationRepository,
    CaseFactsReader,
    CaseRegrading,
    IntakeService,
    IntakeWriter,
    CaseActionsService,
    CaseAccess,
    CaseQueriesService,
    CasesService,
    PetitionerHistoryService,
    DeadlineSweepService,
    UnitReminderService,
  ],
  // Other modules read through CaseReader / CaseStatistics and change a case only through CaseChanges
  // (or the services built on it); the repositories stay private. The LeaderMeetingCases port is
  // provided by MeetingsModule (see leader-meeting-cases.port.ts).
  exports: [
    CaseAccess,
    CasesService,
    IntakeService,
    CaseActionsService,
    CaseChanges,
    CaseReader,
    CaseStatistics,
    CaseDailyFigures,
    UrgingNotices,
    DeadlineSweepService,
    CaseFactsReader,
    CaseRegrading,
  ],
})
export class CasesModule {}
