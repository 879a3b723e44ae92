import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActiveRuleSetSource } from '../rules/active-rule-set-source.js';
import { RuleSetActivation } from './rule-set-activation.entity.js';
import { RuleSetActivationRepository } from './rule-set-activation.repository.js';
import { RuleSet } from './rule-set.entity.js';
import { RuleSetRepository } from './rule-set.repository.js';
import { RuleSetTableSource } from './rule-set-table.source.js';

/**
 * The `rule_sets` table (with its activation history, `rule_set_activations`), and the engine's `ActiveRuleSetSource` over it. Global: the engine (a lower layer,
 * `RulesModule`) receives the source by its token without importing administration.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RuleSet, RuleSetActivation])],
  providers: [RuleSetRepository, RuleSetActivationRepository, RuleSetTableSource, { provide: ActiveRuleSetSource, useExisting: RuleSetTableSource }],
  exports: [RuleSetRepository, RuleSetActivationRepository, ActiveRuleSetSource],
})
export class RuleSetStoreModule {}
