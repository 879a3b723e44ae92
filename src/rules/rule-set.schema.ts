/**
 * The JSON Schema (draft-07) of a rule-set body `{ note, precedence, rules }` (docs/rules.md).
 * One object serves twice: `GET /rules/schema` hands it to the console's raw JSON editor (completion and
 * inline errors), and the server's validator compiles it with ajv for the structural checks.
 *
 * The schema is plain JSON (no functions, no undefined), so the web can use it as is. Two extension
 * keywords tell the validator which error code a failure maps to (JSON Schema tools ignore them):
 * - `x-code`: the code of a failure of a keyword of this (sub)schema (`type`, `minimum`, `anyOf` …);
 * - `x-missing`: the code of each property named in `required` when it is missing.
 * Failures without a code (e.g. the enums of facts, operators, grades) are reported by the validator's
 * semantic checks, with their own codes and the value in the message.
 */
import { GRADES, HANDLING_MODES, MEETING_TYPES } from '../domain/case-vocabulary.js';
import { FACT_LABELS } from '../domain/rule-shapes.js';
import { CUSTOM_OPERATORS, ENGINE_BUILTIN_OPERATORS } from './operators.js';
import { CASE_FACT_KINDS, RULE_EVENT_TYPES, RUNTIME_FACT_KINDS } from './rule-set.types.js';

export const RULE_SET_SCHEMA_LIMITS = { maxRules: 500, maxConditionDepth: 10 } as const;

/** A JSON Schema as plain data. */
export type JsonSchema = { [key: string]: unknown };

const FACTS = [...Object.keys(CASE_FACT_KINDS), ...Object.keys(RUNTIME_FACT_KINDS)];
const OPERATORS = [...ENGINE_BUILTIN_OPERATORS, ...CUSTOM_OPERATORS].map((operator) => operator.name);
const DEADLINE_KEYS = { acceptDays: '受理期限（日）', handleDays: '办理期限（日）', supervisedReplyMonths: '督办件答复期限（月）', extensionMaxDays: '延期最长天数（日）' };
const OPERATOR_TITLES: Record<string, string> = {
  equal: '等于',
  notEqual: '不等于',
  in: '属于（数组）',
  notIn: '不属于（数组）',
  contains: '数组包含',
  doesNotContain: '数组不包含',
  lessThan: '小于',
  lessThanInclusive: '小于等于',
  greaterThan: '大于',
  greaterThanInclusive: '大于等于',
  containsAny: '文本含有任一关键词',
  inList: '属于列表',
  notInList: '不属于列表',
  lengthGreaterThanInclusive: '不同且非空的条目数至少为',
};

const factDescription = `规则读取的事实：${FACTS.map((fact) => `${fact}（${FACT_LABELS['zh-CN'][fact] ?? fact}）`).join('、')}`;

const factReference: JsonSchema = {
  title: '事实引用',
  description: '规则触发时取该事实的值，例如 { "fact": "routeUnits" }',
  type: 'object',
  required: ['fact'],
  properties: { fact: { type: 'string', enum: FACTS, description: factDescription }, path: { type: 'string', minLength: 1 } },
};

const leaf: JsonSchema = {
  title: '比较条件',
  description: '“事实 运算符 值”，例如 { "fact": "headcount", "operator": "greaterThanInclusive", "value": 5 }',
  type: 'object',
  additionalProperties: false,
  required: ['fact', 'operator', 'value'],
  'x-missing': { value: 'VALUE_MISSING' },
  properties: {
    fact: { title: '事实', type: 'string', enum: FACTS, description: factDescription },
    operator: {
      title: '运算符',
      type: 'string',
      enum: OPERATORS,
      description: OPERATORS.map((operator) => `${operator}：${OPERATOR_TITLES[operator] ?? operator}`).join('；'),
    },
    value: { title: '值', description: '比较的值（数字、字符串、布尔值、数组），或事实引用 { "fact": … }' },
    path: { title: '属性路径', description: '读取对象或数组事实的属性，如 "0"', type: 'string', minLength: 1, 'x-code': 'PATH_INVALID' },
    priority: { title: '条件优先级', type: 'integer', minimum: 1, 'x-code': 'PRIORITY_INVALID' },
    name: { title: '条件名称' },
  },
};

