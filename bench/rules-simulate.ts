/**
 * Rules benchmark 2: `POST /rules/sets/:id/simulate` end to end against the running service,
 * and (with --profile) where the time of a simulation goes.
 *
 *   npm run build && npx tsc -p bench/tsconfig.json
 *   node dist/bench/load-cases.js --profile ledger --database bench_rules_100k --count 100000 --reuse
 *   node dist/bench/load-cases.js --profile ledger --database bench_rules --reuse          # 10^6 cases
 *   node dist/bench/rules-simulate.js --targets sqlite-100k,mysql-100k [--rounds 3]
 *   node dist/bench/rules-simulate.js --targets mysql-1m [--rounds 3]
 *   node dist/bench/rules-simulate.js --targets sqlite-100k,mysql-100k --job --rounds 5   # the job path side by side
 *   node dist/bench/rules-simulate.js --profile [--database bench_rules] [--profile-cases 1000000] [--profile-rounds 3]
 *   node dist/bench/rules-simulate.js --profile --profile-backend sqlite --profile-cases 100000   # SQLite file of the 100k target
 *
 * Targets (Rules issue): simulate over 100,000 stored cases ≤ 5 s (SQLite embedded and MariaDB),
 * over 10^6 cases ≤ 30 s (MariaDB), end to end via HTTP.
 *
 * --job (issue 13, 试运行作业): every round also runs the same draft as a job (`POST
 * /rules/sets/:id/simulations`, then `GET /rules/simulations/:runId` every --poll-ms (100) until it is done:
 * the time an admin waits for the finished matrices, progress writes and the kept cell cases
 * included), alternating which path goes first. Targets for the job path: no slower than the
 * synchronous path's figures of issue 13, 3.3 s (SQLite) / 2.7 s (MariaDB) at 10^5 cases. On
 * MariaDB the service runs with Redis, so a Bull worker runs the job as in production.
 *
 * HTTP mode: starts the built service (bench/lib/processes.ts) on the database, logs in as admin,
 * creates a draft from the active (shipped) set with the group threshold 5 → 3 and the repeat
 * threshold 2 → 1 (bench data has headcount 1 or ≥ 5, so 5 → 3 alone changes nothing: checked
 * below too), then sends the simulate request --warmup + --rounds times, one at a time, timing each
 * from request to parsed JSON. Reports medians over the timed rounds, the server's own durationMs,
 * CPU seconds of the service and of mariadbd per run, and checks scanned = N and changed > 0.
 * SQLite: the 100,000 cases of bench_rules_100k are copied once into a SQLite file created by the
 * service's own migrations (cached in --sqlite-dir); every run starts the service in embedded mode
 * (no DATABASE_URL, in-process jobs) on a fresh copy of it. The daily sweep and monthly look-back
 * are marked done so no background job runs during a measurement.
 *
 * --profile: in this process, on the MariaDB database, with the service's own CaseSimulationRepository
 * and CompiledRuleSet: the simulation loop with the time split per batch into read (SQL + driver +
 * TypeORM hydration) and evaluation; the same query with getRawMany (no hydration); and alternative
 * read paths (raw SQL rows mapped straight to facts, larger batches, fewer columns) with their
 * results checked equal to the service's loop.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { PetitionCase } from '../src/cases/case.entity.js';
import { storedCaseFacts } from '../src/cases/case-facts.js';
import { buildDataSourceOptions } from '../src/data-source-options.js';
import { JOB_NAMES } from '../src/jobs/job-names.js';
import { CompiledRuleSet } from '../src/rules/compiled-rule-set.js';
import { loadDefaultRuleSet } from '../src/rules/default-rule-set.js';
import type { CaseFacts, Evaluation } from '../src/rules/evaluation.types.js';
import type { RuleDefinition, RuleSetDefinition } from '../src/rules/rule-set.types.js';
import { CaseSimulationRepository, FACT_COLUMNS, type SimulationRow } from '../src/cases/case-simulation.repository.js';
import type { SimulationReport } from '../src/rule-sets/simulation.service.js';
import { cpuSeconds, databaseServerPid } from './lib/cpu.js';
import { databaseUrl, log } from './lib/env.js';
import { databaseConnection, scalar, suppressDailySweep } from './lib/mysql.js';
import { login, type RunningProcess, startService } from './lib/processes.js';
import { median, table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    targets: { type: 'string', default: 'sqlite-100k,mysql-100k' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    port: { type: 'string', default: '3141' },
    database: { type: 'string', default: 'bench_rules' },
    'database-100k': { type: 'string', default: 'bench_rules_100k' },
    'sqlite-dir': { type: 'string', default: '/tmp/rules-bench/sqlite' },
    profile: { type: 'boolean', default: false },
    'profile-cases': { type: 'string', default: '1000000' },
    'profile-rounds': { type: 'string', default: '3' },
    'profile-backend': { type: 'string', default: 'mysql' },
    'skip-threshold-check': { type: 'boolean', default: false },
    job: { type: 'boolean', default: false },
    'poll-ms': { type: 'string', default: '100' },
    out: { type: 'string', default: '/tmp/rules-bench' },
  },
});
const rounds = Number(args.rounds);
const warmup = Number(args.warmup);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
mkdirSync(args.out, { recursive: true });
const save = (name: string, data: unknown): void => {
  const file = join(args.out, `${name}-${stamp}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  log(`saved ${file}`);
};

// ---------------------------------------------------------------------------------------------
// The draft: the active set with thresholds lowered (written as data, like an admin would).

type Condition = { fact?: string; operator?: string; value?: unknown; all?: Condition[]; any?: Condition[]; not?: Condition };
function withThreshold(rules: RuleDefinition[], fact: string, from: number, to: number): RuleDefinition[] {
  const copy = JSON.parse(JSON.stringify(rules)) as RuleDefinition[];
  let changed = 0;
  const walk = (c: Condition): void => {
    if (c.fact === fact && c.operator === 'greaterThanInclusive' && c.value === from) {
      c.value = to;
      changed++;
    }
    for (const k of ['all', 'any'] as const) c[k]?.forEach(walk);
    if (c.not) walk(c.not);
  };
  copy.forEach((r) => walk(r.conditions));
  if (!changed) throw new Error(`no ${fact} ≥ ${from} condition in the rule set`);
  return copy;
}
const groupOnly = (rules: RuleDefinition[]): RuleDefinition[] => withThreshold(rules, 'headcount', 5, 3);
const draftRules = (rules: RuleDefinition[]): RuleDefinition[] => withThreshold(groupOnly(rules), 'repeatCount', 2, 1);

// ---------------------------------------------------------------------------------------------
// HTTP (node:http: no client-side timeout on a long simulation).

function request<T>(baseUrl: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T; ms: number }> {
  const url = new URL(path, baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const parsed = JSON.parse(text) as T;
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - t0 });
          } catch (error) {
            reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 500)} (${String(error)})`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

interface RuleSetView {
  id: string;
  version: number;
  rules: RuleDefinition[];
  precedence: string[];
}

// ---------------------------------------------------------------------------------------------
// SQLite: a file with the service's schema holding the 100,000 cases of bench_rules_100k.

const sqliteDate = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 23).replace('T', ' ') : null);

async function prepareSqlite(source: string, count: number): Promise<string> {
  const base = join(args['sqlite-dir'], `cases-${count}.sqlite`);
  if (existsSync(base)) {
    const db = new Database(base, { readonly: true });
    const n = (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
    db.close();
    if (n === count) return base;
    rmSync(base);
  }
  mkdirSync(args['sqlite-dir'], { recursive: true });
  const building = `${base}.building`;
  rmSync(building, { force: true });
  const t0 = performance.now();
  const ds = new DataSource(buildDataSourceOptions({ kind: 'sqlite', path: building }, true));
  await ds.initialize(); // the service's migrations
  await ds.destroy();
  const db = new Database(building);
  db.pragma('journal_mode = WAL');
  const mysqlConn = await mysql.createConnection({ uri: databaseUrl(source), timezone: 'Z', dateStrings: true, supportBigNumbers: true });
  const [colRows] = await mysqlConn.query<mysql.RowDataPacket[]>(
    "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'cases' ORDER BY ORDINAL_POSITION",
    [source],
  );
  const columns = colRows.map((r) => String(r.c));
  const insert = db.prepare(`INSERT INTO cases (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
  const insertMany = db.transaction((rows: mysql.RowDataPacket[]) => {
    for (const row of rows) insert.run(columns.map((c) => row[c] as unknown));
  });
  let after = '';
  let copied = 0;
  while (copied < count) {
    const [rows] = await mysqlConn.query<mysql.RowDataPacket[]>('SELECT * FROM cases WHERE id > ? ORDER BY id LIMIT 10000', [after]);
    if (!rows.length) break;
    insertMany(rows.slice(0, count - copied));
    copied += Math.min(rows.length, count - copied);
    after = String(rows[rows.length - 1].id);
  }
  await mysqlConn.end();
  // The daily sweep and the monthly look-back would otherwise start with the service.
  const now = new Date();
  const insertJob = db.prepare(
    'INSERT INTO outbox_jobs (id, name, payload, dedupeKey, status, attempts, maxAttempts, runAt, createdAt, finishedAt) VALUES (?, ?, ?, ?, ?, 1, 8, ?, ?, ?)',
  );
  for (const key of backgroundJobKeys(now)) insertJob.run(randomUUID(), key.name, JSON.stringify(key.payload), key.dedupeKey, 'done', sqliteDate(now), sqliteDate(now), sqliteDate(now));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  copyFileSync(building, base);
  rmSync(building, { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  log(`SQLite file with ${copied} cases built in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${base}`);
  return base;
}

/** Dedupe keys of the daily sweep (today, tomorrow) and the monthly look-back (this month, next). */
function backgroundJobKeys(now: Date): { name: string; payload: unknown; dedupeKey: string }[] {
  const local = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' });
  const keys: { name: string; payload: unknown; dedupeKey: string }[] = [];
  for (const day of [local, local.plus({ days: 1 })]) {
    keys.push({ name: JOB_NAMES.deadlineSweep, payload: { requestedBy: 'schedule' }, dedupeKey: `${JOB_NAMES.deadlineSweep}:daily:${day.toISODate() ?? ''}` });
  }
  for (const month of [local, local.plus({ months: 1 })]) {
    const period = month.toFormat('yyyy-MM');
    keys.push({ name: JOB_NAMES.lookback, payload: { period }, dedupeKey: `${JOB_NAMES.lookback}:monthly:${period}` });
  }
  return keys;
}

