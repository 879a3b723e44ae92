/**
 * The shape of a rule set as admins write it (config/rules/*.json, the rules API).
 * A rule set is plain JSON: json-rules-engine rules plus the grade precedence.
 * See docs/rules.md for the event vocabulary and the runtime facts.
 */
import type { Grade, HandlingMode, MeetingType } from '../domain/case-vocabulary.js';
import type { CaseFacts, DeadlinePolicyOverride } from './evaluation.types.js';

/** A reference to a fact's value, resolved when the rule fires (`{ "fact": "routeUnits" }`). */
export interface FactReference {
  fact: string;
  path?: string;
}

/** `fact <operator> value`, e.g. `{ "fact": "headcount", "operator": "greaterThanInclusive", "value": 5 }`. */
export interface LeafCondition {
  fact: string;
  operator: string;
  /** A literal, or a FactReference to compare two facts. */
  value: unknown;
  /** Plain property path into an object fact (`a.b.0`); no jsonpath. */
  path?: string;
  priority?: number;
  name?: string;
}

export interface AllCondition {
  all: RuleCondition[];
  priority?: number;
  name?: string;
}

export interface AnyCondition {
  any: RuleCondition[];
  priority?: number;
  name?: string;
}

export interface NotCondition {
  not: RuleCondition;
  priority?: number;
  name?: string;
}

export type BooleanCondition = AllCondition | AnyCondition | NotCondition;
export type RuleCondition = LeafCondition | BooleanCondition;

/** Invitees are unit codes, or a reference to a fact holding unit codes (e.g. `routeUnits`). */
export type InviteesParam = string[] | FactReference;

export interface GradeEvent {
  type: 'grade';
  params: { grade: Grade };
}

/**
 * A full route names committee, handledBy and mode; a partial route (e.g. `{ "mode": "supervised" }`)
 * amends the route chosen by earlier rules.
 */
export interface RouteEvent {
  type: 'route';
  params: { committee?: string; handledBy?: string; mode?: HandlingMode };
}

export interface DeadlineEvent {
  type: 'deadline';
  params: DeadlinePolicyOverride;
}

/** `supervision` / `joint` set the case's meetingType; `special` proposes a special meeting. */
export interface MeetingEvent {
  type: 'meeting';
  params: { type: MeetingType; invitees?: InviteesParam };
}

export interface InviteDeputyEvent {
  type: 'invite-deputy';
  params: { profession: string };
}

export interface FlagEvent {
  type: 'flag';
  params: { flag: string; invitees?: InviteesParam };
}

export type RuleEvent = GradeEvent | RouteEvent | DeadlineEvent | MeetingEvent | InviteDeputyEvent | FlagEvent;
export type RuleEventType = RuleEvent['type'];

export const RULE_EVENT_TYPES: readonly RuleEventType[] = ['grade', 'route', 'deadline', 'meeting', 'invite-deputy', 'flag'];

export interface RuleDefinition {
  /** Unique within the set; shown to secretaries in the explanation. */
  name: string;
  /** Integer ≥ 1; higher runs first. Rules reading runtime facts must run after the rules that set them. */
  priority: number;
  /** What the rule means, in Chinese, for admins. */
  description?: string;
  conditions: BooleanCondition;
  event: RuleEvent;
}

export interface RuleSetDefinition {
  version: number;
  note: string;
  /** Grades from strongest to weakest; the final grade is the strongest fired grade event (normal if none). */
  precedence: Grade[];
  rules: RuleDefinition[];
}

/** The kind of value a fact holds, used by the validator to check operators and values. */
export type FactKind = 'string' | 'number' | 'nullable-number' | 'boolean' | 'string[]' | 'category' | 'channel' | 'grade' | 'mode';

/** Facts a rule can read from the case (kept in step with CaseFacts by the compiler). */
export const CASE_FACT_KINDS = {
  channel: 'channel',
  category: 'category',
  region: 'string',
  headcount: 'number',
  subject: 'string',
  content: 'string',
  unitsInvolved: 'string[]',
  unitsInvolvedCount: 'number',
  isGroup: 'boolean',
  deputyReported: 'boolean',
  important: 'boolean',
  provincialReferral: 'boolean',
  leaderInstructed: 'boolean',
  repeatCount: 'number',
  similarOpenCases: 'number',
  relatedDissatisfied: 'boolean',
  daysOpen: 'number',
  daysToDeadline: 'nullable-number',
} as const satisfies Record<keyof CaseFacts, FactKind>;

/**
 * Facts set while the rule set runs, from the events fired so far (see docs/rules.md):
 * `grade` is the strongest grade so far, the `route*` facts describe the route so far
 * (the fallback OFFICE/OFFICE/internal until a route rule fires).
 */
export interface RuntimeFacts {
  grade: Grade;
  routeMode: HandlingMode;
  routeCommittee: string;
  routeHandledBy: string;
  /** The distinct unit codes of the route: [committee, handledBy]. */
  routeUnits: string[];
}

export const RUNTIME_FACT_KINDS = {
  grade: 'grade',
  routeMode: 'mode',
  routeCommittee: 'string',
  routeHandledBy: 'string',
  routeUnits: 'string[]',
} as const satisfies Record<keyof RuntimeFacts, FactKind>;

/** Which runtime facts an event type changes. */
export const RUNTIME_FACTS_SET_BY: Readonly<Record<RuleEventType, readonly (keyof RuntimeFacts)[]>> = {
  grade: ['grade'],
  route: ['routeMode', 'routeCommittee', 'routeHandledBy', 'routeUnits'],
  deadline: [],
  meeting: [],
  'invite-deputy': [],
  flag: [],
};

export type AllFacts = CaseFacts & RuntimeFacts;
