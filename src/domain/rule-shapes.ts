/**
 * The shapes of rules that admins edit in forms (规则管理): a routing table row, a numeric threshold,
 * a rule of boolean flags; everything else is "other" (raw JSON). The shapes are recognised from the
 * rules themselves, never from a list of today's rule names, so a new category route or a new
 * threshold rule gets its form without code changes.
 *
 * Pure TypeScript on plain JSON (the server's diff and the web's forms share it). `shapesOf` never
 * throws; the `with*` editors return a new array in which only the edited rule is a new object.
 */

export type FactUnit = '人' | '次' | '件' | '个' | '日';
export type FactLocale = 'zh-CN' | 'en';

/** The facts a rule reads, in the words of the office (docs/rules.md), Chinese and English. */
export const FACT_LABELS: Readonly<Record<FactLocale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    channel: '信访渠道',
    category: '类别',
    region: '地区',
    headcount: '信访人数',
    subject: '标题',
    content: '信访内容',
    unitsInvolved: '涉及单位',
    unitsInvolvedCount: '涉及单位数',
    isGroup: '集体访',
    deputyReported: '代表反映',
    important: '重要事项',
    provincialReferral: '省人大转办',
    leaderInstructed: '常委会领导签批',
    repeatCount: '12 个月内此前信访件数',
    similarOpenCases: '30 日内同类别同地区在办件数',
    relatedDissatisfied: '关联前案信访人不满意',
    daysOpen: '收件以来天数',
    daysToDeadline: '距期限天数',
    grade: '当前定级',
    routeMode: '办理方式',
    routeCommittee: '跟踪委员会',
    routeHandledBy: '办理单位',
    routeUnits: '分流单位',
  },
  en: {
    channel: 'Channel',
    category: 'Category',
    region: 'Region',
    headcount: 'Petitioners',
    subject: 'Subject',
    content: 'Content',
    unitsInvolved: 'Units involved',
    unitsInvolvedCount: 'Number of units involved',
    isGroup: 'Group petition',
    deputyReported: 'Reported by a deputy',
    important: 'Important matter',
    provincialReferral: 'Referred by the provincial congress',
    leaderInstructed: 'Instructed by a standing-committee leader',
    repeatCount: 'Earlier petitions in 12 months',
    similarOpenCases: 'Similar open cases in 30 days',
    relatedDissatisfied: 'Earlier petitioner dissatisfied',
    daysOpen: 'Days since received',
    daysToDeadline: 'Days to the deadline',
    grade: 'Grade so far',
    routeMode: 'Handling mode',
    routeCommittee: 'Following committee',
    routeHandledBy: 'Handling unit',
    routeUnits: 'Routed units',
  },
};

/** The unit of a numeric fact, shown next to a threshold ("5 人"). `unitsInvolved` counts with `lengthGreaterThanInclusive`. */
export const FACT_UNITS: Readonly<Record<string, FactUnit>> = {
  headcount: '人',
  repeatCount: '次',
  similarOpenCases: '件',
  unitsInvolved: '个',
  unitsInvolvedCount: '个',
  daysOpen: '日',
  daysToDeadline: '日',
};

/** English words for a unit, e.g. "10 people". */
export const FACT_UNIT_WORDS_EN: Readonly<Record<FactUnit, string>> = { 人: 'people', 次: 'times', 件: 'cases', 个: 'units', 日: 'days' };

/** Case facts that hold true/false: the conditions of a flag rule. */
export const BOOLEAN_FACTS: readonly string[] = [
  'isGroup',
  'deputyReported',
  'important',
  'provincialReferral',
  'leaderInstructed',
  'relatedDissatisfied',
];

/** The operators of a threshold, with their symbol. */
export const THRESHOLD_OPERATORS: Readonly<Record<string, string>> = {
  greaterThanInclusive: '≥',
  greaterThan: '>',
  lessThanInclusive: '≤',
  lessThan: '<',
  lengthGreaterThanInclusive: '≥',
};

