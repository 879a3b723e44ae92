/**
 * The same rule-set JSON compiled to plain closures, for bulk runs (simulation over 10^6 cases).
 * It mirrors json-rules-engine 7's evaluation order: rules by descending priority, all rules of a
 * priority see the facts as they were when that priority started; inside all/any, conditions are
 * grouped by condition priority, every condition of a group is evaluated, later groups only if the
 * result is still open. json-rules-engine (RuleSetRunner) stays the reference; a differential test
 * keeps the two equal.
 */
import type { CaseFacts, ConditionExplanation, Evaluation } from './evaluation.types.js';
import {
  EvaluationAccumulator,
  RuleSetPlan,
  UndefinedFactError,
  failureEvaluation,
  isFactReference,
  propertyPathResolver,
} from './evaluation-accumulator.js';
import { applyOperator, operatorTable, type RuleOperatorDefinition } from './operators.js';
import { RuleEngineErrors } from './rules.errors.js';
import { RUNTIME_FACT_KINDS, type RuleCondition, type RuleSetDefinition, type RuntimeFacts } from './rule-set.types.js';

/** What conditions read: the caller's case facts (never copied) and the runtime facts as of this priority. */
interface FactContext {
  facts: Record<string, unknown>;
  runtime: Readonly<RuntimeFacts>;
}
/** Evaluated leaf explanations by their position in the written condition tree. */
type Slots = (ConditionExplanation | undefined)[] | null;
type CompiledCondition = (context: FactContext, slots: Slots) => boolean;
type FactReader = (context: FactContext) => unknown;

interface CompiledRule {
  index: number;
  slotCount: number;
  test: CompiledCondition;
}

export interface CompiledRuleSetOptions {
  extraOperators?: readonly RuleOperatorDefinition[];
}

export interface CompiledEvaluateOptions {
  /** Build the per-condition explanation of fired rules (default true; bulk runs may turn it off). */
  explain?: boolean;
}

const has = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

const atPath = (value: unknown, path: string | undefined): unknown =>
  path && value !== null && typeof value === 'object' ? propertyPathResolver(value, path) : value;

/** Reads a fact like the engine's almanac: runtime facts shadow case facts; a missing fact throws. */
function factReader(factId: string, path: string | undefined): FactReader {
  if (has(RUNTIME_FACT_KINDS, factId)) {
    const key = factId as keyof RuntimeFacts;
    return (context) => atPath(context.runtime[key], path);
  }
  return (context) => {
    if (!has(context.facts, factId)) throw new UndefinedFactError(factId);
    return atPath(context.facts[factId], path);
  };
}

/** json-rules-engine's priority of a condition: the integer given, else 1. */
const conditionPriority = (condition: RuleCondition): number => Number.parseInt(String(condition.priority), 10) || 1;

/** Same order as json-rules-engine's Condition.booleanOperator. */
const booleanKey = (condition: RuleCondition): 'any' | 'all' | 'not' | undefined =>
  has(condition, 'any') ? 'any' : has(condition, 'all') ? 'all' : has(condition, 'not') ? 'not' : undefined;

class ConditionCompiler {
  slotCount = 0;

  constructor(
    private readonly operators: ReadonlyMap<string, RuleOperatorDefinition>,
    private readonly ruleName: string,
  ) {}

  compile(condition: RuleCondition): CompiledCondition {
    const key = booleanKey(condition);
    if (key === 'not') {
      const inner = this.compile((condition as { not: RuleCondition }).not);
      return (context, slots) => !inner(context, slots);
    }
    if (key === 'all' || key === 'any') {
      const children = (condition as Record<typeof key, RuleCondition[]>)[key];
      if (!Array.isArray(children)) throw this.invalid(`"${key}" must be an array`);
      return this.compileGroup(children, key);
    }
    return this.compileLeaf(condition as Extract<RuleCondition, { fact: string }>);
  }

