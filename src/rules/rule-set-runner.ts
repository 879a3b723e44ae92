/**
 * Evaluates cases against one rule-set version with json-rules-engine (the reference path).
 * One runner and one Engine per published version, built once, reused for every case;
 * per-case state lives in the run's own Almanac, never on the shared engine.
 */
import { Almanac, Engine, Fact, type RuleResult } from 'json-rules-engine';
import type { CaseFacts, ConditionExplanation, Evaluation } from './evaluation.types.js';
import {
  DEFAULT_RULE_TIMEOUT_MS,
  EvaluationAccumulator,
  RuleSetPlan,
  RuleTimeoutError,
  cloneJson,
  failureEvaluation,
  propertyPathResolver,
} from './evaluation-accumulator.js';
import { registerOperators, type RuleOperatorDefinition } from './operators.js';
import { RUNTIME_FACTS_SET_BY, type RuleSetDefinition, type RuntimeFacts } from './rule-set.types.js';
import { RuleEngineErrors } from './rules.errors.js';

export interface RuleSetRunnerOptions {
  /** Default per-case budget (DEFAULT_RULE_TIMEOUT_MS) unless given. */
  timeoutMs?: number;
  /** Operators beyond the built-in and custom ones (extensions, tests). */
  extraOperators?: readonly RuleOperatorDefinition[];
}

export interface EvaluateOptions {
  timeoutMs?: number;
}

interface RunContext {
  accumulator: EvaluationAccumulator;
  deadline: number;
  timeoutMs: number;
}

/**
 * json-rules-engine 7 keeps one `status` field per Engine: a run sets it to RUNNING at start and
 * FINISHED at the end, and skips the remaining rules of every *other* run still in flight once it
 * reads FINISHED. Overlapping runs (concurrent requests, or the tail of a run that threw or timed out)
 * then silently lose rules. We never call `engine.stop()`, so the status is pinned to RUNNING.
 */
function pinEngineRunning(engine: Engine): void {
  Object.defineProperty(engine, 'status', {
    configurable: true,
    enumerable: true,
    get: () => 'RUNNING',
    set: () => undefined,
  });
}

/** The evaluated leaf conditions of a rule result, in the order they are written. */
export function explainConditions(ruleResult: RuleResult): ConditionExplanation[] {
  const out: ConditionExplanation[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const condition = node as Record<string, unknown>;
    for (const key of ['all', 'any'] as const) {
      const children = condition[key];
      if (Array.isArray(children)) {
        children.forEach(walk);
        return;
      }
    }
    if (condition.not !== undefined) {
      walk(condition.not);
      return;
    }
    if (typeof condition.fact === 'string' && typeof condition.result === 'boolean') {
      out.push({
        fact: condition.fact,
        operator: String(condition.operator),
        value: condition.value,
        factResult: condition.factResult,
        result: condition.result,
      });
    }
  };
  walk(ruleResult.toJSON(false).conditions);
  return out;
}

/** Constant facts need no cache key; json-rules-engine would otherwise hash every fact of every run. */
const UNCACHED = { cache: false };

/**
 * Puts the case facts, then the runtime facts (which shadow same-named case facts), on the run's
 * almanac; `engine.run` then gets no facts of its own. (No `{ ...facts, ...runtime }`: V8 leaves
 * that second spread on a slow path costing more than a whole compiled evaluation.)
 */
function seedFacts(almanac: Almanac, facts: CaseFacts, runtime: Readonly<RuntimeFacts>): void {
  for (const key in facts) almanac.addFact(new Fact(key, (facts as unknown as Record<string, unknown>)[key], UNCACHED));
  for (const [key, value] of Object.entries(runtime)) almanac.addFact(new Fact(key, value, UNCACHED));
}

export class RuleSetRunner {
  private readonly runs = new WeakMap<Almanac, RunContext>();

  private constructor(
    private readonly plan: RuleSetPlan,
    private readonly engine: Engine,
    private readonly timeoutMs: number,
  ) {
    engine.on('success', (_event, almanac, ruleResult) => this.onRuleFired(almanac, ruleResult));
    engine.on('failure', (_event, almanac) => {
      this.checkDeadline(almanac);
    });
  }

  /** Builds the engine for one rule-set definition; throws RULESET_INVALID when it cannot run. */
  static fromDefinition(definition: RuleSetDefinition, options: RuleSetRunnerOptions = {}): RuleSetRunner {
    const plan = RuleSetPlan.from(definition);
    const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: propertyPathResolver });
    pinEngineRunning(engine);
    registerOperators(engine, options.extraOperators);
    plan.rules.forEach((rule, index) => {
      try {
        engine.addRule({
          name: rule.name,
          priority: rule.priority,
          conditions: cloneJson(rule.conditions),
          event: cloneJson(rule.event),
        });
      } catch (error) {
        throw RuleEngineErrors.unparsableConditions(index, rule.name, error instanceof Error ? error.message : String(error));
      }
    });
    const timeoutMs = options.timeoutMs ?? DEFAULT_RULE_TIMEOUT_MS;
    return new RuleSetRunner(plan, engine, timeoutMs);
  }

  get version(): number {
    return this.plan.version;
  }

  /**
   * Grades and routes one case. Never rejects: a throwing rule or a run over the time budget
   * yields grade normal, the fallback route, flag `needs-review` and a short `error`.
   */
  async evaluate(facts: CaseFacts, options: EvaluateOptions = {}): Promise<Evaluation> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const accumulator = new EvaluationAccumulator(this.plan, facts);
    const almanac = new Almanac({ allowUndefinedFacts: false, pathResolver: propertyPathResolver });
    const deadline = performance.now() + timeoutMs;
    this.runs.set(almanac, { accumulator, deadline, timeoutMs });
    let timer: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new RuleTimeoutError(timeoutMs)), timeoutMs);
        timer.unref();
      });
      seedFacts(almanac, facts, accumulator.runtimeFacts);
      await Promise.race([this.engine.run({}, { almanac }), timedOut]);
      if (performance.now() > deadline) throw new RuleTimeoutError(timeoutMs);
      return accumulator.toEvaluation();
    } catch (error) {
      return failureEvaluation(this.plan.version, error);
    } finally {
      clearTimeout(timer);
      this.runs.delete(almanac);
    }
  }

  private onRuleFired(almanac: Almanac, ruleResult: RuleResult): void {
    const run = this.checkDeadline(almanac);
    if (!run) return;
    const index = this.plan.indexOf(ruleResult.name);
    if (index === undefined) return;
    const changed = run.accumulator.record(index, explainConditions(ruleResult));
    if (!changed) return;
    const runtime = run.accumulator.runtimeFacts;
    for (const key of RUNTIME_FACTS_SET_BY[this.plan.rules[index].event.type]) {
      almanac.addFact(new Fact(key, runtime[key], UNCACHED));
    }
  }

  /** Stops a run between rules once its budget is spent (the throw rejects that run only). */
  private checkDeadline(almanac: Almanac): RunContext | undefined {
    const run = this.runs.get(almanac);
    if (run && performance.now() > run.deadline) throw new RuleTimeoutError(run.timeoutMs);
    return run;
  }
}
