import { buildCaseFacts } from '../../test/fixtures/rules-corpus.js';
import { DomainError } from '../common/errors.js';
import type { CaseFacts, Evaluation } from './evaluation.types.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import type { RuleOperatorDefinition } from './operators.js';
import { RuleSetRunner } from './rule-set-runner.js';
import type { RuleDefinition, RuleSetDefinition } from './rule-set.types.js';

const defaultRunner = RuleSetRunner.fromDefinition(loadDefaultRuleSet());
const grade = (facts: Partial<CaseFacts>): Promise<Evaluation> => defaultRunner.evaluate(buildCaseFacts(facts));

/** A small rule set: one route for urban-construction plus the given rules. */
function ruleSet(rules: RuleDefinition[], overrides: Partial<RuleSetDefinition> = {}): RuleSetDefinition {
  return {
    version: 7,
    note: 'test',
    precedence: ['joint-consultation', 'escalated', 'normal'],
    rules: [
      {
        name: 'route-urban',
        priority: 90,
        conditions: { all: [{ fact: 'category', operator: 'equal', value: 'urban-construction' }] },
        event: { type: 'route', params: { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' } },
      },
      ...rules,
    ],
    ...overrides,
  };
}

const rule = (name: string, conditions: RuleDefinition['conditions'], event: RuleDefinition['event'], priority = 100): RuleDefinition => ({
  name,
  priority,
  conditions,
  event,
});

/** Lets `count` microtask turns pass, so runs started this way overlap inside the engine. */
async function afterMicrotasks(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await Promise.resolve();
}

const busyWait = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    /* spin */
  }
};

