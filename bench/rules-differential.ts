/**
 * Rules benchmark 3: the compiled fast path (CompiledRuleSet, used by simulation) against the reference,
 * json-rules-engine (RuleSetRunner, used at intake), on 100,000 seeded random cases of the shipped rule
 * set and 20,000 of a set using every construct; with the single-thread rate of each path in plain Node.
 *
 *   npx tsc -p bench/tsconfig.json
 *   node dist/bench/rules-differential.js [--cases 100000] [--kitchen-sink-cases 20000]   # ~1 min
 *
 * Claim (README, docs/rules.md): 0 disagreements. For every case both paths run; the compiled full
 * Evaluation must equal the engine's (deep equality, explanations included), and without explanations
 * its outcome (grade, route, meeting, flags, invitees, deadlines, deputies, error) must too. The random
 * facts (test/fixtures/rules-differential.ts, same seeds as src/rules/compiled-rule-set.spec.ts, which
 * keeps a smaller run in the suite) reach every grade and the fallback route; the kitchen-sink set also
 * fails some runs, which both paths must fail alike. Exits with 1 when a check fails.
 */
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { seededRandom } from '../src/common/seeded-random.js';
import { CompiledRuleSet } from '../src/rules/compiled-rule-set.js';
import { loadDefaultRuleSet } from '../src/rules/default-rule-set.js';
import type { CaseFacts, Evaluation } from '../src/rules/evaluation.types.js';
import { RuleSetRunner } from '../src/rules/rule-set-runner.js';
import { validateRuleSet } from '../src/rules/rule-set-validator.js';
import type { RuleSetDefinition } from '../src/rules/rule-set.types.js';
import { KITCHEN_SINK, KITCHEN_SINK_UNIT_CODES, randomCaseFacts } from '../test/fixtures/rules-differential.js';
import { log, saveResult } from './lib/env.js';
import { table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    'kitchen-sink-cases': { type: 'string', default: '20000' },
  },
});

interface Report {
  set: string;
  cases: number;
  disagreements: number;
  first: unknown;
  grades: Record<string, number>;
  errors: Record<string, number>;
  /** Single-thread rates in cases/s. */
  engineRate: number;
  compiledRate: number;
  compiledBareRate: number;
}

const outcome = (e: Evaluation): unknown[] => [e.grade, e.route, e.meetingType, e.flags, e.specialMeetingInvitees, e.deadlines, e.inviteDeputyProfessions, e.error];

async function differential(name: string, definition: RuleSetDefinition, cases: readonly CaseFacts[]): Promise<Report> {
  const runner = RuleSetRunner.fromDefinition(definition, { timeoutMs: 60_000 });
  const compiled = CompiledRuleSet.compile(definition);
  let started = performance.now();
  const reference: Evaluation[] = [];
  for (const facts of cases) reference.push(await runner.evaluate(facts));
  const engineMs = performance.now() - started;
  started = performance.now();
  const full = cases.map((facts) => compiled.evaluate(facts));
  const compiledMs = performance.now() - started;
  started = performance.now();
  const bare = cases.map((facts) => compiled.evaluate(facts, { explain: false }));
  const bareMs = performance.now() - started;
  let disagreements = 0;
  let first: unknown = undefined;
  const grades: Record<string, number> = {};
  const errors: Record<string, number> = {};
  cases.forEach((facts, i) => {
    grades[reference[i].grade] = (grades[reference[i].grade] ?? 0) + 1;
    const error = reference[i].error;
    if (error) errors[error] = (errors[error] ?? 0) + 1;
    if (!isDeepStrictEqual(reference[i], full[i]) || !isDeepStrictEqual(outcome(reference[i]), outcome(bare[i]))) {
      disagreements++;
      first ??= { facts, engine: reference[i], compiled: full[i], compiledWithoutExplanation: bare[i] };
    }
  });
  const rate = (ms: number): number => Math.round(cases.length / (ms / 1000));
  return { set: name, cases: cases.length, disagreements, first, grades, errors, engineRate: rate(engineMs), compiledRate: rate(compiledMs), compiledBareRate: rate(bareMs) };
}

const casesOf = (seed: number, count: number): CaseFacts[] => {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => randomCaseFacts(next));
};

const problems: string[] = [];
const check = (ok: boolean, what: string): void => {
  if (!ok) problems.push(what);
};

const kitchenSinkProblems = validateRuleSet(KITCHEN_SINK, { unitCodes: KITCHEN_SINK_UNIT_CODES }).errors;
check(kitchenSinkProblems.length === 0, `the kitchen-sink set is invalid: ${JSON.stringify(kitchenSinkProblems)}`);

const shipped = await differential('default (config/rules/default.json)', loadDefaultRuleSet(), casesOf(20260101, Number(args.cases)));
check(shipped.disagreements === 0, `default set: ${shipped.disagreements} disagreements, first ${JSON.stringify(shipped.first)}`);
check(shipped.cases === Number(args.cases), `default set: ${shipped.cases} cases compared`);
check(isDeepStrictEqual(Object.keys(shipped.grades).sort(), ['escalated', 'joint-consultation', 'normal']), `default set: grades reached ${JSON.stringify(shipped.grades)}`);
check(Object.keys(shipped.errors).length === 0, `default set: failed runs ${JSON.stringify(shipped.errors)}`);

const sink = await differential('kitchen sink (every construct)', KITCHEN_SINK, casesOf(7, Number(args['kitchen-sink-cases'])));
check(sink.disagreements === 0, `kitchen sink: ${sink.disagreements} disagreements, first ${JSON.stringify(sink.first)}`);
check(isDeepStrictEqual(Object.keys(sink.errors), ['RULE_ERROR: TypeError']), `kitchen sink: failed runs ${JSON.stringify(sink.errors)}`);

const perSecond = (n: number): string => `${n.toLocaleString('en-US')} cases/s`;
log(
  '\n' +
    table(
      [shipped, sink].map((r) => ({
        'rule set': r.set,
        cases: r.cases,
        disagreements: r.disagreements,
        'json-rules-engine': perSecond(r.engineRate),
        'compiled (explain)': perSecond(r.compiledRate),
        'compiled (explain:false)': perSecond(r.compiledBareRate),
      })),
    ),
);
log(`results: ${saveResult('rules-differential', { args, reports: [shipped, sink], problems })}`);
if (problems.length) {
  for (const p of problems) log(`FAIL ${p}`);
  process.exitCode = 1;
} else {
  log('0 disagreements; every grade reached; failing runs failed alike on both paths');
}