export type RuleOutcome =
  | { type: 'grade'; grade: string }
  | { type: 'flag'; flag: string }
  | { type: 'meeting'; meetingType: string }
  | { type: 'route'; committee?: string; handledBy?: string; mode?: string }
  | { type: string };

interface Base {
  /** Position of the rule in the set's `rules` array. */
  index: number;
  name: string;
  description: string;
  outcome: RuleOutcome;
}

/** `category equal X` → a full route event: one row of the routing table. */
export interface RouteShape extends Base {
  kind: 'route';
  category: string;
  committee: string;
  handledBy: string;
  mode: string;
}

/** Exactly one numeric comparison (≥, >, ≤, <, or "at least n distinct" for arrays). */
export interface ThresholdShape extends Base {
  kind: 'threshold';
  fact: string;
  operator: string;
  value: number;
  unit: FactUnit | null;
}

/** All conditions are boolean facts `equal true` (e.g. deputyReported and important). */
export interface FlagShape extends Base {
  kind: 'flag-rule';
  facts: string[];
}

export interface OtherShape extends Base {
  kind: 'other';
}

export type RuleShape = RouteShape | ThresholdShape | FlagShape | OtherShape;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'name', 'priority']);

/** A plain leaf `{fact, operator, value}` (no `path`, no fact reference as value). */
function plainLeaf(condition: unknown): { fact: string; operator: string; value: unknown } | null {
  if (!isObject(condition)) return null;
  if (Object.keys(condition).some((key) => !LEAF_KEYS.has(key))) return null;
  const { fact, operator, value } = condition;
  if (!isText(fact) || !isText(operator) || isObject(value)) return null;
  return { fact, operator, value };
}

/** The leaves of a root `all` (or a one-leaf `any`), or null when the conditions nest deeper. */
function rootLeaves(conditions: unknown): { key: 'all' | 'any'; leaves: { fact: string; operator: string; value: unknown }[] } | null {
  if (!isObject(conditions)) return null;
  const key = Array.isArray(conditions.all) ? 'all' : Array.isArray(conditions.any) ? 'any' : null;
  if (!key || ('all' in conditions && 'any' in conditions) || 'not' in conditions) return null;
  const list = conditions[key] as unknown[];
  if (list.length === 0) return null;
  if (key === 'any' && list.length > 1) return null;
  const leaves = list.map(plainLeaf);
  if (leaves.some((leaf) => leaf === null)) return null;
  return { key, leaves: leaves as { fact: string; operator: string; value: unknown }[] };
}

function outcomeOf(event: unknown): RuleOutcome {
  if (!isObject(event) || typeof event.type !== 'string') return { type: 'unknown' };
  const params = isObject(event.params) ? event.params : {};
  switch (event.type) {
    case 'grade':
      return { type: 'grade', grade: text(params.grade) };
    case 'flag':
      return { type: 'flag', flag: text(params.flag) };
    case 'meeting':
      return { type: 'meeting', meetingType: text(params.type) };
    case 'route': {
      const route: { type: 'route'; committee?: string; handledBy?: string; mode?: string } = { type: 'route' };
      if (typeof params.committee === 'string') route.committee = params.committee;
      if (typeof params.handledBy === 'string') route.handledBy = params.handledBy;
      if (typeof params.mode === 'string') route.mode = params.mode;
      return route;
    }
    default:
      return { type: event.type };
  }
}

