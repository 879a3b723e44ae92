import { loadDefaultRuleSet } from '../rules/default-rule-set.js';
import { CASE_FACT_KINDS, RUNTIME_FACT_KINDS } from '../rules/rule-set.types.js';
import { CATEGORIES } from './case-vocabulary.js';
import {
  BOOLEAN_FACTS,
  FACT_LABELS,
  FACT_UNITS,
  shapesOf,
  withFlagFacts,
  withOutcomeGrade,
  withRoute,
  withThreshold,
  type FlagShape,
  type RouteShape,
  type ThresholdShape,
} from './rule-shapes.js';

const DEFAULT_RULES: readonly unknown[] = loadDefaultRuleSet().rules;
const frozenCopy = (): unknown[] => deepFreeze(JSON.parse(JSON.stringify(DEFAULT_RULES)) as unknown[]);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const indexOf = (name: string): number => shapesOf(DEFAULT_RULES).findIndex((shape) => shape.name === name);

describe('FACT_LABELS and FACT_UNITS', () => {
  it('name every case and runtime fact in Chinese and English', () => {
    const facts = [...Object.keys(CASE_FACT_KINDS), ...Object.keys(RUNTIME_FACT_KINDS)];
    for (const fact of facts) {
      expect(FACT_LABELS['zh-CN'][fact]).toMatch(/[\u4e00-\u9fff]/);
      expect(FACT_LABELS.en[fact]).toMatch(/^[A-Z][A-Za-z0-9 -]+$/);
    }
    expect(Object.keys(FACT_LABELS['zh-CN']).sort()).toEqual([...facts].sort());
    expect(Object.keys(FACT_LABELS.en).sort()).toEqual([...facts].sort());
    expect(FACT_LABELS['zh-CN'].headcount).toBe('信访人数');
    expect(FACT_LABELS.en.headcount).toBe('Petitioners');
  });

  it('give units to the numeric facts, and list exactly the boolean case facts as flag facts', () => {
    expect(FACT_UNITS).toEqual({ headcount: '人', repeatCount: '次', similarOpenCases: '件', unitsInvolved: '个', unitsInvolvedCount: '个', daysOpen: '日', daysToDeadline: '日' });
    const booleans = Object.entries(CASE_FACT_KINDS).filter(([, kind]) => kind === 'boolean').map(([fact]) => fact);
    expect([...BOOLEAN_FACTS].sort()).toEqual(booleans.sort());
  });
});