const anyBooleanKey: JsonSchema[] = [{ required: ['all'] }, { required: ['any'] }, { required: ['not'] }];

/** A condition at nesting level `depth` (the root of `conditions` is level 1). */
function conditionAt(depth: number): JsonSchema {
  const child = { $ref: `#/definitions/condition${depth + 1}` };
  /** Array items wrap their `$ref` in `allOf` (json-schema-library, used by the console's editor, does not follow a bare `$ref` in `items`). */
  const children = { allOf: [child] };
  const booleanNode: JsonSchema =
    depth > RULE_SET_SCHEMA_LIMITS.maxConditionDepth
      ? { 'x-code': 'CONDITION_TOO_DEEP', description: `条件嵌套不能超过 ${RULE_SET_SCHEMA_LIMITS.maxConditionDepth} 层`, not: {} }
      : {
          properties: {
            all: { title: '全部成立', type: 'array', items: children, 'x-code': 'CONDITION_LIST_INVALID' },
            any: { title: '任一成立', type: 'array', items: children, 'x-code': 'CONDITION_LIST_INVALID' },
            not: { title: '不成立', ...child },
            priority: { title: '条件优先级', type: 'integer', minimum: 1, 'x-code': 'PRIORITY_INVALID' },
            name: { title: '条件名称' },
          },
        };
  return {
    title: '条件',
    description: '恰好含 all、any、not 之一的条件组，或一个比较条件',
    type: 'object',
    'x-code': 'CONDITION_INVALID',
    allOf: [
      { 'x-code': 'CONDITION_REFERENCE_UNSUPPORTED', description: '不支持引用共享条件（condition）', not: { required: ['condition'] } },
      {
        'x-code': 'CONDITION_INVALID',
        not: { anyOf: [{ required: ['all', 'any'] }, { required: ['all', 'not'] }, { required: ['any', 'not'] }, { required: ['fact'], anyOf: anyBooleanKey }] },
      },
      { if: { anyOf: anyBooleanKey }, then: booleanNode, else: { $ref: '#/definitions/leaf' } },
    ],
  };
}

const conditionDefinitions = Object.fromEntries(
  Array.from({ length: RULE_SET_SCHEMA_LIMITS.maxConditionDepth + 1 }, (_, i) => [`condition${i + 1}`, conditionAt(i + 1)]),
);

const invitees: JsonSchema = {
  title: '邀请单位',
  description: '单位代码数组，或事实引用（如 { "fact": "routeUnits" }）',
  'x-code': 'EVENT_PARAMS_INVALID',
  anyOf: [{ type: 'array' }, factReference],
  items: { type: 'string', title: '单位代码' },
};

const nonEmptyText = (title: string): JsonSchema => ({ title, type: 'string', minLength: 1, 'x-code': 'EVENT_PARAMS_INVALID' });
const whenType = (type: string, params: JsonSchema): JsonSchema => ({
  if: { required: ['type'], properties: { type: { const: type } } },
  then: { properties: { params } },
});

const event: JsonSchema = {
  title: '事件',
  description: '规则成立时的结果：grade 定级、route 分流、deadline 期限、meeting 会议、invite-deputy 邀请代表、flag 标记',
  type: 'object',
  'x-code': 'EVENT_MISSING',
  required: ['type', 'params'],
  'x-missing': { params: 'EVENT_PARAMS_INVALID' },
  properties: {
    type: { title: '事件类型', type: 'string', enum: [...RULE_EVENT_TYPES] },
    params: { title: '事件参数', type: 'object', 'x-code': 'EVENT_PARAMS_INVALID' },
  },
  allOf: [
    whenType('grade', { required: ['grade'], properties: { grade: { title: '等级', type: 'string', enum: [...GRADES], description: '必须列在 precedence 中' } } }),
    whenType('route', {
      title: '分流',
      description: '完整路由同时给出 committee、handledBy、mode；只给 mode 时修改已选路由的办理方式',
      'x-code': 'ROUTE_INCOMPLETE',
      anyOf: [
        { required: ['committee', 'handledBy', 'mode'] },
        { required: ['mode'], not: { anyOf: [{ required: ['committee'] }, { required: ['handledBy'] }] } },
      ],
      properties: {
        committee: { title: '跟踪委员会（单位代码）', type: 'string' },
        handledBy: { title: '办理单位（单位代码）', type: 'string' },
        mode: { title: '办理方式', type: 'string', enum: [...HANDLING_MODES] },
      },
    }),
    whenType('deadline', {
      title: '期限',
      additionalProperties: false,
      properties: Object.fromEntries(
        Object.entries(DEADLINE_KEYS).map(([key, title]) => [key, { title, type: 'integer', minimum: 1, 'x-code': 'EVENT_PARAMS_INVALID' }]),
      ),
    }),
    whenType('meeting', {
      title: '会议',
      required: ['type'],
      properties: { type: { title: '会议类型', type: 'string', enum: [...MEETING_TYPES] }, invitees },
    }),
    whenType('invite-deputy', {
      title: '邀请代表',
      required: ['profession'],
      'x-missing': { profession: 'EVENT_PARAMS_INVALID' },
      properties: { profession: nonEmptyText('代表专业（如 law、education）') },
    }),
    whenType('flag', {
      title: '标记',
      required: ['flag'],
      'x-missing': { flag: 'EVENT_PARAMS_INVALID' },
      properties: { flag: nonEmptyText('标记'), invitees },
    }),
  ],
};