  private compileGroup(children: RuleCondition[], key: 'all' | 'any'): CompiledCondition {
    if (children.length === 0) return () => true;
    const compiled = children.map((child) => this.compile(child));
    if (compiled.length === 1) return compiled[0];
    const byPriority = new Map<number, CompiledCondition[]>();
    children.forEach((child, i) => {
      const priority = conditionPriority(child);
      byPriority.set(priority, [...(byPriority.get(priority) ?? []), compiled[i]]);
    });
    const sets = [...byPriority.entries()].sort((a, b) => b[0] - a[0]).map(([, set]) => set);
    const isAll = key === 'all';
    return (context, slots) => {
      let result = isAll;
      for (const set of sets) {
        if (isAll ? !result : result) break;
        let every = true;
        let some = false;
        for (const test of set) {
          if (test(context, slots)) some = true;
          else every = false;
        }
        result = isAll ? every : some;
      }
      return result;
    };
  }

  private compileLeaf(leaf: Extract<RuleCondition, { fact: string }>): CompiledCondition {
    const operator = this.operators.get(leaf.operator);
    if (!operator) throw this.invalid(`unknown operator ${String(leaf.operator)}`);
    const { fact, path, value } = leaf;
    const readRight = isFactReference(value) ? factReader(value.fact, value.path) : null;
    const readLeft = factReader(fact, path);
    const slot = this.slotCount++;
    return (context, slots) => {
      const right = readRight ? readRight(context) : value;
      const left = readLeft(context);
      const outcome: unknown = applyOperator(operator, left, right);
      if (slots && typeof outcome === 'boolean') {
        slots[slot] = { fact, operator: leaf.operator, value, factResult: left, result: outcome };
      }
      return outcome === true;
    };
  }

  private invalid(reason: string): Error {
    return RuleEngineErrors.uncompilable(this.ruleName, reason);
  }
}

export class CompiledRuleSet {
  private constructor(
    private readonly plan: RuleSetPlan,
    /** Rules grouped by descending priority; inside a group, in rule-set order. */
    private readonly groups: readonly (readonly CompiledRule[])[],
  ) {}

  static compile(definition: RuleSetDefinition, options: CompiledRuleSetOptions = {}): CompiledRuleSet {
    const plan = RuleSetPlan.from(definition);
    const operators = operatorTable(options.extraOperators);
    const compiled = plan.rules.map((rule, index): CompiledRule => {
      const compiler = new ConditionCompiler(operators, rule.name);
      if (rule.conditions === null || typeof rule.conditions !== 'object' || booleanKey(rule.conditions) === undefined) {
        throw RuleEngineErrors.missingConditions(rule.name);
      }
      const test = compiler.compile(rule.conditions);
      return { index, slotCount: compiler.slotCount, test };
    });
    const priorities = [...new Set(plan.rules.map((rule) => rule.priority))].sort((a, b) => b - a);
    const groups = priorities.map((priority) => compiled.filter((rule) => plan.rules[rule.index].priority === priority));
    return new CompiledRuleSet(plan, groups);
  }

  get version(): number {
    return this.plan.version;
  }

  /** Same result as RuleSetRunner.evaluate (no time budget: this path is synchronous). */
  evaluate(facts: CaseFacts, options: CompiledEvaluateOptions = {}): Evaluation {
    const explain = options.explain ?? true;
    try {
      const accumulator = new EvaluationAccumulator(this.plan, facts);
      const context: FactContext = { facts: facts as unknown as Record<string, unknown>, runtime: accumulator.runtimeFacts };
      for (const group of this.groups) {
        const fired: { index: number; slots: Slots }[] = [];
        for (const rule of group) {
          const slots: Slots = explain ? new Array<ConditionExplanation | undefined>(rule.slotCount) : null;
          if (rule.test(context, slots)) fired.push({ index: rule.index, slots });
        }
        let changed = false;
        for (const { index, slots } of fired) {
          const conditions = slots ? slots.filter((s): s is ConditionExplanation => s !== undefined) : [];
          changed = accumulator.record(index, conditions) || changed;
        }
        if (changed) context.runtime = accumulator.runtimeFacts;
      }
      return accumulator.toEvaluation();
    } catch (error) {
      return failureEvaluation(this.plan.version, error);
    }
  }
}
