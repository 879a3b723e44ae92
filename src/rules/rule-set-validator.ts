/**
 * Checks a rule set an admin wrote before it can be published: structure, facts, operators,
 * value types, events, grades, units, categories, and the order of runtime-fact readers.
 * Every problem is reported (not just the first) with a path such as `rules[3].conditions.all[1].fact`.
 *
 * The structure is checked by ajv against the JSON Schema of the format (`rule-set.schema.ts`, the one
 * `GET /rules/schema` serves); each ajv error is mapped to a path and code by the schema's `x-code` /
 * `x-missing` annotations. The walk below then reports, in document order, the structural errors found
 * at each place it visits, and runs the semantic checks (known facts per kind, operators, value types,
 * categories, grades in precedence, unit codes, runtime-fact order) that a schema cannot express.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { CATEGORIES, CHANNELS, GRADES, HANDLING_MODES, MEETING_TYPES } from '../domain/case-vocabulary.js';
import { redactPii } from '../common/pii/masking.js';
import { isFactReference } from './evaluation-accumulator.js';
import { CUSTOM_OPERATORS, ENGINE_BUILTIN_OPERATORS, type RuleOperatorDefinition } from './operators.js';
import { RULE_SET_SCHEMA, RULE_SET_SCHEMA_LIMITS, type JsonSchema } from './rule-set.schema.js';
import {
  CASE_FACT_KINDS,
  RULE_EVENT_TYPES,
  RUNTIME_FACTS_SET_BY,
  RUNTIME_FACT_KINDS,
  type FactKind,
  type RuleEventType,
} from './rule-set.types.js';

export const RULE_SET_LIMITS = RULE_SET_SCHEMA_LIMITS;

export interface RuleSetValidationError {
  path: string;
  code: string;
  /** Chinese, for admins. */
  message: string;
  messageEn: string;
}

export interface RuleSetValidationResult {
  valid: boolean;
  errors: RuleSetValidationError[];
}

export interface RuleSetValidationContext {
  /** Unit codes of the org directory (OFFICE, LAC, GOV, …). */
  unitCodes: readonly string[];
  extraOperators?: readonly RuleOperatorDefinition[];
}

