import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { RegradeService } from './regrade.service.js';
import { RuleEvaluationService } from './rule-evaluation.service.js';
import { RuleSetStoreModule } from './rule-set-store.module.js';
import { RuleSetsService } from './rule-sets.service.js';
import { RulesEvaluateController } from './rules-evaluate.controller.js';
import { RulesController } from './rules.controller.js';
import { SimulationService } from './simulation.service.js';

/**
 * Rule-set administration (`/rules/*`): versions, validation, simulation over the stored cases, publish and
 * rollback, the re-grade job, and dry runs. It sits above `cases` and reaches them through the ports
 * `CasesModule` exports (`CaseFactsReader`, `CaseRegrading`, `IntakeService`).
 */
@Module({
  imports: [RuleSetStoreModule, RulesModule, CasesModule, DirectoryModule],
  controllers: [RulesController, RulesEvaluateController],
  providers: [RuleSetsService, SimulationService, RegradeService, RuleEvaluationService],
  exports: [RuleSetsService],
})
export class RuleSetsModule {}