async function suppressBackgroundJobsMysql(database: string): Promise<void> {
  const conn = await databaseConnection(database);
  try {
    await suppressDailySweep(conn);
    const now = new Date();
    for (const key of backgroundJobKeys(now).filter((k) => k.name === JOB_NAMES.lookback)) {
      await conn.query(
        `INSERT IGNORE INTO outbox_jobs (id, name, payload, dedupeKey, status, attempts, maxAttempts, runAt, createdAt, finishedAt)
         VALUES (UUID(), ?, ?, ?, 'done', 1, 8, ?, ?, ?)`,
        [key.name, JSON.stringify(key.payload), key.dedupeKey, now, now, now],
      );
    }
  } finally {
    await conn.end();
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP mode.

interface RunRow {
  target: string;
  path: 'sync' | 'job';
  run: string;
  e2eMs: number;
  serverMs: number;
  scanned: number;
  changed: number;
  serviceCpuS: number;
  dbCpuS: number;
  /** Job path: distinct progress values seen while polling (each one a progress write). */
  progressSeen?: number;
}

interface RunView {
  id: string;
  status: string;
  scanned: number;
  total: number;
  durationMs: number | null;
  error: string | null;
  report: { scanned: number; changed: number } | null;
}

async function httpTarget(target: string): Promise<{ runs: RunRow[]; report: SimulationReport; groupOnly: { scanned: number; changed: number } | null; n: number }> {
  const [backend, size] = target.split('-');
  const n = size === '1m' ? 1_000_000 : 100_000;
  const database = size === '1m' ? args.database : args['database-100k'];
  let service: RunningProcess | null = null;
  let dataDir: string | null = null;
  const dbPid = databaseServerPid();
  try {
    const conn = await databaseConnection(database);
    const stored = await scalar<number>(conn, 'SELECT COUNT(*) FROM cases');
    await conn.end();
    if (stored !== n) throw new Error(`${database} holds ${stored} cases, expected ${n}: run load-cases.js first (see the header)`);
    if (backend === 'sqlite') {
      const base = await prepareSqlite(database, n);
      dataDir = mkdtempSync(join(tmpdir(), 'xf-rules-sqlite-'));
      copyFileSync(base, join(dataDir, 'petitions.sqlite'));
      // No DATABASE_URL: embedded mode (SQLite in DATA_DIR, in-process jobs).
      service = await startService({ database, port: Number(args.port), redis: false, env: { DATABASE_URL: '', DATA_DIR: dataDir } });
    } else {
      await suppressBackgroundJobsMysql(database);
      service = await startService({ database, port: Number(args.port), env: { DATABASE_URL: databaseUrl(database).replace(/^mysql:/, 'mariadb:') } });
    }
    const token = await login(service.url);
    const active = await request<RuleSetView>(service.url, 'GET', '/rules/active', token);
    if (active.status !== 200) throw new Error(`GET /rules/active: ${active.status}`);
    const createDraft = async (note: string, rules: RuleDefinition[]): Promise<string> => {
      const res = await request<RuleSetView>(service?.url ?? '', 'POST', '/rules/sets', token, { note, rules, precedence: active.body.precedence, basedOn: active.body.version });
      if (res.status !== 201) throw new Error(`POST /rules/sets: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    };
    const draftId = await createDraft('集体访门槛 5→3，重复访门槛 2→1（基准测试）', draftRules(active.body.rules));
    const simulate = async (id: string): Promise<{ ms: number; report: SimulationReport; cpu: [number, number] }> => {
      const cpu0 = [cpuSeconds(service?.pid ?? -1), dbPid ? cpuSeconds(dbPid) : NaN];
      const res = await request<SimulationReport>(service?.url ?? '', 'POST', `/rules/sets/${id}/simulate`, token, { examples: 5 });
      const cpu1 = [cpuSeconds(service?.pid ?? -1), dbPid ? cpuSeconds(dbPid) : NaN];
      if (res.status !== 200) throw new Error(`simulate: ${res.status} ${JSON.stringify(res.body)}`);
      return { ms: res.ms, report: res.body, cpu: [cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]] };
    };
    /** The job path: start a run, poll until it is finished; the time is from the POST to the finished run seen. */
    const simulateJob = async (id: string): Promise<{ ms: number; run: RunView; cpu: [number, number]; progressSeen: number }> => {
      const url = service?.url ?? '';
      const cpu0 = [cpuSeconds(service?.pid ?? -1), dbPid ? cpuSeconds(dbPid) : NaN];
      const t0 = performance.now();
      const started = await request<RunView>(url, 'POST', `/rules/sets/${id}/simulations`, token, {});
      if (started.status !== 202) throw new Error(`POST simulations: ${started.status} ${JSON.stringify(started.body)}`);
      const seen = new Set<number>();
      for (;;) {
        const res = await request<RunView>(url, 'GET', `/rules/simulations/${started.body.id}`, token);
        if (res.status !== 200) throw new Error(`GET simulation: ${res.status} ${JSON.stringify(res.body)}`);
        if (res.body.status === 'running') seen.add(res.body.scanned);
        if (['done', 'failed', 'cancelled'].includes(res.body.status)) {
          const ms = performance.now() - t0;
          const cpu1 = [cpuSeconds(service?.pid ?? -1), dbPid ? cpuSeconds(dbPid) : NaN];
          if (res.body.status !== 'done') throw new Error(`simulation run ${res.body.status}: ${res.body.error ?? ''}`);
          return { ms, run: res.body, cpu: [cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]], progressSeen: seen.size };
        }
        await new Promise((resolve) => setTimeout(resolve, Number(args['poll-ms'])));
      }
    };
    const runs: RunRow[] = [];
    const reports: SimulationReport[] = [];
    for (let i = 1; i <= warmup + rounds; i++) {
      const label = i <= warmup ? `warm-up ${i}` : `round ${i - warmup}`;
      const sync = async (): Promise<void> => {
        const r = await simulate(draftId);
        reports.push(r.report);
        runs.push({
          target,
          path: 'sync',
          run: label,
          e2eMs: r.ms,
          serverMs: r.report.durationMs,
          scanned: r.report.scanned,
          changed: r.report.changed,
          serviceCpuS: r.cpu[0],
          dbCpuS: backend === 'sqlite' ? NaN : r.cpu[1],
        });
        log(`${target} sync ${label}: ${Math.round(r.ms)} ms end to end (server ${r.report.durationMs} ms), scanned ${r.report.scanned}, changed ${r.report.changed}`);
      };
      const job = async (): Promise<void> => {
        const r = await simulateJob(draftId);
        runs.push({
          target,
          path: 'job',
          run: label,
          e2eMs: r.ms,
          serverMs: r.run.durationMs ?? NaN,
          scanned: r.run.report?.scanned ?? 0,
          changed: r.run.report?.changed ?? 0,
          serviceCpuS: r.cpu[0],
          dbCpuS: backend === 'sqlite' ? NaN : r.cpu[1],
          progressSeen: r.progressSeen,
        });
        log(`${target} job ${label}: ${Math.round(r.ms)} ms from POST to done (run ${r.run.durationMs} ms), scanned ${r.run.scanned}/${r.run.total}, progress values seen ${r.progressSeen}`);
      };
      // Alternate which path goes first, so neither always runs on a warmer cache.
      if (args.job && i % 2 === 0) await job();
      await sync();
      if (args.job && i % 2 === 1) await job();
    }
    // Plausibility: the group threshold alone changes nothing on this data (headcount is 1 or ≥ 5).
    let groupOnlyResult: { scanned: number; changed: number } | null = null;
    if (!args['skip-threshold-check'] && size !== '1m') {
      const r = await simulate(await createDraft('集体访门槛 5→3（基准测试）', groupOnly(active.body.rules)));
      groupOnlyResult = { scanned: r.report.scanned, changed: r.report.changed };
      log(`${target} group threshold 5→3 alone: scanned ${r.report.scanned}, changed ${r.report.changed} (${Math.round(r.ms)} ms)`);
    }
    return { runs, report: reports[reports.length - 1], groupOnly: groupOnlyResult, n };
  } finally {
    await service?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Profile mode: where the time of a 10^6-case simulation goes.

const outcomeKey = (e: Evaluation): string => `${e.grade}|${e.route.committee}/${e.route.handledBy}/${e.route.mode}|${e.meetingType ?? ''}`;

interface Tally {
  scanned: number;
  changed: number;
  before: Record<string, number>;
  after: Record<string, number>;
}
const newTally = (): Tally => ({ scanned: 0, changed: 0, before: {}, after: {} });
function grade(t: Tally, current: CompiledRuleSet, next: CompiledRuleSet, facts: CaseFacts): void {
  const was = current.evaluate(facts, { explain: false });
  const will = next.evaluate(facts, { explain: false });
  t.scanned++;
  t.before[was.grade] = (t.before[was.grade] ?? 0) + 1;
  t.after[will.grade] = (t.after[will.grade] ?? 0) + 1;
  if (outcomeKey(was) !== outcomeKey(will)) t.changed++;
}

/** The facts columns of CaseSimulationRepository, minus `code`/`subject` when `lean` (examples only need them for ≤ 200 rows). */
const RAW_COLUMNS: string[] = FACT_COLUMNS.filter((c) => c !== 'code' && c !== 'subject');

/**
 * Raw driver row → CaseFacts without TypeORM hydration: a minimal case object handed to the
 * service's own storedCaseFacts (so derived facts stay exactly the service's).
 */
function rawFacts(row: Record<string, unknown>, now: Date): CaseFacts {
  const c = {
    channel: row.channel,
    category: row.category,
    region: row.region,
    headcount: row.headcount,
    subject: '',
    content: '',
    unitsInvolved: JSON.parse(row.unitsInvolved as string) as string[],
    deputyReported: row.deputyReported === 1,
    important: row.important === 1,
    provincialReferral: row.provincialReferral === 1,
    leaderInstructed: row.leaderInstructed === 1,
    receivedAt: row.receivedAt as Date,
    dueAt: row.dueAt as Date | null,
  } as unknown as PetitionCase;
  return storedCaseFacts(c, { repeatCount: row.repeatCount as number, similarOpenCases: row.similarOpenCases as number, relatedDissatisfied: row.relatedDissatisfied === 1 }, now);
}

interface PhaseRow {
  phase: string;
  round: number;
  cases: number;
  totalMs: number;
  readMs: number;
  evalMs: number;
  nodeCpuS: number;
  dbCpuS: number;
  changed: number;
}

type Row = Record<string, unknown>;

async function profile(): Promise<void> {
  const database = args.database;
  const limit = Number(args['profile-cases']);
  const profileRounds = Number(args['profile-rounds']);
  const sqlite = args['profile-backend'] === 'sqlite';
  const config = loadConfig({ DATABASE_URL: databaseUrl(database).replace(/^mysql:/, 'mariadb:'), JWT_SECRET: 'x'.repeat(32), PII_KEY: 'a'.repeat(64), DB_POOL_SIZE: '4' });
  const ds = new DataSource(
    buildDataSourceOptions(sqlite ? { kind: 'sqlite', path: await prepareSqlite(args['database-100k'], 100_000) } : config.database, false),
  );
  await ds.initialize();
  const repo = new CaseSimulationRepository(ds.getRepository(PetitionCase));
  const shipped = loadDefaultRuleSet();
  const draft: RuleSetDefinition = { ...shipped, version: 2, rules: draftRules(shipped.rules) };
  const current = CompiledRuleSet.compile(shipped);
  const next = CompiledRuleSet.compile(draft);
  const now = new Date();
  const rows: PhaseRow[] = [];
  const tallies: Record<string, Tally> = {};
  const dbPid = databaseServerPid();
  const derived = (c: SimulationRow) => ({ repeatCount: c.repeatCount, similarOpenCases: c.similarOpenCases, relatedDissatisfied: c.relatedDissatisfied });

  /** The service's batch query (CaseSimulationRepository.batch) through TypeORM, raw rows (no hydration). */
  const typeormQuery = (after: string | null, size: number) => {
    const q = ds
      .getRepository(PetitionCase)
      .createQueryBuilder('c')
      .select(['id', 'code', 'status', 'channel', 'category', 'region', 'headcount', 'unitsInvolved', 'deputyReported', 'important', 'provincialReferral', 'leaderInstructed', 'repeatCount', 'similarOpenCases', 'relatedDissatisfied', 'receivedAt', 'dueAt', 'subject'].map((col) => `c.${col}`))
      .orderBy('c.id', 'ASC')
      .limit(size);
    if (after) q.andWhere('c.id > :afterId', { afterId: after });
    return q;
  };
  const SERVICE_COLUMNS = [...RAW_COLUMNS.slice(0, 1), 'code', 'status', ...RAW_COLUMNS.slice(1), 'subject'];
  const rawSql = (columns: string[], withAfter: boolean): string =>
    `SELECT ${columns.map((c) => `\`${c}\``).join(', ')} FROM cases${withAfter ? ' WHERE id > ?' : ''} ORDER BY id LIMIT ?`;
  const rawBatch = (columns: string[], after: string | null, take: number): Promise<Row[]> =>
    ds.query<Row[]>(rawSql(columns, after !== null), after !== null ? [after, take] : [take]);

  type Body = (t: Tally, add: (readMs: number, evalMs: number) => void) => Promise<void>;
  const allPhases: { name: string; body: Body }[] = [
    {
      // The service's loop (SimulationService.simulate without HTTP): TypeORM getMany of 5000
      // entities, then storedCaseFacts + both compiled sets per case; read and evaluate in turn.
      name: 'A service loop: getMany ×5000, 18 cols',
      body: async (t, add) => {
        let after: string | null = null;
        while (t.scanned < limit) {
          const r0 = performance.now();
          const batch = await repo.batch({}, after, Math.min(5000, limit - t.scanned), false);
          const r1 = performance.now();
          if (!batch.length) break;
          for (const c of batch) grade(t, current, next, storedCaseFacts({ ...c, content: '' }, derived(c), now));
          after = batch[batch.length - 1].id;
          add(r1 - r0, performance.now() - r1);
        }
      },
    },
    {
      name: 'B read only: same query, getRawMany ×5000',
      body: async (t, add) => {
        let after: string | null = null;
        while (t.scanned < limit) {
          const r0 = performance.now();
          const batch = await typeormQuery(after, Math.min(5000, limit - t.scanned)).getRawMany<Row>();
          if (!batch.length) break;
          t.scanned += batch.length;
          after = batch[batch.length - 1].c_id as string;
          add(performance.now() - r0, 0);
        }
      },
    },
    ...(
      [
        ['C raw rows ×5000, 18 cols', 5000, SERVICE_COLUMNS],
        ['D raw rows ×20000, 18 cols', 20000, SERVICE_COLUMNS],
        ['E raw rows ×20000, 15 fact cols', 20000, RAW_COLUMNS],
      ] as const
    ).map(([name, size, columns]) => ({
      name,
      body: async (t: Tally, add: (readMs: number, evalMs: number) => void) => {
        let after: string | null = null;
        while (t.scanned < limit) {
          const r0 = performance.now();
          const batch = await rawBatch([...columns], after, Math.min(size, limit - t.scanned));
          const r1 = performance.now();
          if (!batch.length) break;
          for (const row of batch) grade(t, current, next, rawFacts(row, now));
          after = batch[batch.length - 1].id as string;
          add(r1 - r0, performance.now() - r1);
        }
      },
    })),
    {
      // E, with the next batch requested before the current one is evaluated (read time = time
      // still spent waiting for it).
      name: 'F raw rows ×20000, 15 fact cols, prefetch',
      body: async (t, add) => {
        let requested = Math.min(20000, limit);
        let pending: Promise<Row[]> | null = rawBatch(RAW_COLUMNS, null, requested);
        while (pending) {
          const r0 = performance.now();
          const batch: Row[] = await pending;
          const r1 = performance.now();
          pending = null;
          if (batch.length && requested < limit && batch.length === Math.min(20000, limit)) {
            const take = Math.min(20000, limit - requested);
            requested += take;
            pending = rawBatch(RAW_COLUMNS, batch[batch.length - 1].id as string, take);
          }
          for (const row of batch) grade(t, current, next, rawFacts(row, now));
          add(r1 - r0, performance.now() - r1);
        }
      },
    },
    {
      // Portable (SQLite and MySQL): the service's query through TypeORM with getRawMany, each
      // selected column converted by the driver's own prepareHydratedValue (what hydration does
      // per column), no entity building; 20000 per batch.
      name: 'G getRawMany ×20000 + driver.prepareHydratedValue',
      body: async (t, add) => {
        const metadata = ds.getMetadata(PetitionCase);
        const FACT_PROPS = ['channel', 'category', 'region', 'headcount', 'unitsInvolved', 'deputyReported', 'important', 'provincialReferral', 'leaderInstructed', 'repeatCount', 'similarOpenCases', 'relatedDissatisfied', 'receivedAt', 'dueAt'] as const;
        const columns = FACT_PROPS.map((prop) => {
          const column = metadata.findColumnWithPropertyName(prop);
          if (!column) throw new Error(`no column ${prop}`);
          return [prop, `c_${prop}`, column] as const;
        });
        let after: string | null = null;
        while (t.scanned < limit) {
          const r0 = performance.now();
          const batch = await typeormQuery(after, Math.min(20000, limit - t.scanned)).getRawMany<Row>();
          const r1 = performance.now();
          if (!batch.length) break;
          for (const row of batch) {
            const c: Record<string, unknown> = { subject: '', content: '' };
            for (const [prop, alias, column] of columns) c[prop] = ds.driver.prepareHydratedValue(row[alias], column);
            const pc = c as unknown as PetitionCase;
            grade(t, current, next, storedCaseFacts(pc, derived(pc), now));
          }
          after = batch[batch.length - 1].c_id as string;
          add(r1 - r0, performance.now() - r1);
        }
      },
    },
  ];
  const phases = allPhases.filter((p) => !sqlite || /^[ABG] /.test(p.name)); // C–F read mysql2's value types

  for (let round_ = 1; round_ <= profileRounds; round_++) {
    for (const { name, body } of phases) {
      const t = newTally();
      let readMs = 0;
      let evalMs = 0;
      const node0 = process.cpuUsage();
      const db0 = dbPid ? cpuSeconds(dbPid) : NaN;
      const t0 = performance.now();
      await body(t, (r, e) => {
        readMs += r;
        evalMs += e;
      });
      const totalMs = performance.now() - t0;
      const node = process.cpuUsage(node0);
      const row: PhaseRow = {
        phase: name,
        round: round_,
        cases: t.scanned,
        totalMs,
        readMs,
        evalMs,
        nodeCpuS: (node.user + node.system) / 1e6,
        dbCpuS: (dbPid ? cpuSeconds(dbPid) : NaN) - db0,
        changed: t.changed,
      };
      rows.push(row);
      if (!name.startsWith('B')) tallies[name] = t;
      log(`round ${round_} ${name}: ${(totalMs / 1000).toFixed(1)} s (read ${(readMs / 1000).toFixed(1)} s, evaluate ${(evalMs / 1000).toFixed(1)} s), scanned ${t.scanned}, changed ${t.changed}; CPU node ${row.nodeCpuS.toFixed(1)} s, mariadbd ${row.dbCpuS.toFixed(1)} s`);
    }
  }

  // In memory: what each step of the per-case work costs (first 100,000 cases, both shapes).
  const memN = Math.min(100_000, limit);
  const entities: SimulationRow[] = [];
  const rawRows: Row[] = [];
  while (entities.length < memN) entities.push(...(await repo.batch({}, entities.at(-1)?.id ?? null, Math.min(5000, memN - entities.length), false)));
  while (!sqlite && rawRows.length < memN) rawRows.push(...(await rawBatch(RAW_COLUMNS, (rawRows.at(-1)?.id as string | undefined) ?? null, Math.min(20000, memN - rawRows.length))));
  await ds.destroy();
  const hydratedFacts = entities.map((c) => storedCaseFacts({ ...c, content: '' }, derived(c), now));
  const steps: { step: string; run: () => void }[] = [
    { step: 'storedCaseFacts (entity spread + facts)', run: () => { for (const c of entities) storedCaseFacts({ ...c, content: '' }, derived(c), now); } },
    ...(sqlite ? [] : [{ step: 'rawFacts (raw row → facts, JSON.parse units)', run: () => { for (const r of rawRows) rawFacts(r, now); } }]),
    { step: '1 × CompiledRuleSet.evaluate (explain:false)', run: () => { for (const f of hydratedFacts) current.evaluate(f, { explain: false }); } },
    { step: '2 × evaluate + compare outcomes + tally', run: () => { const t = newTally(); for (const f of hydratedFacts) grade(t, current, next, f); } },
  ];
  const memRows: { step: string; usPerCase: number[] }[] = steps.map((s) => ({ step: s.step, usPerCase: [] }));
  for (let i = 0; i < 5; i++) {
    steps.forEach((s, j) => {
      const t0 = performance.now();
      s.run();
      memRows[j].usPerCase.push(((performance.now() - t0) * 1000) / memN);
    });
  }

  const reference = tallies['A service loop: getMany ×5000, 18 cols'];
  const same = Object.entries(tallies).map(([name, t]) => ({ name, equal: JSON.stringify(t) === JSON.stringify(reference) }));
  const summary = phases.map(({ name }) => {
    const mine = rows.filter((r) => r.phase === name);
    const med = (f: (r: PhaseRow) => number): number => median(mine.map(f));
    return {
      phase: name,
      cases: mine[0].cases,
      'total s': (med((r) => r.totalMs) / 1000).toFixed(1),
      'read s': (med((r) => r.readMs) / 1000).toFixed(1),
      'evaluate s': (med((r) => r.evalMs) / 1000).toFixed(1),
      'node CPU s': med((r) => r.nodeCpuS).toFixed(1),
      'mariadbd CPU s': med((r) => r.dbCpuS).toFixed(1),
      'runs (total s)': mine.map((r) => (r.totalMs / 1000).toFixed(1)).join(' / '),
      changed: mine[0].changed,
    };
  });
  process.stdout.write(`\nmedians over ${profileRounds} interleaved rounds, ${limit} cases each:\n` + table(summary) + '\n');
  process.stdout.write(
    `\nin memory, ${memN} cases, median of 5 (µs per case; ×1e6 = µs → s per 10^6 cases):\n` +
      table(memRows.map((m) => ({ step: m.step, 'µs/case': median(m.usPerCase).toFixed(2), 's per 10^6': median(m.usPerCase).toFixed(1) }))) +
      '\n',
  );
  process.stdout.write(`results equal to the service loop (scanned, changed, grades before/after): ${JSON.stringify(same)}\n`);
  process.stdout.write(`grades before ${JSON.stringify(reference.before)} after ${JSON.stringify(reference.after)}\n`);
  process.stdout.write(`service batch SQL: ${typeormQuery('x', 5000).getQuery()}\n`);
  save(`rules-simulate-profile-${sqlite ? 'sqlite' : 'mysql'}`, { backend: sqlite ? 'sqlite' : 'mysql', database, limit, rounds: profileRounds, rows, summary, memory: memRows, tallies, same });
}

// ---------------------------------------------------------------------------------------------

if (args.profile) {
  await profile();
} else {
  const targets = args.targets.split(',').map((t) => t.trim());
  const LIMITS: Record<string, number> = { 'sqlite-100k': 5000, 'mysql-100k': 5000, 'mysql-1m': 30000 };
  /** Issue 13: the job path no slower than the synchronous path's figures measured before it (3.3 s / 2.7 s). */
  const JOB_LIMITS: Record<string, number> = { 'sqlite-100k': 3300, 'mysql-100k': 2700, 'mysql-1m': 30000 };
  const all: RunRow[] = [];
  const summary: Record<string, unknown>[] = [];
  const details: Record<string, unknown> = {};
  for (const target of targets) {
    if (!(target in LIMITS)) throw new Error(`unknown target ${target} (sqlite-100k, mysql-100k, mysql-1m)`);
    const { runs, report, groupOnly: g, n } = await httpTarget(target);
    all.push(...runs);
    for (const path of args.job ? (['sync', 'job'] as const) : (['sync'] as const)) {
      const timed = runs.filter((r) => r.path === path && r.run.startsWith('round'));
      const e2e = median(timed.map((r) => r.e2eMs));
      const plausible = timed.every((r) => r.scanned === n && r.changed > 0);
      const limit = path === 'job' ? JOB_LIMITS[target] : LIMITS[target];
      summary.push({
        target,
        path,
        cases: n,
        rounds: timed.length,
        'median e2e s': (e2e / 1000).toFixed(2),
        'median server s': (median(timed.map((r) => r.serverMs)) / 1000).toFixed(2),
        'service CPU s': median(timed.map((r) => r.serviceCpuS)).toFixed(1),
        'mariadbd CPU s': Number.isFinite(median(timed.map((r) => r.dbCpuS))) ? median(timed.map((r) => r.dbCpuS)).toFixed(1) : '-',
        'target s': limit / 1000,
        result: e2e <= limit ? 'PASS' : 'FAIL',
        'scanned=N, changed>0': plausible ? 'yes' : 'NO',
      });
    }
    details[target] = { groupOnly: g, grades: report.grades, gradeChanges: report.gradeChanges, routeChanges: report.routeChanges, meetingChanges: report.meetingChanges, examples: report.examples.slice(0, 2) };
    log(`${target}: grades ${JSON.stringify(report.grades)}; gradeChanges ${JSON.stringify(report.gradeChanges)}; meetingChanges ${JSON.stringify(report.meetingChanges)}`);
  }
  process.stdout.write(
    '\n' +
      table(
        all.map((r) => ({
          target: r.target,
          path: r.path,
          run: r.run,
          'e2e ms': Math.round(r.e2eMs),
          'server ms': r.serverMs,
          scanned: r.scanned,
          changed: r.changed,
          'service CPU s': r.serviceCpuS.toFixed(1),
          'mariadbd CPU s': Number.isFinite(r.dbCpuS) ? r.dbCpuS.toFixed(1) : '-',
          progress: r.progressSeen ?? '-',
        })),
      ) +
      '\n\n' +
      table(summary as Record<string, string | number>[]) +
      '\n',
  );
  save(`rules-simulate-${targets.join('+')}`, { rounds, warmup, runs: all, summary, details });
}