const rule: JsonSchema = {
  title: '规则',
  type: 'object',
  'x-code': 'NOT_AN_OBJECT',
  additionalProperties: false,
  required: ['name', 'priority', 'conditions', 'event'],
  'x-missing': { name: 'RULE_NAME_INVALID', priority: 'PRIORITY_INVALID', conditions: 'CONDITIONS_MISSING', event: 'EVENT_MISSING' },
  properties: {
    name: { title: '规则名称', description: '在规则集内唯一，例如 escalate-group-petition', type: 'string', pattern: '\\S', 'x-code': 'RULE_NAME_INVALID' },
    priority: { title: '优先级', description: '不小于 1 的整数，数值大的先运行', type: 'integer', minimum: 1, 'x-code': 'PRIORITY_INVALID' },
    description: { title: '说明', description: '规则的中文说明，供管理员和秘书阅读', type: 'string' },
    conditions: { $ref: '#/definitions/conditions' },
    event: { $ref: '#/definitions/event' },
  },
};

/** The JSON Schema of a rule-set body. `version` is optional here (the server numbers versions). */
export const RULE_SET_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://petition-linkage-planner.local/schemas/rule-set.json',
  title: '规则集',
  description: '定级、分流与会议联动规则（json-rules-engine 规则 + 等级优先顺序），见 docs/rules.md',
  type: 'object',
  'x-code': 'ROOT_NOT_OBJECT',
  required: ['rules'],
  'x-missing': { version: 'VERSION_INVALID', precedence: 'PRECEDENCE_INVALID', rules: 'RULES_NOT_ARRAY' },
  properties: {
    version: { title: '版本号', type: 'integer', minimum: 1, 'x-code': 'VERSION_INVALID' },
    note: { title: '版本说明', type: 'string', 'x-code': 'NOTE_INVALID' },
    precedence: {
      title: '等级优先顺序',
      description: '从强到弱，最终等级取已触发的最强等级（都未触发时为 normal）',
      type: 'array',
      minItems: 1,
      'x-code': 'PRECEDENCE_INVALID',
      items: { type: 'string', enum: [...GRADES] },
      allOf: [{ uniqueItems: true }],
    },
    rules: {
      title: '规则',
      type: 'array',
      'x-code': 'RULES_NOT_ARRAY',
      items: { allOf: [{ $ref: '#/definitions/rule' }] },
      allOf: [{ maxItems: RULE_SET_SCHEMA_LIMITS.maxRules, 'x-code': 'TOO_MANY_RULES', description: `规则不能超过 ${RULE_SET_SCHEMA_LIMITS.maxRules} 条` }],
    },
  },
  definitions: {
    rule,
    conditions: {
      title: '条件',
      description: '顶层必须是 all、any 或 not',
      allOf: [{ type: 'object', anyOf: anyBooleanKey, 'x-code': 'CONDITION_ROOT_INVALID' }, { $ref: '#/definitions/condition1' }],
    },
    ...conditionDefinitions,
    leaf,
    event,
  },
};
