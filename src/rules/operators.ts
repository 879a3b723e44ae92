/**
 * Condition operators: the custom ones we register on every engine, and a mirror of
 * json-rules-engine's built-in operators so the compiled rule set behaves identically.
 */
import { Operator, type Engine } from 'json-rules-engine';

/** What a condition's `value` must be for an operator (checked by the validator). */
export type OperatorValueKind = 'any' | 'number' | 'list' | 'string-list';

export interface RuleOperatorDefinition {
  name: string;
  valueKind: OperatorValueKind;
  /** When false for the fact value, the condition is false and `evaluate` is not called. */
  acceptsFact?: (factValue: unknown) => boolean;
  /** May throw RuleOperatorError when the condition's value is misconfigured. */
  evaluate: (factValue: unknown, value: unknown) => boolean;
}

/** A misconfigured condition value; the message names the operator, never a fact value. */
export class RuleOperatorError extends Error {
  readonly code = 'RULE_OPERATOR_VALUE';

  constructor(
    readonly operator: string,
    reason: string,
  ) {
    super(`operator ${operator}: ${reason}`);
    this.name = 'RuleOperatorError';
  }
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function requireList(operator: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new RuleOperatorError(operator, 'value must be an array');
  return value;
}

const isScalar = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Distinct, non-blank entries of an array fact (so `['GOV', 'GOV ']` counts as one unit). */
export function distinctEntryCount(values: readonly unknown[]): number {
  const seen = new Set<unknown>();
  for (const item of values) {
    const key = typeof item === 'string' ? item.trim() : item;
    if (key === '' || key === null || key === undefined) continue;
    seen.add(key);
  }
  return seen.size;
}

export const CUSTOM_OPERATORS: readonly RuleOperatorDefinition[] = [
  {
    name: 'containsAny',
    valueKind: 'string-list',
    acceptsFact: (factValue) => typeof factValue === 'string',
    evaluate: (factValue, value) => {
      if (!isStringList(value)) throw new RuleOperatorError('containsAny', 'value must be an array of keywords');
      const text = factValue as string;
      return value.some((keyword) => keyword.length > 0 && text.includes(keyword));
    },
  },
  {
    name: 'inList',
    valueKind: 'list',
    acceptsFact: isScalar,
    evaluate: (factValue, value) => requireList('inList', value).includes(factValue),
  },
  {
    name: 'notInList',
    valueKind: 'list',
    acceptsFact: isScalar,
    evaluate: (factValue, value) => !requireList('notInList', value).includes(factValue),
  },
  {
    name: 'lengthGreaterThanInclusive',
    valueKind: 'number',
    acceptsFact: Array.isArray,
    evaluate: (factValue, value) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RuleOperatorError('lengthGreaterThanInclusive', 'value must be a number');
      }
      return distinctEntryCount(factValue as unknown[]) >= value;
    },
  },
];

/** `b.indexOf(a)` exactly as json-rules-engine calls it (throws a TypeError for a non-list). */
function indexOf(list: unknown, item: unknown): number {
  const method = (list as { indexOf?: unknown } | null | undefined)?.indexOf;
  if (typeof method !== 'function') throw new TypeError('indexOf is not a function');
  return (method as (this: unknown, x: unknown) => number).call(list, item);
}

/** json-rules-engine's numberValidator; the number branch is the same test without the string round trip. */
const numberLike = (factValue: unknown): boolean =>
  typeof factValue === 'number' ? !Number.isNaN(factValue) : Number.parseFloat(String(factValue)).toString() !== 'NaN';

/** json-rules-engine 7 built-ins, same semantics (used by the compiled rule set and the validator). */
export const ENGINE_BUILTIN_OPERATORS: readonly RuleOperatorDefinition[] = [
  { name: 'equal', valueKind: 'any', evaluate: (a, b) => a === b },
  { name: 'notEqual', valueKind: 'any', evaluate: (a, b) => a !== b },
  { name: 'in', valueKind: 'list', evaluate: (a, b) => indexOf(b, a) > -1 },
  { name: 'notIn', valueKind: 'list', evaluate: (a, b) => indexOf(b, a) === -1 },
  { name: 'contains', valueKind: 'any', acceptsFact: Array.isArray, evaluate: (a, b) => indexOf(a, b) > -1 },
  { name: 'doesNotContain', valueKind: 'any', acceptsFact: Array.isArray, evaluate: (a, b) => indexOf(a, b) === -1 },
  { name: 'lessThan', valueKind: 'number', acceptsFact: numberLike, evaluate: (a, b) => (a as number) < (b as number) },
  { name: 'lessThanInclusive', valueKind: 'number', acceptsFact: numberLike, evaluate: (a, b) => (a as number) <= (b as number) },
  { name: 'greaterThan', valueKind: 'number', acceptsFact: numberLike, evaluate: (a, b) => (a as number) > (b as number) },
  {
    name: 'greaterThanInclusive',
    valueKind: 'number',
    acceptsFact: numberLike,
    evaluate: (a, b) => (a as number) >= (b as number),
  },
];

/** Applies an operator the way json-rules-engine's Operator.evaluate does. */
export function applyOperator(operator: RuleOperatorDefinition, factValue: unknown, value: unknown): boolean {
  if (operator.acceptsFact && !operator.acceptsFact(factValue)) return false;
  return operator.evaluate(factValue, value);
}

/** Every operator a rule set may use, by name: built-ins, custom ones, then `extra` (tests, extensions). */
export function operatorTable(extra: readonly RuleOperatorDefinition[] = []): ReadonlyMap<string, RuleOperatorDefinition> {
  const table = new Map<string, RuleOperatorDefinition>();
  for (const op of [...ENGINE_BUILTIN_OPERATORS, ...CUSTOM_OPERATORS, ...extra]) table.set(op.name, op);
  return table;
}

/** Registers the custom operators (and `extra`) on one engine. */
export function registerOperators(engine: Engine, extra: readonly RuleOperatorDefinition[] = []): void {
  for (const op of [...CUSTOM_OPERATORS, ...extra]) {
    const accepts = op.acceptsFact;
    engine.addOperator(
      accepts
        ? new Operator<unknown, unknown>(op.name, op.evaluate, accepts)
        : new Operator<unknown, unknown>(op.name, op.evaluate),
    );
  }
}
