/**
 * "Why this grade" in words: the stored evaluation of a case (rule-set version, the rules that fired and
 * each condition's result) as Chinese sentences for the secretariat, e.g. "信访人数 12 ≥ 5：成立".
 * Computed when a case is read, never stored, so the evaluations of old cases (without a rule's
 * `description`, or with missing parts) are explained as well as new ones.
 */
import { ZH, label } from '../domain/labels.js';
import { FACT_LABELS } from '../domain/rule-shapes.js';
import type { ConditionExplanation, Evaluation, FiredRule } from './evaluation.types.js';

export interface ConditionResultExplanation {
  fact: string;
  /** The fact's name in Chinese. */
  factLabel: string;
  operator: string;
  /** What the rule compares with, as written in the rule. */
  value: unknown;
  /** The case's value of the fact when the rule ran; null for free text (subject, content), which is never repeated here. */
  factValue: unknown;
  result: boolean;
  /** e.g. `信访人数 12 ≥ 5：成立` */
  text: string;
}

export interface RuleExplanation {
  rule: string;
  description: string | null;
  eventType: string;
  /** Only the rules that fired are recorded on a case: always true today. */
  fired: boolean;
  /** What the rule did, e.g. `定级为提级办理`. */
  outcome: string;
  conditions: ConditionResultExplanation[];
  /** e.g. `规则“escalate-group-petition”（集体访（5 人及以上）提级办理）成立：定级为提级办理。` */
  text: string;
}

export interface EvaluationExplanation {
  ruleSetVersion: number;
  /** One sentence: version, grade, route, and how many rules fired (or the error). */
  summary: string;
  rules: RuleExplanation[];
}

/** The facts a rule reads, in the words of the office: the one table of src/domain/rule-shapes.ts. */
export const FACT_LABELS_ZH: Readonly<Record<string, string>> = FACT_LABELS['zh-CN'];

const OPERATOR_WORDS_ZH: Readonly<Record<string, string>> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '属于',
  notIn: '不属于',
  inList: '属于',
  notInList: '不属于',
  contains: '包含',
  doesNotContain: '不包含',
  containsAny: '含有以下关键词之一：',
  lengthGreaterThanInclusive: '的数量 ≥',
};

const NUMERIC_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** Free text typed at intake: its value is never repeated in an explanation. */
const TEXT_FACTS = new Set(['subject', 'content']);

export const FLAG_LABELS_ZH: Readonly<Record<string, string>> = {
  'group-petition': '集体访',
  'repeat-petition': '重复信访',
  'early-warning': '聚集预警',
  'needs-review': '待人工复核',
  'route-conflict': '分流规则冲突',
  'special-meeting-proposed': '提议召开专题会议',
};

const DEADLINE_WORDS_ZH: Readonly<Record<string, string>> = {
  acceptDays: '受理期限 {n} 日',
  handleDays: '办理期限 {n} 日',
  supervisedReplyMonths: '督办件答复期限 {n} 个月',
  extensionMaxDays: '延期最长 {n} 日',
};

const factLabel = (fact: string): string => FACT_LABELS_ZH[fact] ?? fact;

/** A value in words, read in the vocabulary of the fact it belongs to (a category's label, 是/否 …). */
export function valueText(fact: string, value: unknown): string {
  if (value === null || value === undefined) return '无';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(fact, item)).join('、') : '无';
  if (typeof value === 'object') {
    const reference = (value as { fact?: unknown }).fact;
    return typeof reference === 'string' ? factLabel(reference) : JSON.stringify(value);
  }
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  switch (fact) {
    case 'category':
      return label(ZH.category, text);
    case 'channel':
      return label(ZH.channel, text);
    case 'grade':
      return label(ZH.grade, text);
    case 'routeMode':
      return label(ZH.mode, text);
    default:
      return text;
  }
}

/** One condition in words: `信访人数 12 ≥ 5：成立`, `类别 = 城建（本件：城建）：成立`. */
export function conditionText(condition: Pick<ConditionExplanation, 'fact' | 'operator' | 'value' | 'result'> & { factResult?: unknown }): string {
  const name = factLabel(condition.fact);
  const operator = OPERATOR_WORDS_ZH[condition.operator] ?? condition.operator;
  const expected = valueText(condition.fact, condition.value);
  const verdict = condition.result ? '成立' : '不成立';
  if (TEXT_FACTS.has(condition.fact)) return `${name}${spaced(operator)}${expected}：${verdict}`;
  const actual = valueText(condition.fact, condition.factResult);
  if (NUMERIC_OPERATORS.has(condition.operator)) return `${name} ${actual} ${operator} ${expected}：${verdict}`;
  return `${name}${spaced(operator)}${expected}（本件：${actual}）：${verdict}`;
}

