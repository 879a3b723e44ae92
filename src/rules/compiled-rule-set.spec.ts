import { isDeepStrictEqual } from 'node:util';
import { CATEGORIES, CHANNELS } from '../cases/case.types.js';
import { buildCaseFacts, RULES_CORPUS } from '../../test/fixtures/rules-corpus.js';
import { CompiledRuleSet } from './compiled-rule-set.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import type { CaseFacts, Evaluation } from './evaluation.types.js';
import { RuleSetRunner } from './rule-set-runner.js';
import type { RuleSetDefinition } from './rule-set.types.js';

/** Deterministic PRNG (mulberry32) so every run checks the same cases. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['茅箭区', '张湾区', '郧阳区', '郧西县', '竹山县', '竹溪县', '房县', '丹江口市'];
const SUBJECTS = ['老旧小区改造', '物业管理', '拖欠工资', '社保断缴', '企业上下游配套纠纷', '判决执行难', '立法建议', '学区划分', '医保报销', '土地征收补偿'];
const UNITS = ['市住建局', '市人社局', 'COURT', 'PROC', 'GOV', '市住建局', ' ', ''];
/** Values around every threshold of the default policy. */
const HEADCOUNTS = [1, 1, 2, 3, 4, 5, 6, 19, 20, 21, 50];

function randomCaseFacts(next: () => number): CaseFacts {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number): boolean => next() < p;
  const unitCount = pick([0, 0, 1, 1, 2, 3]);
  return {
    channel: pick(CHANNELS),
    // 1 % of cases carry a category no route rule knows, to exercise the fallback route.
    category: chance(0.01) ? ('unknown' as CaseFacts['category']) : pick(CATEGORIES),
    region: pick(REGIONS),
    headcount: pick(HEADCOUNTS),
    subject: pick(SUBJECTS),
    content: `${pick(SUBJECTS)}，${pick(SUBJECTS)}`,
    unitsInvolved: Array.from({ length: unitCount }, () => pick(UNITS)),
    deputyReported: chance(0.2),
    important: chance(0.3),
    provincialReferral: chance(0.05),
    leaderInstructed: chance(0.05),
    repeatCount: pick([0, 0, 0, 1, 1, 2, 3]),
    similarOpenCases: pick([0, 0, 1, 2, 3, 4, 5, 6]),
    relatedDissatisfied: chance(0.05),
    daysOpen: Math.floor(next() * 90),
    daysToDeadline: chance(0.3) ? null : Math.floor(next() * 60) - 10,
  };
}

/** Exercises what the default set does not: custom operators, nesting, condition priorities, paths, fact values, errors. */
const KITCHEN_SINK: RuleSetDefinition = {
  version: 99,
  note: 'differential coverage',
  precedence: ['escalated', 'joint-consultation', 'normal'],
  rules: [
    {
      name: 'keywords',
      priority: 100,
      conditions: { any: [{ fact: 'subject', operator: 'containsAny', value: ['物业', '老旧小区'] }, { fact: 'content', operator: 'containsAny', value: ['工资'] }] },
      event: { type: 'grade', params: { grade: 'joint-consultation' } },
    },
    {
      name: 'nested',
      priority: 100,
      conditions: {
        all: [
          { fact: 'region', operator: 'inList', value: ['房县', '竹山县'], priority: 5 },
          { not: { fact: 'channel', operator: 'notInList', value: ['visit', 'phone'] } },
          { any: [{ fact: 'unitsInvolved', operator: 'lengthGreaterThanInclusive', value: 2 }, { fact: 'unitsInvolved', path: '0', operator: 'equal', value: 'COURT' }] },
        ],
      },
      event: { type: 'grade', params: { grade: 'escalated' } },
    },
    {
      name: 'fact-compare',
      priority: 100,
      conditions: { all: [{ fact: 'daysOpen', operator: 'greaterThan', value: { fact: 'headcount' } }, { fact: 'daysToDeadline', operator: 'lessThan', value: 5 }] },
      event: { type: 'deadline', params: { handleDays: 30, extensionMaxDays: 15 } },
    },
    {
      name: 'sometimes-throws',
      priority: 100,
      conditions: { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 50, priority: 2 }, { fact: 'subject', operator: 'in', value: { fact: 'headcount' } }] },
      event: { type: 'flag', params: { flag: 'never' } },
    },
    {
      name: 'court-deputy',
      priority: 100,
      conditions: { any: [{ fact: 'unitsInvolved', operator: 'contains', value: 'COURT' }, { fact: 'unitsInvolved', operator: 'contains', value: 'PROC' }] },
      event: { type: 'invite-deputy', params: { profession: 'law' } },
    },
    {
      name: 'route-social',
      priority: 80,
      conditions: { all: [{ fact: 'category', operator: 'in', value: ['employment-social', 'economy'] }] },
      event: { type: 'route', params: { committee: 'SDC', handledBy: 'GOV', mode: 'transfer' } },
    },
    {
      name: 'route-court',
      priority: 70,
      conditions: { all: [{ fact: 'unitsInvolved', operator: 'contains', value: 'COURT' }] },
      event: { type: 'route', params: { committee: 'SJC', handledBy: 'COURT', mode: 'transfer' } },
    },
    {
      name: 'supervise',
      priority: 60,
      conditions: { all: [{ fact: 'grade', operator: 'notEqual', value: 'normal' }, { fact: 'routeUnits', operator: 'contains', value: 'GOV' }] },
      event: { type: 'route', params: { mode: 'supervised' } },
    },
    {
      name: 'special',
      priority: 50,
      conditions: { any: [] },
      event: { type: 'flag', params: { flag: 'always', invitees: { fact: 'routeUnits' } } },
    },
    {
      name: 'meeting',
      priority: 50,
      conditions: { not: { fact: 'grade', operator: 'equal', value: 'normal' } },
      event: { type: 'meeting', params: { type: 'supervision' } },
    },
  ],
};

