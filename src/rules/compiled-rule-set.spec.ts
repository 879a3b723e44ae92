import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { distinctUnits, GROUP_PETITION_HEADCOUNT } from '../cases/case-facts.js';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import ts from 'typescript';
import { projectPath } from '../../config/paths.js';
import { CATEGORIES, CHANNELS } from '../domain/case-vocabulary.js';
import { buildCaseFacts, RULES_CORPUS } from '../../test/fixtures/rules-corpus.js';
import { CompiledRuleSet } from './compiled-rule-set.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import type { CaseFacts } from './evaluation.types.js';
import { RuleSetRunner } from './rule-set-runner.js';
import { validateRuleSet } from './rule-set-validator.js';
import type { RuleSetDefinition } from './rule-set.types.js';
import { seededRandom } from '../common/seeded-random.js';


const REGIONS = ['茅箭区', '张湾区', '郧阳区', '郧西县', '竹山县', '竹溪县', '房县', '丹江口市'];
const SUBJECTS = ['老旧小区改造', '物业管理', '拖欠工资', '社保断缴', '企业上下游配套纠纷', '判决执行难', '立法建议', '学区划分', '医保报销', '土地征收补偿'];
const UNITS = ['市住建局', '市人社局', 'COURT', 'PROC', 'GOV', '市住建局', ' ', ''];
/** Values around every threshold of the default policy. */
const HEADCOUNTS = [1, 1, 2, 3, 4, 5, 6, 19, 20, 21, 50];

function randomCaseFacts(next: () => number): CaseFacts {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number): boolean => next() < p;
  const unitCount = pick([0, 0, 1, 1, 2, 3]);
  const unitsInvolved = Array.from({ length: unitCount }, () => pick(UNITS));
  const headcount = pick(HEADCOUNTS);
  return {
    channel: pick(CHANNELS),
    // 1 % of cases carry a category no route rule knows, to exercise the fallback route.
    category: chance(0.01) ? ('unknown' as CaseFacts['category']) : pick(CATEGORIES),
    region: pick(REGIONS),
    headcount,
    subject: pick(SUBJECTS),
    content: `${pick(SUBJECTS)}，${pick(SUBJECTS)}`,
    unitsInvolved,
    unitsInvolvedCount: distinctUnits(unitsInvolved),
    isGroup: headcount >= GROUP_PETITION_HEADCOUNT,
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

/**
 * json-rules-engine runs about 5x slower inside Jest (its promise hooks) than in plain Node, so the
 * differential runs in worker threads on plain-Node JavaScript transpiled from these very sources:
 * each worker evaluates its share of the cases on both paths and compares the full Evaluations.
 * The printed rates are therefore what production sees.
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

/** Runs in each worker (plain Node): both paths over its cases, timed, then compared. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { isDeepStrictEqual } = require('node:util');
(async () => {
  const { RuleSetRunner } = await import(workerData.runnerUrl);
  const { CompiledRuleSet } = await import(workerData.compiledUrl);
  const { definition, cases } = workerData;
  const runner = RuleSetRunner.fromDefinition(definition, { timeoutMs: 60000 });
  const compiled = CompiledRuleSet.compile(definition);
  let started = performance.now();
  const reference = [];
  for (const facts of cases) reference.push(await runner.evaluate(facts));
  const engineMs = performance.now() - started;
  started = performance.now();
  const full = cases.map((facts) => compiled.evaluate(facts));
  const compiledMs = performance.now() - started;
  started = performance.now();
  const bare = cases.map((facts) => compiled.evaluate(facts, { explain: false }));
  const bareMs = performance.now() - started;
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
  parentPort.postMessage({ cases: cases.length, disagreements, first, engineMs, compiledMs, bareMs, grades, errors });
})().catch((error) => parentPort.postMessage({ failure: String(error && error.stack ? error.stack : error) }));
`;

interface WorkerReport {
  cases: number;
  disagreements: number;
  first: unknown;
  engineMs: number;
  compiledMs: number;
  bareMs: number;
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
  /** Single-thread rates in cases/s. */
  engineRate: number;
  compiledRate: number;
  compiledBareRate: number;
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
    engineRate: sum((r) => r.cases) / (sum((r) => r.engineMs) / 1000),
    compiledRate: sum((r) => r.cases) / (sum((r) => r.compiledMs) / 1000),
    compiledBareRate: sum((r) => r.cases) / (sum((r) => r.bareMs) / 1000),
  };
}

const rate = (perSecond: number): string => `${Math.round(perSecond).toLocaleString('en-US')} cases/s`;

/** ~15 s on a quiet 2-core machine; minutes when other jobs load it: the run is deliberately large. */
const DIFFERENTIAL_TIMEOUT_MS = 600_000;

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

  it('agrees with json-rules-engine on 100,000 seeded random cases of the default rule set', async () => {
    const next = seededRandom(20260101);
    const cases = Array.from({ length: 100_000 }, () => randomCaseFacts(next));
    const report = await differential(loadDefaultRuleSet(), cases);
    console.log(
      `default rule set, ${report.cases} cases, per thread in plain Node: json-rules-engine ${rate(report.engineRate)}; ` +
        `compiled ${rate(report.compiledRate)} (with explanations), ${rate(report.compiledBareRate)} (without)`,
    );
    expect(report.first).toBeUndefined();
    expect(report.disagreements).toBe(0);
    expect(report.cases).toBe(100_000);
    // The generator reaches every grade, and the fallback route, without failing runs.
    expect(Object.keys(report.grades).sort()).toEqual(['escalated', 'joint-consultation', 'normal']);
    expect(report.errors).toEqual({});
  }, DIFFERENTIAL_TIMEOUT_MS);

  it('agrees with json-rules-engine on 20,000 seeded random cases of a rule set using every construct', async () => {
    const next = seededRandom(7);
    const cases = Array.from({ length: 20_000 }, () => randomCaseFacts(next));
    expect(validateRuleSet(KITCHEN_SINK, { unitCodes: ['OFFICE', 'SDC', 'SJC', 'GOV', 'COURT'] }).errors).toEqual([]);
    const report = await differential(KITCHEN_SINK, cases);
    expect(report.first).toBeUndefined();
    expect(report.disagreements).toBe(0);
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