const spaced = (operator: string): string => (operator.startsWith('的') ? `${operator} ` : operator.endsWith('：') ? ` ${operator}` : ` ${operator} `);

/** What a fired rule did, e.g. `定级为提级办理`, `分流：跟踪 UCEC，办理 GOV（转送）`. */
export function outcomeText(eventType: string, params: Record<string, unknown> | undefined): string {
  const p = params ?? {};
  switch (eventType) {
    case 'grade':
      return `定级为${label(ZH.grade, String(p.grade))}`;
    case 'route': {
      const parts: string[] = [];
      if (typeof p.committee === 'string') parts.push(`跟踪 ${p.committee}`);
      if (typeof p.handledBy === 'string') parts.push(`办理 ${p.handledBy}`);
      const mode = typeof p.mode === 'string' ? label(ZH.mode, p.mode) : null;
      if (parts.length === 0) return mode ? `办理方式改为${mode}` : '分流';
      return `分流：${parts.join('，')}${mode ? `（${mode}）` : ''}`;
    }
    case 'deadline': {
      const parts = Object.entries(DEADLINE_WORDS_ZH)
        .filter(([key]) => typeof p[key] === 'number')
        .map(([key, words]) => words.replace('{n}', String(p[key])));
      return `期限：${parts.join('，') || '不变'}`;
    }
    case 'meeting':
      return p.type === 'special' ? '提议召开专题会议' : `列入${label(ZH.meetingType, String(p.type))}`;
    case 'invite-deputy':
      return `邀请${String(p.profession)}专业的代表参加`;
    case 'flag':
      return `标记为${label(FLAG_LABELS_ZH, String(p.flag))}`;
    default:
      return eventType;
  }
}

/** One fired rule in words, tolerant of stored evaluations that lack parts (no description, no conditions). */
export function explainRule(rule: Partial<FiredRule> & { name: string }): RuleExplanation {
  const description = typeof rule.description === 'string' && rule.description.trim() ? rule.description : null;
  const eventType = rule.eventType ?? 'unknown';
  const outcome = outcomeText(eventType, rule.params);
  const conditions = (Array.isArray(rule.conditions) ? rule.conditions : []).map(
    (c): ConditionResultExplanation => ({
      fact: c.fact,
      factLabel: factLabel(c.fact),
      operator: c.operator,
      value: c.value ?? null,
      factValue: TEXT_FACTS.has(c.fact) ? null : (c.factResult ?? null),
      result: c.result,
      text: conditionText(c),
    }),
  );
  const named = description ? `规则“${rule.name}”（${description}）` : `规则“${rule.name}”`;
  return { rule: rule.name, description, eventType, fired: true, outcome, conditions, text: `${named}成立：${outcome}。` };
}

/** The whole evaluation of a case in words. */
export function explainEvaluation(evaluation: Evaluation): EvaluationExplanation {
  const fired = Array.isArray(evaluation.firedRules) ? evaluation.firedRules : [];
  const rules = fired.map(explainRule);
  return { ruleSetVersion: evaluation.ruleSetVersion, summary: summaryText(evaluation, rules.length), rules };
}

function summaryText(evaluation: Evaluation, firedCount: number): string {
  const version = `按第 ${evaluation.ruleSetVersion} 版规则`;
  if (evaluation.error) return `${version}运行时出错，按普通件处理并标记为待人工复核。`;
  const grade = label(ZH.grade, evaluation.grade);
  const route = evaluation.route
    ? `，分流至 ${evaluation.route.committee} 跟踪、${evaluation.route.handledBy} 办理（${label(ZH.mode, evaluation.route.mode)}）`
    : '';
  const meeting = evaluation.meetingType ? `，列入${label(ZH.meetingType, evaluation.meetingType)}` : '';
  const why = firedCount === 0 ? '没有规则成立' : `共 ${firedCount} 条规则成立`;
  return `${version}：定级为${grade}${route}${meeting}；${why}。`;
}

/** An evaluation as the API shows it: as stored, plus the explanation in words. */
export interface EvaluationView extends Evaluation {
  explanation: EvaluationExplanation;
}

export const withExplanation = (evaluation: Evaluation): EvaluationView => ({ ...evaluation, explanation: explainEvaluation(evaluation) });