type Messages = { zh: string; en: string };
const MESSAGES = {
  ROOT_NOT_OBJECT: () => ({ zh: '规则集必须是 JSON 对象', en: 'The rule set must be a JSON object' }),
  VERSION_INVALID: () => ({ zh: 'version 必须是正整数', en: 'version must be a positive integer' }),
  NOTE_INVALID: () => ({ zh: 'note 必须是字符串', en: 'note must be a string' }),
  PRECEDENCE_INVALID: () => ({ zh: 'precedence 必须是等级数组', en: 'precedence must be an array of grades' }),
  DUPLICATE_GRADE: (v: string) => ({ zh: `等级“${v}”重复`, en: `Grade "${v}" is listed twice` }),
  UNKNOWN_GRADE: (v: string) => ({ zh: `未知的等级“${v}”`, en: `Unknown grade "${v}"` }),
  RULES_NOT_ARRAY: () => ({ zh: 'rules 必须是数组', en: 'rules must be an array' }),
  TOO_MANY_RULES: (v: string) => ({ zh: `规则共 ${v} 条，超过上限 ${RULE_SET_LIMITS.maxRules} 条`, en: `${v} rules exceed the limit of ${RULE_SET_LIMITS.maxRules}` }),
  NOT_AN_OBJECT: () => ({ zh: '此处必须是对象', en: 'Must be an object' }),
  UNKNOWN_PROPERTY: (v: string) => ({ zh: `不支持的属性“${v}”`, en: `Unsupported property "${v}"` }),
  RULE_NAME_INVALID: () => ({ zh: '规则名称必须是非空字符串', en: 'The rule name must be a non-empty string' }),
  DUPLICATE_RULE_NAME: (v: string) => ({ zh: `规则名称“${v}”重复`, en: `Rule name "${v}" is used twice` }),
  PRIORITY_INVALID: () => ({ zh: 'priority 必须是不小于 1 的整数', en: 'priority must be an integer of at least 1' }),
  CONDITIONS_MISSING: () => ({ zh: '规则缺少 conditions', en: 'The rule has no conditions' }),
  CONDITION_ROOT_INVALID: () => ({ zh: 'conditions 顶层必须是 all、any 或 not', en: 'conditions must start with all, any or not' }),
  CONDITION_INVALID: () => ({
    zh: '条件必须恰好含 all、any、not 之一，或是含 fact、operator、value 的比较',
    en: 'A condition must hold exactly one of all, any, not, or be a fact/operator/value comparison',
  }),
  CONDITION_LIST_INVALID: (v: string) => ({ zh: `${v} 必须是条件数组`, en: `${v} must be an array of conditions` }),
  CONDITION_TOO_DEEP: () => ({ zh: `条件嵌套超过 ${RULE_SET_LIMITS.maxConditionDepth} 层`, en: `Conditions are nested deeper than ${RULE_SET_LIMITS.maxConditionDepth} levels` }),
  CONDITION_REFERENCE_UNSUPPORTED: () => ({ zh: '不支持引用共享条件（condition）', en: 'Shared condition references are not supported' }),
  UNKNOWN_FACT: (v: string) => ({ zh: `未知的事实“${v}”`, en: `Unknown fact "${v}"` }),
  UNKNOWN_OPERATOR: (v: string) => ({ zh: `未知的运算符“${v}”`, en: `Unknown operator "${v}"` }),
  PATH_INVALID: () => ({ zh: 'path 必须是非空字符串', en: 'path must be a non-empty string' }),
  VALUE_MISSING: () => ({ zh: '条件缺少 value', en: 'The condition has no value' }),
  VALUE_TYPE: (v: string) => ({ zh: `此运算符的值必须是${KIND_ZH[v] ?? v}`, en: `The value for this operator must be ${KIND_EN[v] ?? v}` }),
  OPERATOR_FACT_MISMATCH: (v: string) => ({ zh: `运算符“${v}”不适用于该事实的类型`, en: `Operator "${v}" does not apply to this fact's type` }),
  UNKNOWN_CATEGORY: (v: string) => ({ zh: `未知的类别“${v}”`, en: `Unknown category "${v}"` }),
  UNKNOWN_CHANNEL: (v: string) => ({ zh: `未知的渠道“${v}”`, en: `Unknown channel "${v}"` }),
  UNKNOWN_MODE: (v: string) => ({ zh: `未知的办理方式“${v}”`, en: `Unknown handling mode "${v}"` }),
  EVENT_MISSING: () => ({ zh: '规则缺少 event', en: 'The rule has no event' }),
  UNKNOWN_EVENT_TYPE: (v: string) => ({ zh: `未知的事件类型“${v}”`, en: `Unknown event type "${v}"` }),
  EVENT_PARAMS_INVALID: (v: string) => ({ zh: `事件参数“${v}”无效`, en: `Invalid event parameter "${v}"` }),
  GRADE_NOT_IN_PRECEDENCE: (v: string) => ({ zh: `等级“${v}”不在 precedence 中`, en: `Grade "${v}" is not in precedence` }),
  UNKNOWN_UNIT: (v: string) => ({ zh: `未知的单位代码“${v}”`, en: `Unknown unit code "${v}"` }),
  ROUTE_INCOMPLETE: () => ({ zh: '完整路由必须同时给出 committee、handledBy 和 mode', en: 'A full route needs committee, handledBy and mode' }),
  UNKNOWN_MEETING_TYPE: (v: string) => ({ zh: `未知的会议类型“${v}”`, en: `Unknown meeting type "${v}"` }),
  RUNTIME_FACT_SAME_PRIORITY: (v: string) => ({
    zh: `读取运行时事实的规则与设置它的规则“${v}”优先级相同，结果不确定；请调低读取规则的优先级`,
    en: `This rule reads a runtime fact set by rule "${v}" at the same priority, so the result is undefined; lower the reader's priority`,
  }),
} satisfies Record<string, (value: string) => Messages>;
export type RuleSetValidationCode = keyof typeof MESSAGES;

