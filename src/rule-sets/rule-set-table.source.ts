import { Injectable } from '@nestjs/common';
import { ActiveRuleSetSource, type StoredRuleSet } from '../rules/active-rule-set-source.js';
import { RuleSetRepository } from './rule-set.repository.js';

/** The engine's view of the `rule_sets` table: which version is active, and a set by version. */
@Injectable()
export class RuleSetTableSource extends ActiveRuleSetSource {
  constructor(private readonly sets: RuleSetRepository) {
    super();
  }

  async activeVersion(): Promise<number | null> {
    return (await this.sets.activePointer())?.version ?? null;
  }

  findByVersion(version: number): Promise<StoredRuleSet | null> {
    return this.sets.findByVersion(version);
  }
}
