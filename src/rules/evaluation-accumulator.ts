/**
 * What both evaluation paths (json-rules-engine and the compiled rule set) share:
 * the prepared rule-set plan, the runtime facts, and how fired events fold into an Evaluation.
 * Folding is deterministic: events are applied in canonical order (priority desc, then the
 * rule's position in the set), whatever order the engine finished them in.
 */
import { GRADES, HANDLING_MODES, MEETING_TYPES, type Grade, type Route } from '../domain/case-vocabulary.js';
import type { CaseFacts, ConditionExplanation, DeadlinePolicyOverride, Evaluation, FiredRule } from './evaluation.types.js';
import { RuleEngineErrors } from './rules.errors.js';
import {
  RULE_EVENT_TYPES,
  RUNTIME_FACT_KINDS,
  type FactReference,
  type RuleDefinition,
  type RuleSetDefinition,
  type RuntimeFacts,
} from './rule-set.types.js';

/**
 * Generous: a case takes ~0.1 ms, but the budget is wall-clock time shared by concurrent evaluations
 * on a busy machine; it is there to stop a pathological rule, not to grade slow machines `needs-review`.
 */
export const DEFAULT_RULE_TIMEOUT_MS = 5000;

/** Where a case goes when no route rule fired; the case is then flagged `needs-review`. */
export const FALLBACK_ROUTE: Readonly<Route> = Object.freeze({ committee: 'OFFICE', handledBy: 'OFFICE', mode: 'internal' });

export const NEEDS_REVIEW = 'needs-review';
export const ROUTE_CONFLICT = 'route-conflict';
export const SPECIAL_MEETING_PROPOSED = 'special-meeting-proposed';

const DEADLINE_KEYS: readonly (keyof DeadlinePolicyOverride)[] = ['acceptDays', 'handleDays', 'supervisedReplyMonths', 'extensionMaxDays'];

export function initialRuntimeFacts(): RuntimeFacts {
  return {
    grade: 'normal',
    routeMode: FALLBACK_ROUTE.mode,
    routeCommittee: FALLBACK_ROUTE.committee,
    routeHandledBy: FALLBACK_ROUTE.handledBy,
    routeUnits: [FALLBACK_ROUTE.committee],
  };
}

/** Plain own-property lookup (`a.b.0`, optional leading `$.`); never jsonpath, never the prototype. */
export function propertyPathResolver(value: object, path: string): unknown {
  const segments = path.replace(/^\$\.?/, '').split('.').filter((segment) => segment.length > 0);
  let current: unknown = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * A deep copy of plain JSON. (Not structuredClone: under Jest's VM it returns objects of another
 * realm, which breaks strict deep-equality with objects the engine builds.)
 */
export const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const isFactReference = (value: unknown): value is FactReference =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'fact');

/** The run took longer than allowed. */
export class RuleTimeoutError extends Error {
  readonly code = 'RULE_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`evaluation exceeded ${timeoutMs} ms`);
    this.name = 'RuleTimeoutError';
  }
}

/** An event's parameters could not be resolved (e.g. invitees not a list of unit codes). */
export class RuleEventError extends Error {
  readonly code = 'RULE_EVENT_PARAMS';
  constructor(ruleName: string, reason: string) {
    super(`rule ${ruleName}: ${reason}`);
    this.name = 'RuleEventError';
  }
}

/** Same code and message as json-rules-engine's UndefinedFactError. */
export class UndefinedFactError extends Error {
  readonly code = 'UNDEFINED_FACT';
  constructor(factId: string) {
    super(`Undefined fact: ${factId}`);
    this.name = 'UndefinedFactError';
  }
}

const KNOWN_ERROR_CODES = new Set(['RULE_TIMEOUT', 'RULE_EVENT_PARAMS', 'UNDEFINED_FACT', 'RULE_OPERATOR_VALUE']);

/**
 * A short, data-free description of a failed run. Messages of errors we raise ourselves name
 * only rules, facts and operators; anything else is reduced to its error class name.
 */
export function describeRuleError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof Error && typeof code === 'string' && KNOWN_ERROR_CODES.has(code)) {
    return `${code}: ${error.message}`.slice(0, 200);
  }
  const name = error instanceof Error ? error.name : typeof error;
  return `RULE_ERROR: ${name}`.slice(0, 200);
}