const KIND_ZH: Record<string, string> = { number: '数字', list: '数组', 'string-list': '字符串数组', boolean: '布尔值', string: '字符串', 'number-or-null': '数字或 null' };
const KIND_EN: Record<string, string> = { number: 'a number', list: 'an array', 'string-list': 'an array of strings', boolean: 'true or false', string: 'a string', 'number-or-null': 'a number or null' };

const FACT_KINDS: Readonly<Record<string, FactKind>> = { ...CASE_FACT_KINDS, ...RUNTIME_FACT_KINDS };
const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const ENUMS: Partial<Record<FactKind, { values: readonly unknown[]; code: RuleSetValidationCode }>> = {
  category: { values: CATEGORIES, code: 'UNKNOWN_CATEGORY' },
  channel: { values: CHANNELS, code: 'UNKNOWN_CHANNEL' },
  grade: { values: GRADES, code: 'UNKNOWN_GRADE' },
  mode: { values: HANDLING_MODES, code: 'UNKNOWN_MODE' },
};
const STRING_KINDS: readonly FactKind[] = ['string', 'category', 'channel', 'grade', 'mode'];
/** Fact kinds each operator can meaningfully compare (operators not listed: any kind). */
const OPERATOR_FACT_KINDS: Readonly<Record<string, readonly FactKind[]>> = {
  ...Object.fromEntries(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].map((op) => [op, ['number', 'nullable-number']])),
  ...Object.fromEntries(['contains', 'doesNotContain', 'lengthGreaterThanInclusive'].map((op) => [op, ['string[]']])),
  ...Object.fromEntries(
    ['equal', 'notEqual', 'in', 'notIn', 'inList', 'notInList'].map((op) => [op, [...STRING_KINDS, 'number', 'nullable-number', 'boolean']]),
  ),
  containsAny: STRING_KINDS,
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const has = (object: Json, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
/** A value named in a message, at most 80 characters, with any ID number or mobile masked (an admin may paste anything). */
const show = (value: unknown): string => redactPii(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))).slice(0, 80);

/**
 * The schema as the validator compiles it: a stored definition also names its `version` and `precedence`
 * (the body of `GET /rules/schema` may leave them to the server). Compiled once, when this module loads.
 */
const DEFINITION_SCHEMA: JsonSchema = { ...RULE_SET_SCHEMA, required: ['version', 'precedence', 'rules'] };
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false });
ajv.addVocabulary(['x-code', 'x-missing']);
const checkStructure: ValidateFunction = ajv.compile(DEFINITION_SCHEMA);

/** `/rules/0/conditions/all/1` → `rules[0].conditions.all[1]`, reading the data to tell array indexes from keys. */
function toPath(pointer: string, data: unknown): string {
  if (pointer === '') return '';
  let path = '';
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path += `[${key}]`;
      node = node[Number(key)];
    } else {
      path += path === '' ? key : `.${key}`;
      node = isObject(node) && has(node, key) ? node[key] : undefined;
    }
  }
  return path;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
const problemKey = (path: string, code: RuleSetValidationCode): string => `${path}\u0000${code}`;

/** The structural problems ajv found, as `path + code` keys; errors the schema gives no code are left to the semantic checks. */
function structuralProblems(input: unknown): Set<string> {
  const found = new Set<string>();
  if (checkStructure(input)) return found;
  for (const error of (checkStructure.errors ?? [])) {
    const at = toPath(error.instancePath, input);
    const schema = (error.parentSchema ?? {}) as { 'x-code'?: string; 'x-missing'?: Record<string, string> };
    let path = at;
    let code: string | undefined;
    if (error.keyword === 'if') continue;
    if (error.keyword === 'required') {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      path = join(at, missing);
      code = schema['x-missing']?.[missing];
    } else if (error.keyword === 'additionalProperties') {
      path = join(at, (error.params as { additionalProperty: string }).additionalProperty);
      code = 'UNKNOWN_PROPERTY';
    } else code = schema['x-code'];
    if (code && code in MESSAGES) found.add(problemKey(path, code as RuleSetValidationCode));
  }
  return found;
}