async function compareOn(definition: RuleSetDefinition, cases: readonly CaseFacts[]): Promise<{ disagreements: number; first?: unknown; engineRate: number; compiledRate: number; compiledBareRate: number }> {
  const runner = RuleSetRunner.fromDefinition(definition, { timeoutMs: 5_000 });
  const compiled = CompiledRuleSet.compile(definition);

  let started = performance.now();
  const reference: Evaluation[] = [];
  for (const facts of cases) reference.push(await runner.evaluate(facts));
  const engineRate = cases.length / ((performance.now() - started) / 1000);

  started = performance.now();
  const fast = cases.map((facts) => compiled.evaluate(facts));
  const compiledRate = cases.length / ((performance.now() - started) / 1000);

  started = performance.now();
  const bare = cases.map((facts) => compiled.evaluate(facts, { explain: false }));
  const compiledBareRate = cases.length / ((performance.now() - started) / 1000);

  let disagreements = 0;
  let first: unknown;
  cases.forEach((facts, i) => {
    const summary = (e: Evaluation): unknown => [e.grade, e.route, e.meetingType, e.flags, e.specialMeetingInvitees, e.deadlines, e.inviteDeputyProfessions, e.error];
    const same = isDeepStrictEqual(reference[i], fast[i]) && isDeepStrictEqual(summary(reference[i]), summary(bare[i]));
    if (!same) {
      disagreements++;
      first ??= { facts, engine: reference[i], compiled: fast[i] };
    }
  });
  return { disagreements, first, engineRate, compiledRate, compiledBareRate };
}

const rate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en-US')} cases/s`;

describe('CompiledRuleSet', () => {
  it('gives the hand-graded corpus the same full evaluation as the engine', async () => {
    const definition = loadDefaultRuleSet();
    const runner = RuleSetRunner.fromDefinition(definition);
    const compiled = CompiledRuleSet.compile(definition);
    for (const { facts } of RULES_CORPUS) expect(compiled.evaluate(facts)).toEqual(await runner.evaluate(facts));
  });

  it('agrees with json-rules-engine on 100,000 seeded random cases of the default rule set', async () => {
    const next = prng(20260101);
    const cases = Array.from({ length: 100_000 }, () => randomCaseFacts(next));
    const result = await compareOn(loadDefaultRuleSet(), cases);
    console.log(
      `default rule set, ${cases.length} cases: json-rules-engine ${rate(result.engineRate)}; ` +
        `compiled ${rate(result.compiledRate)} (with explanations), ${rate(result.compiledBareRate)} (without)`,
    );
    expect(result.first).toBeUndefined();
    expect(result.disagreements).toBe(0);
    // The generator really reaches every outcome.
    const compiled = CompiledRuleSet.compile(loadDefaultRuleSet());
    const grades = new Set(cases.slice(0, 2_000).map((facts) => compiled.evaluate(facts).grade));
    expect(grades).toEqual(new Set(['normal', 'escalated', 'joint-consultation']));
  });

  it('agrees with json-rules-engine on 20,000 seeded random cases of a rule set using every construct', async () => {
    const next = prng(7);
    const cases = Array.from({ length: 20_000 }, () => randomCaseFacts(next));
    const result = await compareOn(KITCHEN_SINK, cases);
    expect(result.first).toBeUndefined();
    expect(result.disagreements).toBe(0);
    const compiled = CompiledRuleSet.compile(KITCHEN_SINK);
    const errors = cases.map((facts) => compiled.evaluate(facts).error).filter((e) => e !== null);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set(['RULE_ERROR: TypeError']));
  });

  it('evaluates a case without explanations when asked, keeping the outcome', () => {
    const compiled = CompiledRuleSet.compile(loadDefaultRuleSet());
    const evaluation = compiled.evaluate(buildCaseFacts({ headcount: 6 }), { explain: false });
    expect(evaluation.grade).toBe('escalated');
    expect(evaluation.firedRules.every((rule) => rule.conditions.length === 0)).toBe(true);
  });

  it('refuses a rule with an unknown operator at compile time', () => {
    const definition: RuleSetDefinition = {
      ...KITCHEN_SINK,
      rules: [{ name: 'x', priority: 1, conditions: { all: [{ fact: 'headcount', operator: 'atLeast', value: 1 }] }, event: { type: 'flag', params: { flag: 'x' } } }],
    };
    expect(() => CompiledRuleSet.compile(definition)).toThrow(expect.objectContaining({ code: 'RULESET_INVALID' }));
  });
});
