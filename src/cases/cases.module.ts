import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '../directory/directory.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { CaseActionsService } from './case-actions.service.js';
import { CaseCounter } from './case-counter.entity.js';
import { CaseEvent } from './case-event.entity.js';
import { CaseConversion } from './case-conversion.entity.js';
import { ConversionsController } from './conversions.controller.js';
import { ConversionsService } from './conversions.service.js';
import { CaseEvaluationService } from './case-evaluation.service.js';
import { RegradeService } from './regrade.service.js';
import { RulesEvaluateController } from './rules-evaluate.controller.js';
import { CaseFactsService } from './case-facts.service.js';
import { CaseNotice } from './case-notice.entity.js';
import { CaseNoticeRepository } from './case-notice.repository.js';
import { CaseQueriesService } from './case-queries.service.js';
import { PetitionCase } from './case.entity.js';
import { CaseRepository } from './case.repository.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { DeadlineSweepService } from './deadline-sweep.service.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { IntakeService } from './intake.service.js';
import { IntakeWriter } from './intake-writer.js';
import { UnitReminderService } from './unit-reminder.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PetitionCase, CaseEvent, CaseCounter, IdempotencyKey, CaseNotice, CaseConversion]), DirectoryModule, RulesModule],
  controllers: [CasesController, RulesEvaluateController, ConversionsController],
  providers: [
    CaseRepository,
    CaseNoticeRepository,
    CaseFactsService,
    ConversionsService,
    CaseEvaluationService,
    RegradeService,
    IntakeService,
    IntakeWriter,
    CaseActionsService,
    CaseQueriesService,
    CasesService,
    DeadlineSweepService,
    UnitReminderService,
  ],
  exports: [CasesService, IntakeService, CaseActionsService, DeadlineSweepService, CaseRepository],
})
export class CasesModule {}
