/**
 * Rules benchmark 1: single-case evaluation latency with the shipped rule set
 * (config/rules/default.json), in plain Node, no database.
 *
 *   npx tsc -p bench/tsconfig.json
 *   node dist/bench/rules-eval.js [--cases 4000] [--rounds 5] [--warmup 3000] [--seed 11] [--out /tmp/rules-bench]
 *
 * Target (Rules issue): RuleSetRunner.evaluate (json-rules-engine, the production path at intake)
 * p95 ≤ 2 ms per case. The compiled fast path (CompiledRuleSet, used by simulation) is measured
 * side by side, with explanations (what intake would need) and without (what simulation uses).
 *
 * Facts: the 44 hand-written cases of test/fixtures/rules-corpus.ts plus seeded random cases built
 * with its `buildCaseFacts` from the realistic distributions of bench/lib/fixtures.ts (category,
 * region, channel, group petitions, units named by code or by free text, deputy/important/
 * provincial/leader flags, repeat petitions, emerging clusters, dissatisfied related cases).
 * Every evaluation is awaited on its own and timed with performance.now(); rounds alternate
 * runner → compiled so both paths see the same machine noise. Percentiles are exact per round;
 * the summary is the median over rounds. Both paths must agree on every case (checked).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Category } from '../src/domain/case-vocabulary.js';
import { CompiledRuleSet } from '../src/rules/compiled-rule-set.js';
import { loadDefaultRuleSet } from '../src/rules/default-rule-set.js';
import type { CaseFacts, Evaluation } from '../src/rules/evaluation.types.js';
import { RuleSetRunner } from '../src/rules/rule-set-runner.js';
import { buildCaseFacts, RULES_CORPUS } from '../test/fixtures/rules-corpus.js';
import { CATEGORY_SPECS, contentFor, int, pick, pickCategory, pickChannel, pickRegion, type Rand, subjectFor } from './lib/fixtures.js';
import { log } from './lib/env.js';
import { median, percentile, round, table } from './lib/stats.js';
import { seededRandom } from '../src/common/seeded-random.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '11' },
    out: { type: 'string', default: '/tmp/rules-bench' },
  },
});
const caseCount = Number(args.cases);
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);
const TARGET_P95_MS = 2;

const FREE_TEXT_UNITS = ['市经信局', '市发改委', '市市场监管局', '区自然资源局', '区农业农村局', '市医保局', '市卫健委', '市财政局', '市住建局'];

/** One realistic, varied case as the rules see it at intake. */
function randomFacts(r: Rand, serial: number): CaseFacts {
  const category: Category = pickCategory(r);
  const region = pickRegion(r);
  const spec = CATEGORY_SPECS[category];
  const group = r() < 0.08;
  const units: string[] = [];
  if (spec.units.length && r() < 0.6) units.push(...spec.units.slice(0, int(r, 1, spec.units.length)));
  if (r() < 0.1) for (let i = int(r, 1, 3); i > 0; i--) units.push(pick(r, FREE_TEXT_UNITS)); // duplicates included
  const repeat = r();
  return buildCaseFacts({
    channel: group ? 'visit' : pickChannel(r),
    category,
    region: region.name,
    headcount: group ? int(r, 2, 40) : r() < 0.05 ? int(r, 2, 4) : 1,
    subject: subjectFor(r, category, region),
    content: contentFor(r, category, region, serial),
    unitsInvolved: units,
    deputyReported: r() < 0.03,
    important: r() < 0.04,
    provincialReferral: r() < 0.04,
    leaderInstructed: r() < 0.02,
    repeatCount: repeat < 0.75 ? 0 : repeat < 0.9 ? 1 : int(r, 2, 6),
    similarOpenCases: r() < 0.85 ? int(r, 0, 3) : int(r, 4, 9),
    relatedDissatisfied: r() < 0.03,
    daysOpen: 0,
    daysToDeadline: null,
  });
}

const r = seededRandom(Number(args.seed));
const facts: CaseFacts[] = [...RULES_CORPUS.map((c) => c.facts)];
while (facts.length < caseCount) facts.push(randomFacts(r, facts.length));

const definition = loadDefaultRuleSet();
const runner = RuleSetRunner.fromDefinition(definition);
const compiled = CompiledRuleSet.compile(definition);

// Sanity: both paths agree on every case, the corpus expectations hold, no run fails.
const key = (e: Evaluation): string =>
  JSON.stringify([e.grade, e.route, e.meetingType, [...e.flags].sort(), [...e.specialMeetingInvitees].sort(), e.firedRules.map((f) => f.name), e.error]);
