import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActiveRuleSetSource } from '../rules/active-rule-set-source.js';
import { RuleSet } from './rule-set.entity.js';
import { RuleSetRepository } from './rule-set.repository.js';
import { RuleSetTableSource } from './rule-set-table.source.js';

/**
 * The `rule_sets` table, and the engine's `ActiveRuleSetSource` over it. Global: the engine (a lower layer,
 * `RulesModule`) receives the source by its token without importing administration.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RuleSet])],
  providers: [RuleSetRepository, RuleSetTableSource, { provide: ActiveRuleSetSource, useExisting: RuleSetTableSource }],
  exports: [RuleSetRepository, ActiveRuleSetSource],
})
export class RuleSetStoreModule {}