class RuleSetValidator {
  readonly errors: RuleSetValidationError[] = [];
  private structural = new Set<string>();
  private readonly reported = new Set<string>();
  private readonly operators: ReadonlyMap<string, RuleOperatorDefinition>;
  private readonly units: ReadonlySet<string>;
  private readonly grades = new Set<unknown>();
  /** Per rule: runtime facts read and set, for the ordering check. */
  private readonly access: { index: number; name: string; priority: unknown; reads: Set<string>; writes: readonly string[] }[] = [];

  constructor(context: RuleSetValidationContext) {
    const all = [...ENGINE_BUILTIN_OPERATORS, ...CUSTOM_OPERATORS, ...(context.extraOperators ?? [])];
    this.operators = new Map(all.map((op) => [op.name, op]));
    this.units = new Set(context.unitCodes);
  }

  report(path: string, code: RuleSetValidationCode, value: unknown = ''): void {
    const key = problemKey(path, code);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const { zh, en } = MESSAGES[code](show(value));
    // A path names the keys as sent (an unknown property among them): masked the same way.
    this.errors.push({ path: redactPii(path), code, message: zh, messageEn: en });
  }

  /** Reports the schema's problem `code` at `path` if ajv found it; true when it did. */
  private failed(path: string, code: RuleSetValidationCode, value: unknown = ''): boolean {
    if (!this.structural.has(problemKey(path, code))) return false;
    this.report(path, code, value);
    return true;
  }

  validate(input: unknown): void {
    this.structural = structuralProblems(input);
    if (this.failed('', 'ROOT_NOT_OBJECT') || !isObject(input)) return;
    this.failed('version', 'VERSION_INVALID');
    this.failed('note', 'NOTE_INVALID');
    this.validatePrecedence(input.precedence);
    if (this.failed('rules', 'RULES_NOT_ARRAY') || !Array.isArray(input.rules)) return;
    if (this.failed('rules', 'TOO_MANY_RULES', input.rules.length)) return;
    const names = new Set<unknown>();
    input.rules.forEach((rule: unknown, index) => {
      const path = `rules[${index}]`;
      if (this.failed(path, 'NOT_AN_OBJECT') || !isObject(rule)) return;
      for (const key of Object.keys(rule)) this.failed(`${path}.${key}`, 'UNKNOWN_PROPERTY', key);
      if (!this.failed(`${path}.name`, 'RULE_NAME_INVALID') && names.has(rule.name)) this.report(`${path}.name`, 'DUPLICATE_RULE_NAME', rule.name);
      names.add(rule.name);
      this.failed(`${path}.priority`, 'PRIORITY_INVALID');
      const reads = new Set<string>();
      this.validateConditions(rule.conditions, `${path}.conditions`, reads);
      const type = this.validateEvent(rule.event, `${path}.event`, reads);
      const writes = type ? RUNTIME_FACTS_SET_BY[type] : [];
      this.access.push({ index, name: String(rule.name), priority: rule.priority, reads, writes });
    });
    this.validateRuntimeFactOrder();
  }

  private validatePrecedence(precedence: unknown): void {
    if (this.failed('precedence', 'PRECEDENCE_INVALID') || !Array.isArray(precedence)) return;
    precedence.forEach((grade: unknown, i) => {
      if (!GRADES.includes(grade as 'normal')) this.report(`precedence[${i}]`, 'UNKNOWN_GRADE', grade);
      else if (this.grades.has(grade)) this.report(`precedence[${i}]`, 'DUPLICATE_GRADE', grade);
      this.grades.add(grade);
    });
  }