function shapeOf(rule: unknown, index: number): RuleShape {
  const source = isObject(rule) ? rule : {};
  const base: Base = {
    index,
    name: typeof source.name === 'string' ? source.name : '',
    description: typeof source.description === 'string' ? source.description : '',
    outcome: outcomeOf(source.event),
  };
  const root = rootLeaves(source.conditions);
  if (!root) return { ...base, kind: 'other' };
  const { leaves } = root;

  const event = isObject(source.event) ? source.event : {};
  const params = isObject(event.params) ? event.params : {};
  const [first] = leaves;
  if (
    leaves.length === 1 &&
    first.fact === 'category' &&
    first.operator === 'equal' &&
    isText(first.value) &&
    event.type === 'route' &&
    isText(params.committee) &&
    isText(params.handledBy) &&
    isText(params.mode)
  ) {
    return { ...base, kind: 'route', category: first.value, committee: params.committee, handledBy: params.handledBy, mode: params.mode };
  }

  if (leaves.length === 1 && first.operator in THRESHOLD_OPERATORS && typeof first.value === 'number' && Number.isFinite(first.value)) {
    return { ...base, kind: 'threshold', fact: first.fact, operator: first.operator, value: first.value, unit: FACT_UNITS[first.fact] ?? null };
  }

  if (root.key === 'all' && leaves.every((leaf) => BOOLEAN_FACTS.includes(leaf.fact) && leaf.operator === 'equal' && leaf.value === true)) {
    return { ...base, kind: 'flag-rule', facts: leaves.map((leaf) => leaf.fact) };
  }

  return { ...base, kind: 'other' };
}

/** The shape of every rule, in the order of the set. Never throws: anything unexpected is 'other'. */
export function shapesOf(rules: readonly unknown[]): RuleShape[] {
  if (!Array.isArray(rules)) return [];
  return rules.map((rule, index) => {
    try {
      return shapeOf(rule, index);
    } catch {
      return { index, name: '', description: '', outcome: { type: 'unknown' }, kind: 'other' as const };
    }
  });
}

/** A deep copy of plain JSON (rules are JSON; structuredClone is not in every test runtime's globals). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function edit(rules: readonly unknown[], index: number, kind: RuleShape['kind'] | 'grade-outcome', change: (rule: JsonObject) => void): unknown[] {
  if (!Array.isArray(rules) || !Number.isInteger(index) || index < 0 || index >= rules.length) {
    throw new RangeError(`rule index ${index} is out of range`);
  }
  const shape = shapeOf(rules[index], index);
  const fits = kind === 'grade-outcome' ? shape.outcome.type === 'grade' : shape.kind === kind;
  if (!fits) throw new TypeError(`rule ${index} is not a ${kind} rule`);
  const next = copy(rules[index]) as JsonObject;
  change(next);
  return rules.map((rule: unknown, i) => (i === index ? next : rule));
}

/** The conditions' root list of a rule whose shape was checked (`all`, or a one-leaf `any`). */
const rootList = (rule: JsonObject): JsonObject[] => {
  const conditions = rule.conditions as JsonObject;
  return (Array.isArray(conditions.all) ? conditions.all : conditions.any) as JsonObject[];
};

/** The threshold rule `index` compares with `value`; every other rule is the same object as before. */
export function withThreshold(rules: readonly unknown[], index: number, value: number): unknown[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError('a threshold is a finite number');
  return edit(rules, index, 'threshold', (rule) => {
    rootList(rule)[0].value = value;
  });
}

/** The route rule `index` sends its category to another committee / unit / mode. */
export function withRoute(rules: readonly unknown[], index: number, route: { committee: string; handledBy: string; mode: string }): unknown[] {
  return edit(rules, index, 'route', (rule) => {
    const event = rule.event as JsonObject;
    event.params = { ...(event.params as JsonObject), committee: route.committee, handledBy: route.handledBy, mode: route.mode };
  });
}

/** The flag rule `index` requires all of `facts` (boolean facts `equal true`). */
export function withFlagFacts(rules: readonly unknown[], index: number, facts: string[]): unknown[] {
  if (!Array.isArray(facts) || facts.length === 0) throw new TypeError('a flag rule needs at least one fact');
  return edit(rules, index, 'flag-rule', (rule) => {
    const conditions = rule.conditions as JsonObject;
    conditions.all = facts.map((fact) => ({ fact, operator: 'equal', value: true }));
  });
}

/** The grade rule `index` (event `grade`) sets `grade` instead. */
export function withOutcomeGrade(rules: readonly unknown[], index: number, grade: string): unknown[] {
  return edit(rules, index, 'grade-outcome', (rule) => {
    const event = rule.event as JsonObject;
    event.params = { ...(isObject(event.params) ? event.params : {}), grade };
  });
}