/** The safe result when a rule set throws or times out: normal, fallback route, needs review. */
export function failureEvaluation(ruleSetVersion: number, error: unknown): Evaluation {
  return {
    ruleSetVersion,
    grade: 'normal',
    route: { ...FALLBACK_ROUTE },
    meetingType: null,
    flags: [NEEDS_REVIEW],
    deadlines: {},
    inviteDeputyProfessions: [],
    specialMeetingInvitees: [],
    firedRules: [],
    error: describeRuleError(error),
  };
}

/**
 * A rule set prepared once for evaluation. `from` checks only what evaluation relies on;
 * `validateRuleSet` is the full check admins see before publishing.
 */
export class RuleSetPlan {
  private constructor(
    readonly version: number,
    readonly rules: readonly RuleDefinition[],
    private readonly gradeRank: ReadonlyMap<Grade, number>,
    private readonly indexByName: ReadonlyMap<string, number>,
  ) {}

  static from(definition: RuleSetDefinition): RuleSetPlan {
    const def = cloneJson(definition);
    if (typeof def.version !== 'number' || !Number.isInteger(def.version)) throw RuleEngineErrors.invalid('version', { field: 'version' });
    if (!Array.isArray(def.precedence) || def.precedence.some((g) => !GRADES.includes(g)) || new Set(def.precedence).size !== def.precedence.length) {
      throw RuleEngineErrors.invalid('precedence', { field: 'precedence' });
    }
    if (!Array.isArray(def.rules)) throw RuleEngineErrors.invalid('rules', { field: 'rules' });
    const rank = new Map<Grade, number>(def.precedence.map((grade, index) => [grade, index]));
    const indexByName = new Map<string, number>();
    def.rules.forEach((rule, index) => {
      const reject = (reason: string): never => {
        throw RuleEngineErrors.invalid(reason, { rule: index, name: rule?.name });
      };
      if (rule === null || typeof rule !== 'object') reject('rule');
      if (typeof rule.name !== 'string' || rule.name.length === 0 || indexByName.has(rule.name)) reject('rule name');
      if (!Number.isInteger(rule.priority) || rule.priority < 1) reject('priority');
      const event = rule.event as { type?: unknown; params?: Record<string, unknown> } | undefined;
      if (!event || !RULE_EVENT_TYPES.includes(event.type as RuleDefinition['event']['type'])) reject('event type');
      const params = event?.params ?? {};
      if (event?.type === 'grade' && !rank.has(params.grade as Grade)) reject('grade');
      if (event?.type === 'route' && params.mode !== undefined && !HANDLING_MODES.includes(params.mode as Route['mode'])) reject('route mode');
      if (event?.type === 'meeting' && !MEETING_TYPES.includes(params.type as 'joint')) reject('meeting type');
      indexByName.set(rule.name, index);
    });
    return new RuleSetPlan(def.version, def.rules, rank, indexByName);
  }

  indexOf(ruleName: string): number | undefined {
    return this.indexByName.get(ruleName);
  }

  /** Lower is stronger; grades absent from the precedence never win. */
  rankOf(grade: Grade): number {
    return this.gradeRank.get(grade) ?? Number.MAX_SAFE_INTEGER;
  }
}

interface FiredRecord {
  index: number;
  rule: RuleDefinition;
  params: Record<string, unknown>;
  conditions: ConditionExplanation[];
}

/** Collects the events of one run and folds them into an Evaluation. Not shared between runs. */
export class EvaluationAccumulator {
  private readonly fired: FiredRecord[] = [];
  private runtime: RuntimeFacts = initialRuntimeFacts();

  constructor(
    private readonly plan: RuleSetPlan,
    private readonly facts: CaseFacts,
  ) {}

  get runtimeFacts(): Readonly<RuntimeFacts> {
    return this.runtime;
  }

  /** Records that rule `index` fired; returns true when runtime facts changed. */
  record(index: number, conditions: ConditionExplanation[]): boolean {
    const rule = this.plan.rules[index];
    const record: FiredRecord = { index, rule, params: this.resolveParams(rule), conditions };
    let at = this.fired.length;
    while (at > 0 && this.before(record, this.fired[at - 1])) at--;
    this.fired.splice(at, 0, record);
    if (rule.event.type !== 'grade' && rule.event.type !== 'route') return false;
    this.runtime = this.computeRuntime();
    return true;
  }