  private validateConditions(conditions: unknown, path: string, reads: Set<string>): void {
    if (this.failed(path, 'CONDITIONS_MISSING') || this.failed(path, 'CONDITION_ROOT_INVALID')) return;
    this.validateCondition(conditions, path, reads);
  }

  private validateCondition(node: unknown, path: string, reads: Set<string>): void {
    if (this.failed(path, 'CONDITION_INVALID') || !isObject(node)) return;
    if (this.failed(path, 'CONDITION_REFERENCE_UNSUPPORTED')) return;
    const key = BOOLEAN_KEYS.find((name) => has(node, name));
    if (key === undefined) return this.validateLeaf(node, path, reads);
    if (this.failed(path, 'CONDITION_TOO_DEEP')) return;
    this.failed(`${path}.priority`, 'PRIORITY_INVALID');
    if (key === 'not') return this.validateCondition(node.not, `${path}.not`, reads);
    const children = node[key];
    if (this.failed(`${path}.${key}`, 'CONDITION_LIST_INVALID', key) || !Array.isArray(children)) return;
    children.forEach((child: unknown, i) => this.validateCondition(child, `${path}.${key}[${i}]`, reads));
  }

  private validateLeaf(leaf: Json, path: string, reads: Set<string>): void {
    for (const key of Object.keys(leaf)) this.failed(`${path}.${key}`, 'UNKNOWN_PROPERTY', key);
    const kind = this.checkFact(leaf.fact, `${path}.fact`, reads);
    const withPath = has(leaf, 'path');
    this.failed(`${path}.path`, 'PATH_INVALID');
    this.failed(`${path}.priority`, 'PRIORITY_INVALID');
    const operator = typeof leaf.operator === 'string' ? this.operators.get(leaf.operator) : undefined;
    if (!operator) return this.report(`${path}.operator`, 'UNKNOWN_OPERATOR', leaf.operator);
    if (this.failed(`${path}.value`, 'VALUE_MISSING')) return;
    if (isFactReference(leaf.value)) {
      this.checkFact(leaf.value.fact, `${path}.value.fact`, reads);
      return;
    }
    const factKind = withPath ? undefined : kind;
    const accepted = OPERATOR_FACT_KINDS[operator.name];
    if (factKind && accepted && !accepted.includes(factKind)) this.report(`${path}.operator`, 'OPERATOR_FACT_MISMATCH', operator.name);
    this.checkValue(operator, factKind, leaf.value, `${path}.value`);
  }