describe('shapesOf on config/rules/default.json', () => {
  const shapes = shapesOf(DEFAULT_RULES);

  it('keeps one shape per rule, in order, with name, description and outcome', () => {
    expect(shapes).toHaveLength(DEFAULT_RULES.length);
    shapes.forEach((shape, index) => expect(shape.index).toBe(index));
    expect(shapes[0]).toMatchObject({ name: 'escalate-provincial-referral', description: '省人大转办的事项提级办理', outcome: { type: 'grade', grade: 'escalated' } });
  });

  it('finds the 11 route rules, one per category, with their full route', () => {
    const routes = shapes.filter((shape): shape is RouteShape => shape.kind === 'route');
    expect(routes).toHaveLength(11);
    expect(routes.map((route) => route.category).sort()).toEqual([...CATEGORIES].sort());
    expect(routes.find((route) => route.category === 'urban-construction')).toMatchObject({
      name: 'route-urban-construction',
      committee: 'UCEC',
      handledBy: 'GOV',
      mode: 'transfer',
      outcome: { type: 'route', committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' },
    });
    expect(routes.find((route) => route.category === 'litigation')).toMatchObject({ committee: 'SJC', handledBy: 'COURT', mode: 'transfer' });
  });

  it('finds the threshold rules with their fact, operator, value and unit', () => {
    const thresholds = shapes.filter((shape): shape is ThresholdShape => shape.kind === 'threshold');
    const byName = Object.fromEntries(thresholds.map((t) => [t.name, [t.fact, t.operator, t.value, t.unit, t.outcome]]));
    expect(byName).toEqual({
      'escalate-repeat-petition': ['repeatCount', 'greaterThanInclusive', 2, '次', { type: 'grade', grade: 'escalated' }],
      'escalate-group-petition': ['headcount', 'greaterThanInclusive', 5, '人', { type: 'grade', grade: 'escalated' }],
      'joint-multiple-units': ['unitsInvolved', 'lengthGreaterThanInclusive', 2, '个', { type: 'grade', grade: 'joint-consultation' }],
      'joint-large-group': ['headcount', 'greaterThanInclusive', 20, '人', { type: 'grade', grade: 'joint-consultation' }],
      'joint-emerging-cluster': ['similarOpenCases', 'greaterThanInclusive', 4, '件', { type: 'grade', grade: 'joint-consultation' }],
      'flag-group-petition': ['headcount', 'greaterThanInclusive', 5, '人', { type: 'flag', flag: 'group-petition' }],
      'flag-repeat-petition': ['repeatCount', 'greaterThanInclusive', 2, '次', { type: 'flag', flag: 'repeat-petition' }],
      'flag-early-warning': ['similarOpenCases', 'greaterThanInclusive', 4, '件', { type: 'flag', flag: 'early-warning' }],
      'meeting-special-early-warning': ['similarOpenCases', 'greaterThanInclusive', 4, '件', { type: 'meeting', meetingType: 'special' }],
    });
  });

  it('finds the flag rules (boolean facts equal true), including deputyReported and important together', () => {
    const flags = shapes.filter((shape): shape is FlagShape => shape.kind === 'flag-rule');
    expect(flags.map((flag) => [flag.name, flag.facts])).toEqual([
      ['escalate-provincial-referral', ['provincialReferral']],
      ['escalate-leader-instructed', ['leaderInstructed']],
      ['escalate-deputy-important', ['deputyReported', 'important']],
      ['escalate-related-dissatisfied', ['relatedDissatisfied']],
    ]);
  });

  it('leaves the rules reading runtime facts as other', () => {
    const others = shapes.filter((shape) => shape.kind === 'other').map((shape) => shape.name);
    expect(others).toEqual(['supervise-transferred-key-case', 'meeting-supervision', 'meeting-joint']);
    expect(shapes.find((shape) => shape.name === 'supervise-transferred-key-case')?.outcome).toEqual({ type: 'route', mode: 'supervised' });
    expect(shapes.find((shape) => shape.name === 'meeting-joint')?.outcome).toEqual({ type: 'meeting', meetingType: 'joint' });
  });
});

describe('shapesOf on anything else', () => {
  it('never throws and calls unexpected rules other', () => {
    const odd: unknown[] = [
      null,
      42,
      'rule',
      [],
      {},
      { name: 'n', conditions: { all: [] }, event: { type: 'grade', params: { grade: 'escalated' } } },
      { name: 'nested', conditions: { all: [{ any: [{ fact: 'headcount', operator: 'greaterThan', value: 5 }] }] }, event: { type: 'grade' } },
      { name: 'path', conditions: { all: [{ fact: 'headcount', operator: 'greaterThan', value: 5, path: 'x' }] }, event: { type: 'grade' } },
      { name: 'two', conditions: { all: [{ fact: 'headcount', operator: 'greaterThan', value: 5 }, { fact: 'repeatCount', operator: 'greaterThan', value: 1 }] } },
      { name: 'ref', conditions: { all: [{ fact: 'headcount', operator: 'greaterThan', value: { fact: 'repeatCount' } }] } },
      { name: 'str', conditions: { all: [{ fact: 'headcount', operator: 'greaterThan', value: '5' }] } },
      { name: 'false', conditions: { all: [{ fact: 'important', operator: 'equal', value: false }] } },
      { name: 'partial', conditions: { all: [{ fact: 'category', operator: 'equal', value: 'economy' }] }, event: { type: 'route', params: { mode: 'transfer' } } },
      { name: 'not', conditions: { not: { fact: 'important', operator: 'equal', value: true } } },
      { name: 'anyTwo', conditions: { any: [{ fact: 'important', operator: 'equal', value: true }, { fact: 'isGroup', operator: 'equal', value: true }] } },
    ];
    const shapes = shapesOf(odd);
    expect(shapes.map((shape) => shape.kind)).toEqual(odd.map(() => 'other'));
    expect(shapes[0]).toEqual({ index: 0, name: '', description: '', outcome: { type: 'unknown' }, kind: 'other' });
    expect(shapesOf(undefined as unknown as unknown[])).toEqual([]);
  });

  it('reads a one-leaf any as a threshold too', () => {
    const [shape] = shapesOf([{ name: 'a', conditions: { any: [{ fact: 'daysOpen', operator: 'greaterThan', value: 30 }] }, event: { type: 'flag', params: { flag: 'late' } } }]);
    expect(shape).toMatchObject({ kind: 'threshold', fact: 'daysOpen', operator: 'greaterThan', value: 30, unit: '日', outcome: { type: 'flag', flag: 'late' } });
  });
});

describe('the editors', () => {
  it('withThreshold changes only that rule’s value, in a new array, without touching the input', () => {
    const rules = frozenCopy();
    const index = indexOf('escalate-group-petition');
    const next = withThreshold(rules, index, 10);
    expect(next).not.toBe(rules);
    expect(next).toHaveLength(rules.length);
    next.forEach((rule, i) => (i === index ? expect(rule).not.toBe(rules[i]) : expect(rule).toBe(rules[i])));
    expect(shapesOf(next)[index]).toMatchObject({ kind: 'threshold', fact: 'headcount', value: 10, unit: '人' });
    const expected = JSON.parse(JSON.stringify(rules[index])) as { conditions: { all: { value: number }[] } };
    expected.conditions.all[0].value = 10;
    expect(next[index]).toEqual(expected);
    expect(shapesOf(rules)[index]).toMatchObject({ value: 5 });
    expect(shapesOf(next).filter((_, i) => i !== index)).toEqual(shapesOf(rules).filter((_, i) => i !== index));
  });

  it('withRoute changes the route of one category', () => {
    const rules = frozenCopy();
    const index = indexOf('route-urban-construction');
    const next = withRoute(rules, index, { committee: 'UCEC', handledBy: 'OFFICE', mode: 'internal' });
    expect(shapesOf(next)[index]).toMatchObject({ kind: 'route', category: 'urban-construction', committee: 'UCEC', handledBy: 'OFFICE', mode: 'internal' });
    next.forEach((rule, i) => i !== index && expect(rule).toBe(rules[i]));
  });

  it('withFlagFacts rewrites the conditions to those facts equal true', () => {
    const rules = frozenCopy();
    const index = indexOf('escalate-deputy-important');
    const next = withFlagFacts(rules, index, ['deputyReported']);
    expect(shapesOf(next)[index]).toMatchObject({ kind: 'flag-rule', facts: ['deputyReported'] });
    expect((next[index] as { conditions: unknown }).conditions).toEqual({ all: [{ fact: 'deputyReported', operator: 'equal', value: true }] });
    next.forEach((rule, i) => i !== index && expect(rule).toBe(rules[i]));
  });

  it('withOutcomeGrade changes the grade a rule sets', () => {
    const rules = frozenCopy();
    const index = indexOf('joint-large-group');
    const next = withOutcomeGrade(rules, index, 'escalated');
    expect(shapesOf(next)[index].outcome).toEqual({ type: 'grade', grade: 'escalated' });
    expect(shapesOf(rules)[index].outcome).toEqual({ type: 'grade', grade: 'joint-consultation' });
  });

  it('refuse a rule of another shape, an index out of range and a bad value', () => {
    const rules = frozenCopy();
    expect(() => withThreshold(rules, indexOf('route-economy'), 3)).toThrow(TypeError);
    expect(() => withThreshold(rules, rules.length, 3)).toThrow(RangeError);
    expect(() => withThreshold(rules, -1, 3)).toThrow(RangeError);
    expect(() => withThreshold(rules, indexOf('escalate-group-petition'), Number.NaN)).toThrow(TypeError);
    expect(() => withRoute(rules, indexOf('escalate-group-petition'), { committee: 'A', handledBy: 'B', mode: 'internal' })).toThrow(TypeError);
    expect(() => withFlagFacts(rules, indexOf('escalate-group-petition'), ['important'])).toThrow(TypeError);
    expect(() => withFlagFacts(rules, indexOf('escalate-deputy-important'), [])).toThrow(TypeError);
    expect(() => withOutcomeGrade(rules, indexOf('route-economy'), 'escalated')).toThrow(TypeError);
  });
});
