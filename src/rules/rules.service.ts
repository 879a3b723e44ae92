import { Injectable } from '@nestjs/common';
import { loadDefaultRuleSet } from './default-rule-set.js';
import type { CaseFacts, Evaluation } from './evaluation.types.js';
import { RuleSetRunner } from './rule-set-runner.js';
import type { RuleSetDefinition } from './rule-set.types.js';

/**
 * The grading and routing rules in force. For now the shipped set from `config/rules/`;
 * stored, versioned rule sets plug in here (one runner per published version).
 */
@Injectable()
export class RulesService {
  private readonly definition: RuleSetDefinition = loadDefaultRuleSet();
  private readonly runner: RuleSetRunner = RuleSetRunner.fromDefinition(this.definition);

  activeDefinition(): RuleSetDefinition {
    return this.definition;
  }

  /** Never rejects: a failing rule yields grade normal with the `needs-review` flag (see RuleSetRunner). */
  evaluate(facts: CaseFacts): Promise<Evaluation> {
    return this.runner.evaluate(facts);
  }
}
