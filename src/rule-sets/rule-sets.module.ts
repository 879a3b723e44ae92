import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { RegradeService } from './regrade.service.js';
import { RuleEvaluationService } from './rule-evaluation.service.js';
import { RuleSetStoreModule } from './rule-set-store.module.js';
import { RuleSetsService } from './rule-sets.service.js';
import { RulesEvaluateController } from './rules-evaluate.controller.js';
import { RulesController } from './rules.controller.js';
import { RuleSimulation, RuleSimulationCase } from './rule-simulation.entity.js';
import { SimulationRunRepository } from './simulation-run.repository.js';
import { SimulationRunsService } from './simulation-runs.service.js';
import { SimulationService } from './simulation.service.js';
import { SimulationsController } from './simulations.controller.js';

/**
 * Rule-set administration (`/rules/*`): versions, validation, simulation over the stored cases, publish and
 * rollback, the re-grade job, and dry runs. It sits above `cases` and reaches them through the ports
 * `CasesModule` exports (`CaseFactsReader`, `CaseRegrading`, `IntakeService`).
 */
@Module({
  imports: [RuleSetStoreModule, RulesModule, CasesModule, DirectoryModule, TypeOrmModule.forFeature([RuleSimulation, RuleSimulationCase])],
  controllers: [RulesController, RulesEvaluateController, SimulationsController],
  providers: [RuleSetsService, SimulationService, RegradeService, RuleEvaluationService, SimulationRunRepository, SimulationRunsService],
  exports: [RuleSetsService],
})
export class RuleSetsModule {}
