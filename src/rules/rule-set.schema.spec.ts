import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { GRADES, HANDLING_MODES } from '../domain/case-vocabulary.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import { CUSTOM_OPERATORS, ENGINE_BUILTIN_OPERATORS } from './operators.js';
import { RULE_SET_SCHEMA } from './rule-set.schema.js';
import { CASE_FACT_KINDS, RULE_EVENT_TYPES, RUNTIME_FACT_KINDS } from './rule-set.types.js';

type Node = Record<string, unknown>;
const definitions = RULE_SET_SCHEMA.definitions as Record<string, Node>;
const leafProperties = definitions.leaf.properties as Record<string, Node>;

/** A plain draft-07 validator, as a JSON-schema tool in the browser would use the schema (no project options). */
function plainValidator(): (data: unknown) => boolean {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(JSON.stringify(RULE_SET_SCHEMA)) as Node);
}

describe('RULE_SET_SCHEMA', () => {
  it('is plain JSON: a round trip through JSON gives the same object', () => {
    expect(JSON.parse(JSON.stringify(RULE_SET_SCHEMA))).toEqual(RULE_SET_SCHEMA);
    expect(RULE_SET_SCHEMA.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('accepts the shipped config/rules/default.json, and a body without version', () => {
    const validate = plainValidator();
    const shipped = loadDefaultRuleSet();
    expect(validate(shipped)).toBe(true);
    const { version: _version, ...body } = shipped;
    expect(validate(body)).toBe(true);
  });

  it('refuses broken structure', () => {
    const validate = plainValidator();
    const rule = { name: 'r', priority: 1, conditions: { all: [{ fact: 'headcount', operator: 'greaterThan', value: 1 }] }, event: { type: 'grade', params: { grade: 'escalated' } } };
    const body = (rules: unknown[]): unknown => ({ note: 'n', precedence: ['escalated', 'normal'], rules });
    expect(validate(body([rule]))).toBe(true);
    expect(validate(body([{ ...rule, priority: 0 }]))).toBe(false);
    expect(validate(body([{ ...rule, extra: 1 }]))).toBe(false);
    expect(validate(body([{ ...rule, conditions: { fact: 'headcount', operator: 'equal', value: 1 } }]))).toBe(false);
    expect(validate(body([{ ...rule, conditions: { all: [{ fact: 'headcont', operator: 'equal', value: 1 }] } }]))).toBe(false);
    expect(validate(body([{ ...rule, event: { type: 'route', params: { committee: 'UCEC' } } }]))).toBe(false);
    expect(validate(body([{ ...rule, event: { type: 'email', params: {} } }]))).toBe(false);
    expect(validate({ note: 'n' })).toBe(false);
  });

  it('names the facts, operators, event types, grades and modes as enums, with Chinese titles', () => {
    expect(leafProperties.fact.enum).toEqual([...Object.keys(CASE_FACT_KINDS), ...Object.keys(RUNTIME_FACT_KINDS)]);
    expect(leafProperties.operator.enum).toEqual([...ENGINE_BUILTIN_OPERATORS, ...CUSTOM_OPERATORS].map((o) => o.name));
    expect(leafProperties.fact.description).toContain('headcount（信访人数）');
    const eventProperties = definitions.event.properties as Record<string, Node>;
    expect(eventProperties.type.enum).toEqual(RULE_EVENT_TYPES);
    expect(((RULE_SET_SCHEMA.properties as Record<string, Node>).precedence.items as Node).enum).toEqual(GRADES);
    expect(JSON.stringify(definitions.event)).toContain(JSON.stringify(HANDLING_MODES));
    expect(RULE_SET_SCHEMA.title).toBe('规则集');
    expect(definitions.rule.title).toBe('规则');
  });

  it('nests conditions to 10 levels at most', () => {
    const validate = plainValidator();
    const nest = (levels: number): Node => (levels === 1 ? { all: [{ fact: 'headcount', operator: 'equal', value: 1 }] } : { any: [nest(levels - 1)] });
    const body = (levels: number): unknown => ({ note: 'n', precedence: ['normal'], rules: [{ name: 'r', priority: 1, conditions: nest(levels), event: { type: 'flag', params: { flag: 'f' } } }] });
    expect(validate(body(10))).toBe(true);
    expect(validate(body(11))).toBe(false);
  });

  it('resolves nested rules for the console editor’s completion (json-schema-library, as codemirror-json-schema uses it)', () => {
    type Resolved = { title?: string; enum?: unknown[] } | undefined;
    const { Draft07 } = createRequire(import.meta.url)('json-schema-library') as {
      Draft07: new (schema: unknown) => { getSchema: (options: { pointer: string; data: unknown }) => Resolved };
    };
    const draft = new Draft07(JSON.parse(JSON.stringify(RULE_SET_SCHEMA)));
    const data = JSON.parse(JSON.stringify(loadDefaultRuleSet())) as { rules: Node[] };
    data.rules[0].conditions = { any: [{ not: { all: [{ fact: 'headcount', operator: 'equal', value: 1 }] } }] };
    const at = (pointer: string): Resolved => draft.getSchema({ pointer, data });
    expect(at('#/rules/0/conditions/any/0/not/all/0/fact')).toMatchObject({ title: '事实', enum: leafProperties.fact.enum });
    expect(at('#/rules/4/conditions/all/0/operator')).toMatchObject({ title: '运算符' });
    expect(at('#/rules/4/event/params/grade')).toMatchObject({ title: '等级', enum: [...GRADES] });
    expect(at('#/rules/16/event/params/mode')).toMatchObject({ title: '办理方式', enum: [...HANDLING_MODES] });
  });
});