  private checkValue(operator: RuleOperatorDefinition, factKind: FactKind | undefined, value: unknown, path: string): void {
    const enumeration = factKind ? ENUMS[factKind] : undefined;
    switch (operator.valueKind) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) this.report(path, 'VALUE_TYPE', 'number');
        return;
      case 'string-list':
        if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) this.report(path, 'VALUE_TYPE', 'string-list');
        return;
      case 'list':
        if (!Array.isArray(value)) return this.report(path, 'VALUE_TYPE', 'list');
        if (enumeration) {
          value.forEach((item: unknown, i) => {
            if (!enumeration.values.includes(item)) this.report(`${path}[${i}]`, enumeration.code, item);
          });
        }
        return;
      case 'any':
        if (operator.name !== 'equal' && operator.name !== 'notEqual') return;
        if (enumeration) {
          if (!enumeration.values.includes(value)) this.report(path, enumeration.code, value);
        } else if (factKind === 'boolean' && typeof value !== 'boolean') this.report(path, 'VALUE_TYPE', 'boolean');
        else if (factKind === 'number' && typeof value !== 'number') this.report(path, 'VALUE_TYPE', 'number');
        else if (factKind === 'nullable-number' && typeof value !== 'number' && value !== null) this.report(path, 'VALUE_TYPE', 'number-or-null');
        else if (factKind === 'string' && typeof value !== 'string') this.report(path, 'VALUE_TYPE', 'string');
    }
  }

  private checkFact(fact: unknown, path: string, reads: Set<string>): FactKind | undefined {
    if (typeof fact !== 'string' || !has(FACT_KINDS, fact)) {
      this.report(path, 'UNKNOWN_FACT', fact);
      return undefined;
    }
    if (has(RUNTIME_FACT_KINDS, fact)) reads.add(fact);
    return FACT_KINDS[fact];
  }

  private validateEvent(event: unknown, path: string, reads: Set<string>): RuleEventType | undefined {
    if (this.failed(path, 'EVENT_MISSING') || !isObject(event)) return undefined;
    const type = event.type as RuleEventType;
    if (!RULE_EVENT_TYPES.includes(type)) {
      this.report(`${path}.type`, 'UNKNOWN_EVENT_TYPE', event.type);
      return undefined;
    }
    const params = event.params;
    if (this.failed(`${path}.params`, 'EVENT_PARAMS_INVALID', 'params') || !isObject(params)) return type;
    const at = (key: string): string => `${path}.params.${key}`;
    const nonEmpty = (key: string): void => void this.failed(at(key), 'EVENT_PARAMS_INVALID', key);
    switch (type) {
      case 'grade':
        if (!GRADES.includes(params.grade as 'normal')) this.report(at('grade'), 'UNKNOWN_GRADE', params.grade);
        else if (!this.grades.has(params.grade)) this.report(at('grade'), 'GRADE_NOT_IN_PRECEDENCE', params.grade);
        break;
      case 'route': {
        this.failed(`${path}.params`, 'ROUTE_INCOMPLETE');
        for (const key of ['committee', 'handledBy']) {
          if (has(params, key) && !this.units.has(params[key] as string)) this.report(at(key), 'UNKNOWN_UNIT', params[key]);
        }
        if (has(params, 'mode') && !HANDLING_MODES.includes(params.mode as 'internal')) this.report(at('mode'), 'UNKNOWN_MODE', params.mode);
        break;
      }
      case 'deadline':
        for (const key of Object.keys(params)) {
          if (!this.failed(at(key), 'UNKNOWN_PROPERTY', key)) this.failed(at(key), 'EVENT_PARAMS_INVALID', key);
        }
        break;
      case 'meeting':
        if (!MEETING_TYPES.includes(params.type as 'joint')) this.report(at('type'), 'UNKNOWN_MEETING_TYPE', params.type);
        this.checkInvitees(params, at('invitees'), reads);
        break;
      case 'invite-deputy':
        nonEmpty('profession');
        break;
      case 'flag':
        nonEmpty('flag');
        this.checkInvitees(params, at('invitees'), reads);
        break;
    }
    return type;
  }

  private checkInvitees(params: Json, path: string, reads: Set<string>): void {
    if (!has(params, 'invitees')) return;
    const invitees = params.invitees;
    if (isFactReference(invitees)) {
      const kind = this.checkFact(invitees.fact, `${path}.fact`, reads);
      if (kind && kind !== 'string[]') this.report(path, 'EVENT_PARAMS_INVALID', 'invitees');
      return;
    }
    if (this.failed(path, 'EVENT_PARAMS_INVALID', 'invitees') || !Array.isArray(invitees)) return;
    invitees.forEach((code: unknown, i) => {
      if (typeof code !== 'string' || !this.units.has(code)) this.report(`${path}[${i}]`, 'UNKNOWN_UNIT', code);
    });
  }

  /** A rule reading a runtime fact must not share its priority with another rule setting it. */
  private validateRuntimeFactOrder(): void {
    for (const reader of this.access) {
      const writer = this.access.find(
        (other) => other !== reader && other.priority === reader.priority && other.writes.some((fact) => reader.reads.has(fact)),
      );
      if (writer) this.report(`rules[${reader.index}].priority`, 'RUNTIME_FACT_SAME_PRIORITY', writer.name);
    }
  }
}

/** Validates an admin's rule set; `valid` is true only when `errors` is empty. */
export function validateRuleSet(input: unknown, context: RuleSetValidationContext): RuleSetValidationResult {
  const validator = new RuleSetValidator(context);
  validator.validate(input);
  return { valid: validator.errors.length === 0, errors: validator.errors };
}