  toEvaluation(): Evaluation {
    const flags: string[] = [];
    const invitees: string[] = [];
    const professions: string[] = [];
    const deadlines: DeadlinePolicyOverride = {};
    let meetingType: Evaluation['meetingType'] = null;
    const primaryRoutes = new Set<string>();
    const addAll = (target: string[], items: readonly string[]): void => {
      for (const item of items) if (!target.includes(item)) target.push(item);
    };
    for (const { rule, params } of this.fired) {
      switch (rule.event.type) {
        case 'route':
          if (typeof params.committee === 'string' || typeof params.handledBy === 'string') {
            primaryRoutes.add(`${String(params.committee)}/${String(params.handledBy)}`);
          }
          break;
        case 'deadline':
          for (const key of DEADLINE_KEYS) if (typeof params[key] === 'number') deadlines[key] = params[key];
          break;
        case 'meeting':
          if (params.type === 'special') {
            addAll(flags, [SPECIAL_MEETING_PROPOSED]);
            addAll(invitees, (params.invitees as string[] | undefined) ?? []);
          } else {
            meetingType = params.type as Evaluation['meetingType'];
          }
          break;
        case 'invite-deputy':
          addAll(professions, [String(params.profession)]);
          break;
        case 'flag':
          addAll(flags, [String(params.flag)]);
          addAll(invitees, (params.invitees as string[] | undefined) ?? []);
          break;
        case 'grade':
          break;
      }
    }
    if (primaryRoutes.size > 1) addAll(flags, [ROUTE_CONFLICT, NEEDS_REVIEW]);
    if (primaryRoutes.size === 0) addAll(flags, [NEEDS_REVIEW]);
    const { grade, routeCommittee, routeHandledBy, routeMode } = this.runtime;
    return {
      ruleSetVersion: this.plan.version,
      grade,
      route: { committee: routeCommittee, handledBy: routeHandledBy, mode: routeMode },
      meetingType,
      flags,
      deadlines,
      inviteDeputyProfessions: professions,
      specialMeetingInvitees: invitees,
      firedRules: this.fired.map(
        ({ rule, params, conditions }): FiredRule => ({
          name: rule.name,
          ...(typeof rule.description === 'string' && rule.description ? { description: rule.description } : {}),
          eventType: rule.event.type,
          params,
          conditions,
        }),
      ),
      error: null,
    };
  }

  private before(a: FiredRecord, b: FiredRecord): boolean {
    return a.rule.priority > b.rule.priority || (a.rule.priority === b.rule.priority && a.index < b.index);
  }

  private computeRuntime(): RuntimeFacts {
    let grade: Grade = 'normal';
    let bestRank = Number.MAX_SAFE_INTEGER;
    const route: Route = { ...FALLBACK_ROUTE };
    for (const { rule, params } of this.fired) {
      if (rule.event.type === 'grade') {
        const candidate = params.grade as Grade;
        const rank = this.plan.rankOf(candidate);
        if (rank < bestRank) {
          bestRank = rank;
          grade = candidate;
        }
      } else if (rule.event.type === 'route') {
        if (typeof params.committee === 'string') route.committee = params.committee;
        if (typeof params.handledBy === 'string') route.handledBy = params.handledBy;
        if (typeof params.mode === 'string') route.mode = params.mode as Route['mode'];
      }
    }
    const routeUnits = route.committee === route.handledBy ? [route.committee] : [route.committee, route.handledBy];
    return { grade, routeMode: route.mode, routeCommittee: route.committee, routeHandledBy: route.handledBy, routeUnits };
  }

  /** Copies the event params, resolving an `invitees` fact reference against the facts known now. */
  private resolveParams(rule: RuleDefinition): Record<string, unknown> {
    const params: Record<string, unknown> = { ...(rule.event.params as Record<string, unknown> | undefined) };
    const invitees = params.invitees;
    if (invitees === undefined) return params;
    const resolved = isFactReference(invitees) ? this.lookup(invitees) : invitees;
    if (!Array.isArray(resolved) || !resolved.every((code) => typeof code === 'string')) {
      throw new RuleEventError(rule.name, 'invitees must be a list of unit codes');
    }
    params.invitees = [...resolved];
    return params;
  }

  private lookup(reference: FactReference): unknown {
    const source: Record<string, unknown> = Object.prototype.hasOwnProperty.call(RUNTIME_FACT_KINDS, reference.fact)
      ? (this.runtime as unknown as Record<string, unknown>)
      : (this.facts as unknown as Record<string, unknown>);
    if (!Object.prototype.hasOwnProperty.call(source, reference.fact)) throw new UndefinedFactError(reference.fact);
    const value = source[reference.fact];
    return reference.path && value !== null && typeof value === 'object' ? propertyPathResolver(value, reference.path) : value;
  }
}