let disagreements = 0;
let failures = 0;
const grades: Record<string, number> = {};
for (const f of facts) {
  const a = await runner.evaluate(f);
  const b = compiled.evaluate(f);
  if (key(a) !== key(b)) disagreements++;
  if (a.error) failures++;
  grades[a.grade] = (grades[a.grade] ?? 0) + 1;
}
let corpusMismatches = 0;
for (const c of RULES_CORPUS) {
  const e = await runner.evaluate(c.facts);
  if (e.grade !== c.expected.grade || e.meetingType !== c.expected.meetingType || JSON.stringify(e.route) !== JSON.stringify(c.expected.route)) corpusMismatches++;
}
log(`${facts.length} cases (${RULES_CORPUS.length} from the corpus), ${definition.rules.length} rules; grades ${JSON.stringify(grades)}`);
log(`runner vs compiled disagreements: ${disagreements}; failed runs: ${failures}; corpus mismatches: ${corpusMismatches}`);
if (disagreements || failures || corpusMismatches) throw new Error('the two paths disagree or runs fail: fix before timing');

type PathName = 'runner (json-rules-engine)' | 'compiled, explain' | 'compiled, explain:false';
const paths: { name: PathName; run: (f: CaseFacts) => unknown }[] = [
  { name: 'runner (json-rules-engine)', run: (f) => runner.evaluate(f) },
  { name: 'compiled, explain', run: (f) => compiled.evaluate(f) },
  { name: 'compiled, explain:false', run: (f) => compiled.evaluate(f, { explain: false }) },
];

/** Sequential, one case at a time; `await` even for the synchronous path (same harness cost). */
async function timeRound(run: (f: CaseFacts) => unknown, order: number[]): Promise<{ samples: number[]; wallMs: number }> {
  const samples = new Array<number>(order.length);
  const t0 = performance.now();
  for (let i = 0; i < order.length; i++) {
    const s = performance.now();
    await run(facts[order[i]]);
    samples[i] = performance.now() - s;
  }
  return { samples, wallMs: performance.now() - t0 };
}

/** A fresh shuffled order per round (seeded), so no path sees a cache-friendly sequence. */
function shuffled(seed: number): number[] {
  const rr = seededRandom(seed);
  const order = facts.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rr() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

for (const p of paths) await timeRound(p.run, shuffled(1).slice(0, warmup)); // JIT warm-up
for (const p of paths) if (warmup > facts.length) await timeRound(p.run, shuffled(2));

interface RoundRow {
  path: PathName;
  round: number;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSec: number;
}
const rows: RoundRow[] = [];
for (let round_ = 1; round_ <= rounds; round_++) {
  const order = shuffled(100 + round_);
  for (const p of paths) {
    const { samples, wallMs } = await timeRound(p.run, order);
    rows.push({
      path: p.name,
      round: round_,
      n: samples.length,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      max: Math.max(...samples),
      perSec: samples.length / (wallMs / 1000),
    });
  }
}
const ms = (v: number): string => (v < 0.1 ? v.toFixed(4) : v.toFixed(3));
process.stdout.write(
  table(rows.map((x) => ({ path: x.path, round: x.round, n: x.n, 'p50 ms': ms(x.p50), 'p95 ms': ms(x.p95), 'p99 ms': ms(x.p99), 'max ms': ms(x.max), 'cases/s': Math.round(x.perSec) }))) + '\n\n',
);
const summary = paths.map((p) => {
  const mine = rows.filter((x) => x.path === p.name);
  return {
    path: p.name,
    p50: median(mine.map((x) => x.p50)),
    p95: median(mine.map((x) => x.p95)),
    p99: median(mine.map((x) => x.p99)),
    max: median(mine.map((x) => x.max)),
    perSec: median(mine.map((x) => x.perSec)),
  };
});
process.stdout.write('medians over rounds:\n');
process.stdout.write(
  table(summary.map((s) => ({ path: s.path, 'p50 ms': ms(s.p50), 'p95 ms': ms(s.p95), 'p99 ms': ms(s.p99), 'max ms': ms(s.max), 'cases/s': Math.round(s.perSec) }))) + '\n',
);
const runnerP95 = summary[0].p95;
process.stdout.write(`\ntarget: RuleSetRunner.evaluate p95 ≤ ${TARGET_P95_MS} ms → ${round(runnerP95, 3)} ms: ${runnerP95 <= TARGET_P95_MS ? 'PASS' : 'FAIL'}\n`);

mkdirSync(args.out, { recursive: true });
const file = join(args.out, `rules-eval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ cases: facts.length, rounds, warmup, grades, rows, summary, target: { p95Ms: TARGET_P95_MS, pass: runnerP95 <= TARGET_P95_MS } }, null, 2) + '\n');
log(`saved ${file}`);
