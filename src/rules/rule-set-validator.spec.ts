import { loadDefaultRuleSet } from './default-rule-set.js';
import { validateRuleSet, type RuleSetValidationResult } from './rule-set-validator.js';

const UNIT_CODES = ['OFFICE', 'LAC', 'DAC', 'FEC', 'UCEC', 'SDC', 'ESCH', 'ARC', 'SJC', 'GOV', 'SUP', 'COURT', 'PROC'];
const context = { unitCodes: UNIT_CODES };

type Json = Record<string, unknown>;

/** A valid one-rule set; `change` edits the copy to introduce the one mistake a test is about. */
function ruleSetWith(change: (set: Json & { rules: Json[] }) => void = () => undefined): unknown {
  const set = {
    version: 3,
    note: '测试',
    precedence: ['joint-consultation', 'escalated', 'normal'],
    rules: [
      {
        name: 'group',
        priority: 100,
        conditions: { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 5 }] },
        event: { type: 'grade', params: { grade: 'escalated' } },
      } as Json,
    ],
  };
  change(set);
  return set;
}

const codes = (result: RuleSetValidationResult): [string, string][] => result.errors.map((e) => [e.path, e.code]);

describe('validateRuleSet', () => {
  it('accepts the shipped default rule set', () => {
    expect(validateRuleSet(loadDefaultRuleSet(), context)).toEqual({ valid: true, errors: [] });
  });

  it('accepts the minimal valid set used by these tests', () => {
    expect(validateRuleSet(ruleSetWith(), context).valid).toBe(true);
  });

  it('reports an unknown fact at its exact path, in Chinese and English', () => {
    const result = validateRuleSet(
      ruleSetWith((s) => {
        s.rules[0].conditions = { all: [{ fact: 'headcount', operator: 'equal', value: 1 }, { fact: 'headcont', operator: 'equal', value: 1 }] };
      }),
      context,
    );
    expect(result).toEqual({
      valid: false,
      errors: [{ path: 'rules[0].conditions.all[1].fact', code: 'UNKNOWN_FACT', message: '未知的事实“headcont”', messageEn: 'Unknown fact "headcont"' }],
    });
  });

  it.each<[string, (s: Json & { rules: Json[] }) => void, [string, string][]]>([
    ['a root that is not an object', () => undefined, []],
    ['a missing rules array', (s) => void delete (s as Json).rules, [['rules', 'RULES_NOT_ARRAY']]],
    ['a bad version', (s) => void (s.version = '1'), [['version', 'VERSION_INVALID']]],
    ['an unknown grade in precedence', (s) => void (s.precedence = ['urgent', 'normal', 'escalated']), [['precedence[0]', 'UNKNOWN_GRADE']]],
    ['a duplicate grade in precedence', (s) => void (s.precedence = ['escalated', 'escalated', 'normal']), [['precedence[1]', 'DUPLICATE_GRADE']]],
    ['a rule without conditions', (s) => void delete s.rules[0].conditions, [['rules[0].conditions', 'CONDITIONS_MISSING']]],
    ['a rule without event', (s) => void delete s.rules[0].event, [['rules[0].event', 'EVENT_MISSING']]],
    ['a leaf at the root of conditions', (s) => void (s.rules[0].conditions = { fact: 'headcount', operator: 'equal', value: 1 }), [['rules[0].conditions', 'CONDITION_ROOT_INVALID']]],
    ['"all" that is not an array', (s) => void (s.rules[0].conditions = { all: { fact: 'headcount', operator: 'equal', value: 1 } }), [['rules[0].conditions.all', 'CONDITION_LIST_INVALID']]],
    ['both all and any on one node', (s) => void (s.rules[0].conditions = { all: [], any: [] }), [['rules[0].conditions', 'CONDITION_INVALID']]],
    ['a shared condition reference', (s) => void (s.rules[0].conditions = { all: [{ condition: 'x' }] }), [['rules[0].conditions.all[0]', 'CONDITION_REFERENCE_UNSUPPORTED']]],
    ['an unknown operator', (s) => void (s.rules[0].conditions = { all: [{ fact: 'headcount', operator: 'atLeast', value: 5 }] }), [['rules[0].conditions.all[0].operator', 'UNKNOWN_OPERATOR']]],
    ['a string for greaterThanInclusive', (s) => void (s.rules[0].conditions = { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: '5' }] }), [['rules[0].conditions.all[0].value', 'VALUE_TYPE']]],
    ['a string for containsAny', (s) => void (s.rules[0].conditions = { all: [{ fact: 'subject', operator: 'containsAny', value: '物业' }] }), [['rules[0].conditions.all[0].value', 'VALUE_TYPE']]],
    ['a non-list for inList', (s) => void (s.rules[0].conditions = { all: [{ fact: 'region', operator: 'inList', value: '房县' }] }), [['rules[0].conditions.all[0].value', 'VALUE_TYPE']]],
    ['a missing value', (s) => void (s.rules[0].conditions = { all: [{ fact: 'headcount', operator: 'equal' }] }), [['rules[0].conditions.all[0].value', 'VALUE_MISSING']]],
    ['a number operator on a text fact', (s) => void (s.rules[0].conditions = { all: [{ fact: 'subject', operator: 'greaterThan', value: 3 }] }), [['rules[0].conditions.all[0].operator', 'OPERATOR_FACT_MISMATCH']]],
    ['a boolean fact compared with a string', (s) => void (s.rules[0].conditions = { all: [{ fact: 'important', operator: 'equal', value: 'true' }] }), [['rules[0].conditions.all[0].value', 'VALUE_TYPE']]],
    ['an unknown category', (s) => void (s.rules[0].conditions = { all: [{ fact: 'category', operator: 'equal', value: 'housing' }] }), [['rules[0].conditions.all[0].value', 'UNKNOWN_CATEGORY']]],
    ['an unknown category in a list', (s) => void (s.rules[0].conditions = { all: [{ fact: 'category', operator: 'in', value: ['economy', 'housing'] }] }), [['rules[0].conditions.all[0].value[1]', 'UNKNOWN_CATEGORY']]],
    ['an unknown fact in a compared value', (s) => void (s.rules[0].conditions = { all: [{ fact: 'daysOpen', operator: 'greaterThan', value: { fact: 'age' } }] }), [['rules[0].conditions.all[0].value.fact', 'UNKNOWN_FACT']]],
    ['an unknown event type', (s) => void (s.rules[0].event = { type: 'email', params: {} }), [['rules[0].event.type', 'UNKNOWN_EVENT_TYPE']]],
    ['an unknown grade', (s) => void (s.rules[0].event = { type: 'grade', params: { grade: 'urgent' } }), [['rules[0].event.params.grade', 'UNKNOWN_GRADE']]],
    ['a grade missing from precedence', (s) => void (s.precedence = ['joint-consultation', 'normal']), [['rules[0].event.params.grade', 'GRADE_NOT_IN_PRECEDENCE']]],
    ['an unknown unit in a route', (s) => void (s.rules[0].event = { type: 'route', params: { committee: 'UCEC', handledBy: 'HOUSING', mode: 'transfer' } }), [['rules[0].event.params.handledBy', 'UNKNOWN_UNIT']]],
    ['a route without mode', (s) => void (s.rules[0].event = { type: 'route', params: { committee: 'UCEC', handledBy: 'GOV' } }), [['rules[0].event.params', 'ROUTE_INCOMPLETE']]],
    ['an unknown handling mode', (s) => void (s.rules[0].event = { type: 'route', params: { mode: 'urgent' } }), [['rules[0].event.params.mode', 'UNKNOWN_MODE']]],
    ['an unknown meeting type', (s) => void (s.rules[0].event = { type: 'meeting', params: { type: 'plenary' } }), [['rules[0].event.params.type', 'UNKNOWN_MEETING_TYPE']]],
    ['an unknown invitee', (s) => void (s.rules[0].event = { type: 'meeting', params: { type: 'special', invitees: ['GOV', 'POLICE'] } }), [['rules[0].event.params.invitees[1]', 'UNKNOWN_UNIT']]],
    ['a non-positive deadline', (s) => void (s.rules[0].event = { type: 'deadline', params: { handleDays: 0 } }), [['rules[0].event.params.handleDays', 'EVENT_PARAMS_INVALID']]],
    ['an unknown deadline key', (s) => void (s.rules[0].event = { type: 'deadline', params: { replyDays: 5 } }), [['rules[0].event.params.replyDays', 'UNKNOWN_PROPERTY']]],
    ['an empty flag', (s) => void (s.rules[0].event = { type: 'flag', params: { flag: '' } }), [['rules[0].event.params.flag', 'EVENT_PARAMS_INVALID']]],
    ['a priority of 0', (s) => void (s.rules[0].priority = 0), [['rules[0].priority', 'PRIORITY_INVALID']]],
    ['an unknown rule property', (s) => void (s.rules[0].onSuccess = 'x'), [['rules[0].onSuccess', 'UNKNOWN_PROPERTY']]],
    ['a duplicate rule name', (s) => void s.rules.push({ ...s.rules[0] }), [['rules[1].name', 'DUPLICATE_RULE_NAME']]],
  ])('reports %s', (title, change, expected) => {
    const input = title === 'a root that is not an object' ? [] : ruleSetWith(change);
    const result = validateRuleSet(input, context);
    expect(result.valid).toBe(false);
    expect(codes(result)).toEqual(title === 'a root that is not an object' ? [['', 'ROOT_NOT_OBJECT']] : expected);
  });

  it('limits condition nesting to 10 levels', () => {
    const nest = (levels: number): Json =>
      levels === 1 ? { all: [{ fact: 'headcount', operator: 'equal', value: 1 }] } : { all: [nest(levels - 1)] };
    expect(validateRuleSet(ruleSetWith((s) => void (s.rules[0].conditions = nest(10))), context).valid).toBe(true);
    const tooDeep = validateRuleSet(ruleSetWith((s) => void (s.rules[0].conditions = nest(11))), context);
    expect(codes(tooDeep)).toEqual([[`rules[0].conditions${'.all[0]'.repeat(10)}`, 'CONDITION_TOO_DEEP']]);
  });

  it('limits a set to 500 rules', () => {
    const rules = (count: number): unknown =>
      ruleSetWith((s) => {
        s.rules = Array.from({ length: count }, (_, i) => ({ ...s.rules[0], name: `r${i}` }));
      });
    expect(validateRuleSet(rules(500), context).valid).toBe(true);
    expect(codes(validateRuleSet(rules(501), context))).toEqual([['rules', 'TOO_MANY_RULES']]);
  });

  it('refuses a rule reading a runtime fact at the priority of a rule setting it', () => {
    const result = validateRuleSet(
      ruleSetWith((s) =>
        s.rules.push({
          name: 'meeting',
          priority: 100,
          conditions: { all: [{ fact: 'grade', operator: 'equal', value: 'escalated' }] },
          event: { type: 'meeting', params: { type: 'supervision' } },
        }),
      ),
      context,
    );
    expect(result.errors).toEqual([
      expect.objectContaining({ path: 'rules[1].priority', code: 'RUNTIME_FACT_SAME_PRIORITY', messageEn: expect.stringContaining('"group"') }),
    ]);
  });

  it('checks invitees given as a fact reference', () => {
    const event = (fact: string): unknown => ruleSetWith((s) => void (s.rules[0].event = { type: 'flag', params: { flag: 'x', invitees: { fact } } }));
    expect(validateRuleSet(event('routeUnits'), context).valid).toBe(true);
    expect(codes(validateRuleSet(event('headcount'), context))).toEqual([['rules[0].event.params.invitees', 'EVENT_PARAMS_INVALID']]);
    expect(codes(validateRuleSet(event('units'), context))).toEqual([['rules[0].event.params.invitees.fact', 'UNKNOWN_FACT']]);
  });

  it('reports every problem of a set, not only the first', () => {
    const result = validateRuleSet(
      ruleSetWith((s) => {
        s.version = 0;
        s.rules[0].conditions = { any: [{ fact: 'x', operator: 'equal', value: 1 }, { fact: 'headcount', operator: 'nope', value: 1 }] };
        s.rules[0].event = { type: 'route', params: { committee: 'NOPE', handledBy: 'GOV', mode: 'transfer' } };
      }),
      context,
    );
    expect(codes(result)).toEqual([
      ['version', 'VERSION_INVALID'],
      ['rules[0].conditions.any[0].fact', 'UNKNOWN_FACT'],
      ['rules[0].conditions.any[1].operator', 'UNKNOWN_OPERATOR'],
      ['rules[0].event.params.committee', 'UNKNOWN_UNIT'],
    ]);
    expect(result.errors.every((e) => e.message.length > 0 && e.messageEn.length > 0)).toBe(true);
  });
});
