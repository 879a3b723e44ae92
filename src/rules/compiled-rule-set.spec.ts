import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { projectPath } from '../../config/paths.js';
import { buildCaseFacts, RULES_CORPUS } from '../../test/fixtures/rules-corpus.js';
import { KITCHEN_SINK, KITCHEN_SINK_UNIT_CODES, randomCaseFacts } from '../../test/fixtures/rules-differential.js';
import { seededRandom } from '../common/seeded-random.js';
import { CompiledRuleSet } from './compiled-rule-set.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import type { CaseFacts } from './evaluation.types.js';
import { RuleSetRunner } from './rule-set-runner.js';
import { validateRuleSet } from './rule-set-validator.js';
import type { RuleSetDefinition } from './rule-set.types.js';

/**
 * Seeded random cases per differential run. The suite keeps the comparison (every grade, the fallback
 * route and failing runs are reached); the 100,000-case run of the default set and the rates of both
 * paths are `bench/rules-differential.ts` (docs/benchmarks-rules.md).
 */
const DEFAULT_SET_CASES = 10_000;
const KITCHEN_SINK_CASES = 5_000;

/**
 * json-rules-engine runs about 5x slower inside Jest (its promise hooks) than in plain Node, so the
 * differential runs in worker threads on plain-Node JavaScript transpiled from these very sources:
 * each worker evaluates its share of the cases on both paths and compares the full Evaluations.
 */
