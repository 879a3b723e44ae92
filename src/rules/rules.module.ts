import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PetitionCase } from '../cases/case.entity.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { RuleSet } from './rule-set.entity.js';
import { RuleSetRepository } from './rule-set.repository.js';
import { RuleSetsService } from './rule-sets.service.js';
import { RulesController } from './rules.controller.js';
import { RulesService } from './rules.service.js';
import { SimulationRepository } from './simulation.repository.js';
import { SimulationService } from './simulation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RuleSet, PetitionCase]), DirectoryModule],
  controllers: [RulesController],
  providers: [RuleSetRepository, RulesService, RuleSetsService, SimulationService, SimulationRepository],
  exports: [RulesService, RuleSetsService],
})
export class RulesModule {}