describe('RuleSetRunner with the default rule set', () => {
  it('grades an unremarkable case normal, routes it by category and proposes no meeting', async () => {
    const evaluation = await grade({});
    expect(evaluation).toMatchObject({
      ruleSetVersion: 1,
      grade: 'normal',
      route: { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' },
      meetingType: null,
      flags: [],
      specialMeetingInvitees: [],
      error: null,
    });
    expect(evaluation.firedRules.map((r) => r.name)).toEqual(['route-urban-construction']);
  });

  it.each<[string, Partial<CaseFacts>]>([
    ['provincial referral', { provincialReferral: true }],
    ['leader instruction', { leaderInstructed: true }],
    ['important deputy report', { deputyReported: true, important: true }],
    ['third case within 12 months', { repeatCount: 2 }],
    ['group petition of 5', { headcount: 5 }],
    ['dissatisfied related case', { relatedDissatisfied: true }],
  ])('escalates on %s, supervises the transfer and plans a supervision meeting', async (_reason, facts) => {
    const evaluation = await grade(facts);
    expect(evaluation.grade).toBe('escalated');
    expect(evaluation.route).toEqual({ committee: 'UCEC', handledBy: 'GOV', mode: 'supervised' });
    expect(evaluation.meetingType).toBe('supervision');
  });

  it.each<[string, Partial<CaseFacts>]>([
    ['a deputy report that is not important', { deputyReported: true }],
    ['an important case not reported by a deputy', { important: true }],
    ['the second case within 12 months', { repeatCount: 1 }],
    ['4 petitioners', { headcount: 4 }],
    ['3 similar open cases', { similarOpenCases: 3 }],
    ['one unit involved', { unitsInvolved: ['市住建局'] }],
    ['the same unit named twice', { unitsInvolved: ['市住建局', ' 市住建局'] }],
  ])('keeps %s normal', async (_reason, facts) => {
    const evaluation = await grade(facts);
    expect(evaluation.grade).toBe('normal');
    expect(evaluation.route.mode).toBe('transfer');
    expect(evaluation.meetingType).toBeNull();
  });

  it.each<[string, Partial<CaseFacts>]>([
    ['two units involved', { unitsInvolved: ['市住建局', '市城管局'] }],
    ['20 petitioners', { headcount: 20 }],
    ['4 similar open cases', { similarOpenCases: 4 }],
  ])('handles %s by joint consultation with a joint meeting', async (_reason, facts) => {
    const evaluation = await grade(facts);
    expect(evaluation.grade).toBe('joint-consultation');
    expect(evaluation.route.mode).toBe('supervised');
    expect(evaluation.meetingType).toBe('joint');
  });

  it('lets joint consultation win over escalation and plans only the joint meeting', async () => {
    const evaluation = await grade({ headcount: 25, provincialReferral: true });
    expect(evaluation.grade).toBe('joint-consultation');
    expect(evaluation.meetingType).toBe('joint');
    expect(evaluation.firedRules.filter((r) => r.eventType === 'meeting').map((r) => r.name)).toEqual(['meeting-joint']);
  });

  it('takes precedence from the data: with escalated first, escalated wins', async () => {
    const definition = { ...loadDefaultRuleSet(), precedence: ['escalated' as const, 'joint-consultation' as const, 'normal' as const] };
    const evaluation = await RuleSetRunner.fromDefinition(definition).evaluate(buildCaseFacts({ headcount: 25 }));
    expect(evaluation.grade).toBe('escalated');
    expect(evaluation.meetingType).toBe('supervision');
  });

  it.each<[CaseFacts['category'], string, string, 'internal' | 'transfer']>([
    ['legislation', 'LAC', 'LAC', 'internal'],
    ['regulation-review', 'LAC', 'LAC', 'internal'],
    ['deputy-work', 'DAC', 'DAC', 'internal'],
    ['economy', 'FEC', 'GOV', 'transfer'],
    ['urban-construction', 'UCEC', 'GOV', 'transfer'],
    ['employment-social', 'SDC', 'GOV', 'transfer'],
    ['education-health-culture', 'ESCH', 'GOV', 'transfer'],
    ['agriculture-rural', 'ARC', 'GOV', 'transfer'],
    ['litigation', 'SJC', 'COURT', 'transfer'],
    ['official-conduct', 'SJC', 'SUP', 'transfer'],
    ['other', 'OFFICE', 'OFFICE', 'internal'],
  ])('routes %s to %s / %s (%s)', async (category, committee, handledBy, mode) => {
    expect((await grade({ category })).route).toEqual({ committee, handledBy, mode });
  });

  it('never supervises an internally handled case, even when escalated', async () => {
    const evaluation = await grade({ category: 'legislation', leaderInstructed: true });
    expect(evaluation.grade).toBe('escalated');
    expect(evaluation.route).toEqual({ committee: 'LAC', handledBy: 'LAC', mode: 'internal' });
  });

  it('flags an emerging cluster and proposes a special meeting with the route units', async () => {
    const evaluation = await grade({ category: 'litigation', similarOpenCases: 4 });
    expect(evaluation.flags).toEqual(expect.arrayContaining(['early-warning', 'special-meeting-proposed']));
    expect(evaluation.specialMeetingInvitees).toEqual(['SJC', 'COURT']);
    expect(evaluation.meetingType).toBe('joint');
  });

  it('flags group and repeat petitions', async () => {
    expect((await grade({ headcount: 5 })).flags).toEqual(['group-petition']);
    expect((await grade({ repeatCount: 2 })).flags).toEqual(['repeat-petition']);
  });

  it('explains each fired rule with its condition results', async () => {
    const evaluation = await grade({ deputyReported: true, important: true });
    const deputyRule = evaluation.firedRules.find((r) => r.name === 'escalate-deputy-important');
    expect(deputyRule).toEqual({
      name: 'escalate-deputy-important',
      description: '代表反映的重要事项提级办理',
      eventType: 'grade',
      params: { grade: 'escalated' },
      conditions: [
        { fact: 'deputyReported', operator: 'equal', value: true, factResult: true, result: true },
        { fact: 'important', operator: 'equal', value: true, factResult: true, result: true },
      ],
    });
    const supervised = evaluation.firedRules.find((r) => r.name === 'supervise-transferred-key-case');
    expect(supervised?.conditions).toEqual([
      { fact: 'routeMode', operator: 'equal', value: 'transfer', factResult: 'transfer', result: true },
      { fact: 'grade', operator: 'in', value: ['escalated', 'joint-consultation'], factResult: 'escalated', result: true },
    ]);
  });

  it('lists fired rules in priority order, then in rule-set order', async () => {
    const evaluation = await grade({ headcount: 6, repeatCount: 2 });
    expect(evaluation.firedRules.map((r) => r.name)).toEqual([
      'escalate-repeat-petition',
      'escalate-group-petition',
      'flag-group-petition',
      'flag-repeat-petition',
      'route-urban-construction',
      'supervise-transferred-key-case',
      'meeting-supervision',
    ]);
  });

  it('gives identical results when many cases are evaluated concurrently on the one engine', async () => {
    const cases = Array.from({ length: 60 }, (_, i) =>
      buildCaseFacts({ headcount: i % 25, repeatCount: i % 3, similarOpenCases: i % 6, category: i % 2 ? 'litigation' : 'economy' }),
    );
    // A generous budget: overlapping runs share one thread, so each run's wall time includes the others'.
    const runner = RuleSetRunner.fromDefinition(loadDefaultRuleSet(), { timeoutMs: 30_000 });
    const sequential: Evaluation[] = [];
    for (const facts of cases) sequential.push(await runner.evaluate(facts));
    const concurrent = await Promise.all(cases.map((facts, i) => afterMicrotasks(i % 40).then(() => runner.evaluate(facts))));
    expect(concurrent).toEqual(sequential);
  });
});

describe('RuleSetRunner with custom rule sets', () => {
  it('falls back to the petition office and asks for review when no route rule fires', async () => {
    const evaluation = await RuleSetRunner.fromDefinition(ruleSet([])).evaluate(buildCaseFacts({ category: 'economy' }));
    expect(evaluation.route).toEqual({ committee: 'OFFICE', handledBy: 'OFFICE', mode: 'internal' });
    expect(evaluation.flags).toEqual(['needs-review']);
    expect(evaluation.error).toBeNull();
  });

  it('flags a route conflict when two full routes fire', async () => {
    const definition = ruleSet([
      rule('route-too', { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 1 }] }, { type: 'route', params: { committee: 'SDC', handledBy: 'GOV', mode: 'transfer' } }, 90),
    ]);
    const evaluation = await RuleSetRunner.fromDefinition(definition).evaluate(buildCaseFacts());
    expect(evaluation.flags).toEqual(['route-conflict', 'needs-review']);
    expect(evaluation.route.committee).toBe('SDC');
  });

  it('collects deadline overrides, deputy professions and keyword matches', async () => {
    const definition = ruleSet([
      rule('keyword', { all: [{ fact: 'subject', operator: 'containsAny', value: ['物业', '老旧小区'] }] }, { type: 'deadline', params: { handleDays: 30 } }),
      rule('law-deputy', { all: [{ fact: 'category', operator: 'inList', value: ['urban-construction', 'litigation'] }] }, { type: 'invite-deputy', params: { profession: 'construction' } }),
      rule('not-other', { all: [{ fact: 'category', operator: 'notInList', value: ['other'] }] }, { type: 'deadline', params: { acceptDays: 10 } }, 80),
    ]);
    const evaluation = await RuleSetRunner.fromDefinition(definition).evaluate(buildCaseFacts({ subject: '物业管理混乱' }));
    expect(evaluation.deadlines).toEqual({ handleDays: 30, acceptDays: 10 });
    expect(evaluation.inviteDeputyProfessions).toEqual(['construction']);
  });

  it('reads object paths by plain property lookup, never through the prototype', async () => {
    const definition = ruleSet([
      rule('first-unit', { all: [{ fact: 'unitsInvolved', path: '0', operator: 'equal', value: 'COURT' }] }, { type: 'flag', params: { flag: 'court-first' } }),
      rule('proto', { all: [{ fact: 'unitsInvolved', path: 'constructor', operator: 'notEqual', value: null }] }, { type: 'flag', params: { flag: 'proto' } }),
    ]);
    const evaluation = await RuleSetRunner.fromDefinition(definition).evaluate(buildCaseFacts({ unitsInvolved: ['COURT'] }));
    expect(evaluation.flags).toEqual(['court-first', 'proto']);
    expect(evaluation.firedRules.find((r) => r.name === 'proto')?.conditions[0].factResult).toBeUndefined();
  });

  it('returns normal + needs-review with an error, instead of throwing, when an operator throws', async () => {
    const boom: RuleOperatorDefinition = {
      name: 'boom',
      valueKind: 'any',
      evaluate: (factValue) => {
        throw new Error(`cannot read ${String(factValue)}`);
      },
    };
    const definition = ruleSet([
      rule('escalate', { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 1 }] }, { type: 'grade', params: { grade: 'escalated' } }),
      rule('explode', { all: [{ fact: 'content', operator: 'boom', value: 1 }] }, { type: 'flag', params: { flag: 'x' } }, 10),
    ]);
    const runner = RuleSetRunner.fromDefinition(definition, { extraOperators: [boom] });
    const evaluation = await runner.evaluate(buildCaseFacts({ content: '张三 13812345678 住址' }));
    expect(evaluation).toMatchObject({
      grade: 'normal',
      route: { committee: 'OFFICE', handledBy: 'OFFICE', mode: 'internal' },
      meetingType: null,
      flags: ['needs-review'],
      firedRules: [],
      error: 'RULE_ERROR: Error',
    });
  });

  it('names the misconfigured operator when a condition value has the wrong type', async () => {
    const definition = ruleSet([rule('bad', { all: [{ fact: 'subject', operator: 'containsAny', value: '物业' }] }, { type: 'flag', params: { flag: 'x' } })]);
    const evaluation = await RuleSetRunner.fromDefinition(definition).evaluate(buildCaseFacts());
    expect(evaluation.error).toBe('RULE_OPERATOR_VALUE: operator containsAny: value must be an array of keywords');
    expect(evaluation.flags).toEqual(['needs-review']);
  });

  it('reports an undefined fact as needs-review', async () => {
    const definition = ruleSet([rule('typo', { all: [{ fact: 'headcont', operator: 'equal', value: 1 }] }, { type: 'flag', params: { flag: 'x' } })]);
    const evaluation = await RuleSetRunner.fromDefinition(definition).evaluate(buildCaseFacts());
    expect(evaluation.error).toBe('UNDEFINED_FACT: Undefined fact: headcont');
  });

  it('stops a run that exceeds its time budget and keeps the engine usable', async () => {
    const slow: RuleOperatorDefinition = {
      name: 'slow',
      valueKind: 'any',
      evaluate: () => {
        busyWait(40);
        return true;
      },
    };
    const definition = ruleSet([
      rule('slow-rule', { all: [{ fact: 'subject', operator: 'slow', value: 1 }] }, { type: 'grade', params: { grade: 'escalated' } }),
      rule('later', { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 0 }] }, { type: 'flag', params: { flag: 'later' } }, 1),
    ]);
    const runner = RuleSetRunner.fromDefinition(definition, { extraOperators: [slow] });
    const timedOut = await runner.evaluate(buildCaseFacts(), { timeoutMs: 10 });
    expect(timedOut).toMatchObject({ grade: 'normal', flags: ['needs-review'], error: 'RULE_TIMEOUT: evaluation exceeded 10 ms' });
    const inTime = await runner.evaluate(buildCaseFacts(), { timeoutMs: 10_000 });
    expect(inTime.grade).toBe('escalated');
    expect(inTime.flags).toEqual(['later']);
    expect(inTime.error).toBeNull();
  });

  it('does not let a failed run cut short the runs overlapping it', async () => {
    const definition = ruleSet([
      rule('typo', { all: [{ fact: 'missing', operator: 'equal', value: 1 }] }, { type: 'flag', params: { flag: 'x' } }, 100),
      ...Array.from({ length: 30 }, (_, i) => 60 - i).map((priority) =>
        rule(`step-${priority}`, { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 0 }] }, { type: 'flag', params: { flag: `f${priority}` } }, priority),
      ),
    ]);
    const runner = RuleSetRunner.fromDefinition(definition, { timeoutMs: 30_000 });
    const failing = runner.evaluate(buildCaseFacts());
    const following = Array.from({ length: 60 }, (_, k) =>
      afterMicrotasks(k).then(() => runner.evaluate({ ...buildCaseFacts(), missing: 2 } as CaseFacts)),
    );
    expect((await failing).error).toBe('UNDEFINED_FACT: Undefined fact: missing');
    const allFlags = Array.from({ length: 30 }, (_, i) => `f${60 - i}`);
    for (const evaluation of await Promise.all(following)) expect(evaluation.flags).toEqual(allFlags);
  });

  it.each<[string, RuleSetDefinition]>([
    ['a duplicate rule name', ruleSet([rule('route-urban', { all: [] }, { type: 'flag', params: { flag: 'x' } })])],
    ['a grade missing from the precedence', ruleSet([rule('g', { all: [] }, { type: 'grade', params: { grade: 'escalated' } })], { precedence: ['joint-consultation', 'normal'] })],
    ['an unknown event type', ruleSet([rule('e', { all: [] }, { type: 'email', params: {} } as unknown as RuleDefinition['event'])])],
    ['conditions without all/any/not', ruleSet([rule('c', { every: [] } as unknown as RuleDefinition['conditions'], { type: 'flag', params: { flag: 'x' } })])],
  ])('refuses to build from %s', (_reason, definition) => {
    let thrown: unknown;
    try {
      RuleSetRunner.fromDefinition(definition);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('RULESET_INVALID');
  });
});
