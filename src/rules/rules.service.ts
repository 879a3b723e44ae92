import { Injectable } from '@nestjs/common';
import { ActiveRuleSetSource, type StoredRuleSet } from './active-rule-set-source.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import type { CaseFacts, Evaluation } from './evaluation.types.js';
import { CompiledRuleSet } from './compiled-rule-set.js';
import { RuleSetRunner } from './rule-set-runner.js';
import type { RuleSetDefinition } from './rule-set.types.js';

/** How long this instance trusts its idea of which set is active (publishes here are seen at once). */
const ACTIVE_POINTER_TTL_MS = 1000;

export const toDefinition = (set: RuleSetDefinition): RuleSetDefinition => ({
  version: set.version,
  note: set.note,
  precedence: set.precedence,
  rules: set.rules,
});

/**
 * The rules in force: one json-rules-engine runner per published version, built once and reused.
 * Which version is active comes from an `ActiveRuleSetSource` (rule-set administration owns the table).
 * Before any set is stored (first start), the shipped `config/rules/default.json` grades.
 */
@Injectable()
export class RulesService {
  private readonly runners = new Map<number, RuleSetRunner>();
  private readonly compiled = new Map<number, CompiledRuleSet>();
  private pointer: { version: number; at: number } | null = null;
  private shipped: RuleSetRunner | null = null;

  constructor(private readonly source: ActiveRuleSetSource) {}

  /** Never rejects for a rule problem: a failing rule yields grade normal with the `needs-review` flag. */
  async evaluate(facts: CaseFacts): Promise<Evaluation> {
    return (await this.activeRunner()).evaluate(facts);
  }

  async activeRunner(): Promise<RuleSetRunner> {
    const now = Date.now();
    if (!this.pointer || now - this.pointer.at > ACTIVE_POINTER_TTL_MS) {
      const version = await this.source.activeVersion();
      this.pointer = version === null ? null : { version, at: now };
    }
    if (!this.pointer) return (this.shipped ??= RuleSetRunner.fromDefinition(loadDefaultRuleSet()));
    const cached = this.runners.get(this.pointer.version);
    if (cached) return cached;
    const set = await this.source.findByVersion(this.pointer.version);
    if (!set) throw new Error(`active rule set version ${this.pointer.version} vanished`);
    return this.runnerFor(set);
  }

  /** A runner for any stored set (drafts are rebuilt on every call: they change). */
  runnerFor(set: StoredRuleSet): RuleSetRunner {
    if (set.status === 'draft') return RuleSetRunner.fromDefinition(toDefinition(set));
    let runner = this.runners.get(set.version);
    if (!runner) {
      runner = RuleSetRunner.fromDefinition(toDefinition(set));
      this.runners.set(set.version, runner);
    }
    return runner;
  }

  /** The compiled fast path of a set, for bulk simulation. */
  compiledFor(set: StoredRuleSet): CompiledRuleSet {
    if (set.status === 'draft') return CompiledRuleSet.compile(toDefinition(set));
    let compiled = this.compiled.get(set.version);
    if (!compiled) {
      compiled = CompiledRuleSet.compile(toDefinition(set));
      this.compiled.set(set.version, compiled);
    }
    return compiled;
  }

  /** Called after a publish or rollback in this instance, so the next case sees it at once. */
  forgetActive(): void {
    this.pointer = null;
  }
}
