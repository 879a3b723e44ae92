import { Module } from '@nestjs/common';
import { RulesService } from './rules.service.js';

/**
 * The rules engine: runners and compiled sets of the rule sets in force, by facts alone. Which set is
 * active it asks an `ActiveRuleSetSource`, which rule-set administration provides application-wide
 * (`RuleSetStoreModule`, global).
 */
@Module({
  providers: [RulesService],
  exports: [RulesService],
})
export class RulesModule {}