function transpileRulesSources(entries: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'rules-differential-'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(projectPath('node_modules'), join(root, 'node_modules'), 'dir');
  const pending = [...entries];
  const done = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (done.has(file)) continue;
    done.add(file);
    const { outputText } = ts.transpileModule(readFileSync(projectPath(file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const target = join(root, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
    for (const match of outputText.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      pending.push(posix.join(posix.dirname(file), `${match[1]}.ts`));
    }
  }
  return root;
}

/** Runs in each worker (plain Node): both paths over its cases, then compared. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { isDeepStrictEqual } = require('node:util');
(async () => {
  const { RuleSetRunner } = await import(workerData.runnerUrl);
  const { CompiledRuleSet } = await import(workerData.compiledUrl);
  const { definition, cases } = workerData;
  const runner = RuleSetRunner.fromDefinition(definition, { timeoutMs: 60000 });
  const compiled = CompiledRuleSet.compile(definition);
  const reference = [];
  for (const facts of cases) reference.push(await runner.evaluate(facts));
  const full = cases.map((facts) => compiled.evaluate(facts));
  const bare = cases.map((facts) => compiled.evaluate(facts, { explain: false }));
  const outcome = (e) => [e.grade, e.route, e.meetingType, e.flags, e.specialMeetingInvitees, e.deadlines, e.inviteDeputyProfessions, e.error];
  let disagreements = 0;
  let first = null;
  const grades = {};
  const errors = {};
  cases.forEach((facts, i) => {
    grades[reference[i].grade] = (grades[reference[i].grade] ?? 0) + 1;
    if (reference[i].error) errors[reference[i].error] = (errors[reference[i].error] ?? 0) + 1;
    if (!isDeepStrictEqual(reference[i], full[i]) || !isDeepStrictEqual(outcome(reference[i]), outcome(bare[i]))) {
      disagreements++;
      first ??= { facts, engine: reference[i], compiled: full[i], compiledWithoutExplanation: bare[i] };
    }
  });
  parentPort.postMessage({ cases: cases.length, disagreements, first, grades, errors });
})().catch((error) => parentPort.postMessage({ failure: String(error && error.stack ? error.stack : error) }));
`;

interface WorkerReport {
  cases: number;
  disagreements: number;
  first: unknown;
  grades: Record<string, number>;
  errors: Record<string, number>;
  failure?: string;
}

interface DifferentialReport {
  cases: number;
  disagreements: number;
  first: unknown;
  grades: Record<string, number>;
  errors: Record<string, number>;
}

let sourcesRoot: string;

function runWorker(definition: RuleSetDefinition, cases: readonly CaseFacts[]): Promise<WorkerReport> {
  const url = (file: string): string => pathToFileURL(join(sourcesRoot, file)).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { definition, cases, runnerUrl: url('src/rules/rule-set-runner.js'), compiledUrl: url('src/rules/compiled-rule-set.js') },
    });
    worker.once('message', (report: WorkerReport) => {
      void worker.terminate();
      if (report.failure) reject(new Error(report.failure));
      else resolve(report);
    });
    worker.once('error', reject);
  });
}

async function differential(definition: RuleSetDefinition, cases: readonly CaseFacts[], workers = 2): Promise<DifferentialReport> {
  const size = Math.ceil(cases.length / workers);
  const reports = await Promise.all(Array.from({ length: workers }, (_, w) => runWorker(definition, cases.slice(w * size, (w + 1) * size))));
  const sum = (pick: (r: WorkerReport) => number): number => reports.reduce((total, r) => total + pick(r), 0);
  const merge = (pick: (r: WorkerReport) => Record<string, number>): Record<string, number> => {
    const merged: Record<string, number> = {};
    for (const report of reports) for (const [key, n] of Object.entries(pick(report))) merged[key] = (merged[key] ?? 0) + n;
    return merged;
  };
  return {
    cases: sum((r) => r.cases),
    disagreements: sum((r) => r.disagreements),
    first: reports.find((r) => r.first !== null)?.first,
    grades: merge((r) => r.grades),
    errors: merge((r) => r.errors),
  };
}

/** A few seconds on a quiet 2-core machine; much longer when other jobs load it. */
const DIFFERENTIAL_TIMEOUT_MS = 300_000;

describe('CompiledRuleSet', () => {
  beforeAll(() => {
    sourcesRoot = transpileRulesSources(['src/rules/rule-set-runner.ts', 'src/rules/compiled-rule-set.ts']);
  });

  afterAll(() => {
    rmSync(sourcesRoot, { recursive: true, force: true });
  });

  it('gives the hand-graded corpus the same full evaluation as the engine', async () => {
    const definition = loadDefaultRuleSet();
    const runner = RuleSetRunner.fromDefinition(definition);
    const compiled = CompiledRuleSet.compile(definition);
    for (const { facts } of RULES_CORPUS) expect(compiled.evaluate(facts)).toEqual(await runner.evaluate(facts));
  });

  it('agrees with json-rules-engine on seeded random cases of the default rule set', async () => {
    const next = seededRandom(20260101);
    const cases = Array.from({ length: DEFAULT_SET_CASES }, () => randomCaseFacts(next));
    const report = await differential(loadDefaultRuleSet(), cases);
    expect(report.first).toBeUndefined();
    expect(report.disagreements).toBe(0);
    expect(report.cases).toBe(DEFAULT_SET_CASES);
    // The generator reaches every grade, and the fallback route, without failing runs.
    expect(Object.keys(report.grades).sort()).toEqual(['escalated', 'joint-consultation', 'normal']);
    expect(report.errors).toEqual({});
  }, DIFFERENTIAL_TIMEOUT_MS);

  it('agrees with json-rules-engine on seeded random cases of a rule set using every construct', async () => {
    const next = seededRandom(7);
    const cases = Array.from({ length: KITCHEN_SINK_CASES }, () => randomCaseFacts(next));
    expect(validateRuleSet(KITCHEN_SINK, { unitCodes: KITCHEN_SINK_UNIT_CODES }).errors).toEqual([]);
    const report = await differential(KITCHEN_SINK, cases);
    expect(report.first).toBeUndefined();
    expect(report.disagreements).toBe(0);
    expect(report.cases).toBe(KITCHEN_SINK_CASES);
    // Some runs fail (the rule that throws for 50 petitioners) and both paths fail them alike.
    expect(Object.keys(report.errors)).toEqual(['RULE_ERROR: TypeError']);
  }, DIFFERENTIAL_TIMEOUT_MS);

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
