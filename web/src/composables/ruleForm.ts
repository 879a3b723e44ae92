import { BOOLEAN_FACTS, FACT_LABELS, FACT_UNIT_WORDS_EN, THRESHOLD_OPERATORS, shapesOf, type FlagShape, type OtherShape, type RouteShape, type RuleShape, type ThresholdShape } from '@domain/rule-shapes';
import { ApiError } from '@/api/errors';

/**
 * The form of a rule set (规则管理 → 表单): its rules sorted into the shapes @domain/rule-shapes recognises
 * (routing rows, thresholds, flag rules, the rest), the validator's problems attached to the rule they
 * point at, and the precedence list's moves. The form edits through the shapes' `with*` editors; the API
 * validates what is saved.
 */

export interface FormSections {
  routes: RouteShape[];
  thresholds: ThresholdShape[];
  flags: FlagShape[];
  others: OtherShape[];
}

export function sectionsOf(rules: readonly unknown[]): FormSections {
  const sections: FormSections = { routes: [], thresholds: [], flags: [], others: [] };
  for (const shape of shapesOf(rules)) {
    if (shape.kind === 'route') sections.routes.push(shape);
    else if (shape.kind === 'threshold') sections.thresholds.push(shape);
    else if (shape.kind === 'flag-rule') sections.flags.push(shape);
    else sections.others.push(shape);
  }
  return sections;
}

export interface RuleProblem {
  path: string;
  code: string;
  message: string;
  /** The rule the path points at (`rules[4]…` → 4), null for the set itself (note, precedence …). */
  rule: number | null;
}

const RULE_PATH = /^rules\[(\d+)\]/;

export function problemOf(item: { path?: unknown; code?: unknown; message?: unknown }): RuleProblem {
  const path = typeof item.path === 'string' ? item.path : '';
  const match = RULE_PATH.exec(path);
  return { path, code: typeof item.code === 'string' ? item.code : '', message: typeof item.message === 'string' ? item.message : '', rule: match ? Number(match[1]) : null };
}

/** The problems of a refused save (400 RULESET_INVALID, `details.errors`) or of a validation answer. */
export function problemsOf(source: unknown): RuleProblem[] {
  const details = source instanceof ApiError ? source.details : source;
  const errors = typeof details === 'object' && details !== null ? (details as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null).map(problemOf);
}

/** The problems of one rule, to show next to it. */
export function problemsAt(problems: readonly RuleProblem[], index: number): RuleProblem[] {
  return problems.filter((p) => p.rule === index);
}

/** The list with the item at `index` moved by `delta` places (unchanged when it would leave the list). */
export function moved<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export function factLabel(fact: string, language: string): string {
  const table = FACT_LABELS[language === 'en' ? 'en' : 'zh-CN'];
  return table[fact] ?? fact;
}

export function operatorSymbol(operator: string): string {
  return THRESHOLD_OPERATORS[operator] ?? operator;
}

/** The unit shown after a threshold field: 人 / 次 / 件 / 个 in Chinese, people / times … in English. */
export function unitWord(shape: Pick<ThresholdShape, 'unit'>, language: string): string {
  if (!shape.unit) return '';
  return language === 'en' ? FACT_UNIT_WORDS_EN[shape.unit] : shape.unit;
}

/** A threshold field's label: the rule's description, then the fact it compares. */
export function thresholdLabel(shape: ThresholdShape, language: string): string {
  const fact = factLabel(shape.fact, language);
  const name = shape.description || shape.name;
  return language === 'en' ? `${name} (${fact} ${operatorSymbol(shape.operator)})` : `${name}（${fact}${operatorSymbol(shape.operator)}）`;
}

/** The boolean facts a flag rule may require: the known ones, then any other the set already uses. */
export function flagFactChoices(flags: readonly FlagShape[]): string[] {
  const seen = [...BOOLEAN_FACTS];
  for (const shape of flags) for (const fact of shape.facts) if (!seen.includes(fact)) seen.push(fact);
  return seen;
}

/** The facts after ticking or unticking one (a rule keeps at least one: the last cannot be unticked). */
export function toggledFacts(facts: readonly string[], fact: string, on: boolean): string[] {
  if (on) return facts.includes(fact) ? [...facts] : [...facts, fact];
  const next = facts.filter((f) => f !== fact);
  return next.length ? next : [...facts];
}

/** The number typed in a threshold field, or null when it is not one. */
export function thresholdValue(input: unknown): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (typeof input !== 'string' || !input.trim()) return null;
  const value = Number(input);
  return Number.isFinite(value) ? value : null;
}

export type { FlagShape, OtherShape, RouteShape, RuleShape, ThresholdShape };
