/**
 * Benchmark 3: the deadline sweep over 10^6 open cases (bench_sweep, see load-cases.ts).
 *
 *   node dist/bench/load-cases.js --profile sweep --reuse
 *   node dist/bench/sweep.js [--runs 3]
 *
 * Each run clears notices, timeline events and outbox jobs (the loader creates none), then, through
 * the service's own code path, POST /jobs/deadline-sweep and polls GET /jobs/:id until the job is
 * done: the first sweep (many overdue), then — after the reminder jobs it enqueued have run — a
 * second sweep (incremental: it has the first one's watermark) that must create nothing, a third one
 * with the watermark moved a day back (a daily incremental run), then a fourth one with the watermark
 * cleared: a full sweep over existing notices (the weekly safety net, or after the clock went back).
 * None after the first may create anything. Wall time is from the POST to the poll
 * that sees `done` (100 ms polls); the job's own createdAt→finishedAt is printed too. Finally the
 * full sweep's candidate query is timed in-process with EXPLAIN.
 */
import { parseArgs } from 'node:util';
import type mysql from 'mysql2/promise';
import { DeadlineSweepService } from '../src/cases/deadline-sweep.service.js';
import { OPEN_STATUSES } from '../src/domain/case-vocabulary.js';
import { log, saveResult, sleep } from './lib/env.js';
import { type Conn, databaseConnection, scalar, suppressDailySweep } from './lib/mysql.js';
import { login, type RunningProcess, startService } from './lib/processes.js';
import { InProcessApp } from './lib/sql-capture.js';
import { median, round, table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'bench_sweep' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '3105' },
    'timeout-seconds': { type: 'string', default: '300' },
    /** Instead of the HTTP runs: one first and one second sweep in-process, time split by statement kind. */
    breakdown: { type: 'boolean', default: false },
    /** What-if: add PROPOSED_SWEEP_INDEXES for the run (dropped again afterwards unless --keep-indexes). */
    'proposed-indexes': { type: 'boolean', default: false },
    'keep-indexes': { type: 'boolean', default: false },
    /** Skip the per-batch candidate query diagnostic at the end. */
    'no-diagnostic': { type: 'boolean', default: false },
    /** No new run starts when it would likely end after this (the script stays under 10 minutes). */
    'budget-minutes': { type: 'string', default: '8.5' },
  },
});
const scriptStart = performance.now();
const database = args.database;
const runs = Number(args.runs);
const timeoutMs = Number(args['timeout-seconds']) * 1000;

/**
 * The sweeps of one run: full over no notices; incremental right after it; incremental with the watermark
 * moved a day back (a daily run: the deadlines passed and the cases changed over a day); full over the
 * existing notices (the weekly safety net). All but the first must create nothing.
 */
const PASSES = ['first', 'second', 'daily', 'full again'] as const;
type Pass = (typeof PASSES)[number];

interface JobView {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface Counts {
  overdue: number;
  dueSoon: number;
  events: number;
  reminderJobs: number;
}

async function counts(db: Conn): Promise<Counts> {
  const [rows] = await db.query<mysql.RowDataPacket[]>(
    `SELECT (SELECT COUNT(*) FROM case_notices WHERE kind = 'overdue') AS overdue,
            (SELECT COUNT(*) FROM case_notices WHERE kind = 'due-soon') AS dueSoon,
            (SELECT COUNT(*) FROM case_events) AS events,
            (SELECT COUNT(*) FROM outbox_jobs WHERE name = 'due-soon-reminder') AS reminderJobs`,
  );
  const r = rows[0];
  return { overdue: Number(r.overdue), dueSoon: Number(r.dueSoon), events: Number(r.events), reminderJobs: Number(r.reminderJobs) };
}

/** Forgets the sweep's watermark (job_state), so that the next sweep is a full one. */
async function clearWatermark(db: Conn): Promise<void> {
  const [state] = await db.query<mysql.RowDataPacket[]>("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'job_state'");
  if (Number(state[0].n)) await db.query("DELETE FROM job_state WHERE name LIKE 'deadline-sweep%'");
}

/** Moves the sweep's watermark (both instants) a day back, so that the next sweep is a daily incremental one. */
async function watermarkDayBack(db: Conn): Promise<void> {
  const [rows] = await db.query<mysql.RowDataPacket[]>("SELECT value FROM job_state WHERE name = 'deadline-sweep'");
  if (!rows[0]) return;
  const raw: unknown = rows[0].value;
  const state = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, string>;
  const back = (iso: string | undefined): string | undefined => (iso ? new Date(Date.parse(iso) - 86_400_000).toISOString() : undefined);
  const value = { ...state, lastAt: back(state.lastAt), lastFullAt: back(state.lastFullAt) };
  await db.query("UPDATE job_state SET value = ? WHERE name = 'deadline-sweep'", [JSON.stringify(value)]);
}

/** Prepares the sweep state for a pass (see PASSES). */
async function beforePass(db: Conn, pass: Pass): Promise<void> {
  if (pass === 'daily') await watermarkDayBack(db);
  if (pass === 'full again') await clearWatermark(db);
}

async function reset(db: Conn): Promise<void> {
  // TRUNCATE, not DELETE: case_events is append-only (triggers refuse DELETE); this is a bench database.
  await db.query('TRUNCATE TABLE case_notices');
  await db.query('TRUNCATE TABLE case_events');
  await db.query('DELETE FROM outbox_jobs');
  // A sweep that keeps a watermark (job_state) must start from none, or the "first" sweep is incremental.
  await clearWatermark(db);
  await suppressDailySweep(db);
}

/**
 * Proposed (what-if) indexes: the candidate query becomes index-only (InnoDB appends the primary key
 * `id`), and the pending-units query reads an index instead of 350k notice rows.
 */
export const PROPOSED_SWEEP_INDEXES: [table: string, name: string, columns: string][] = [
  ['cases', 'idx_cases_status_due_cover', '`status`, `dueAt`, `routeHandledBy`, `version`'],
  ['case_notices', 'idx_case_notices_pending_unit', '`deliveredAt`, `unitCode`'],
];

const db = await databaseConnection(database);
const added: [string, string][] = [];
if (args['proposed-indexes']) {
  for (const [tableName, name, columns] of PROPOSED_SWEEP_INDEXES) {
    const exists = await scalar<number>(db, 'SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = ?', [database, tableName, name]);
    if (exists) continue;
    const t = performance.now();
    await db.query(`ALTER TABLE \`${tableName}\` ADD INDEX \`${name}\` (${columns})`);
    added.push([tableName, name]);
    log(`what-if: added ${tableName}.${name} (${columns.replace(/`/g, '')}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}
const dropAdded = async (): Promise<void> => {
  if (args['keep-indexes']) return;
  for (const [tableName, name] of added) await db.query(`ALTER TABLE \`${tableName}\` DROP INDEX \`${name}\``);
  if (added.length) log('what-if indexes dropped again');
};
const open = await scalar<number>(db, `SELECT COUNT(*) FROM cases WHERE status IN (${OPEN_STATUSES.map(() => '?').join(',')})`, [...OPEN_STATUSES]).catch(() => 0);
if (open < 1_000_000) log(`warning: ${database} holds ${open} open cases; load first: node dist/bench/load-cases.js --profile sweep`);
const expected = await scalar<number>(
  db,
  `SELECT COUNT(*) FROM cases WHERE status IN (${OPEN_STATUSES.map(() => '?').join(',')}) AND dueAt < UTC_TIMESTAMP(3) + INTERVAL 7 DAY`,
  [...OPEN_STATUSES],
).catch(() => 0);
await reset(db);

if (args.breakdown) {
  const ctx = await InProcessApp.start(database);
  const sweeper = ctx.app.get(DeadlineSweepService);
  const kindOf = (sql: string): string => {
    if (/^SELECT .* FROM `cases`/s.test(sql)) return 'SELECT candidates (cases + NOT EXISTS notices)';
    if (/^INSERT\s+IGNORE INTO `case_notices`/.test(sql)) return 'INSERT IGNORE case_notices (<= 500 rows)';
    if (/^INSERT\s+IGNORE INTO `case_events`/.test(sql)) return 'INSERT IGNORE case_events (<= 500 rows)';
    if (/^COMMIT/.test(sql)) return 'COMMIT';
    if (/^START TRANSACTION|^SET TRANSACTION/.test(sql)) return 'START TRANSACTION';
    return sql.slice(0, 60);
  };
  try {
    for (const pass of PASSES) {
      await beforePass(db, pass);
      const { totalMs, byKind } = await ctx.profile(() => sweeper.sweep(), kindOf);
      const rows = Object.entries(byKind)
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([kind, v]) => ({ kind, statements: v.n, 's': round(v.ms / 1000, 2), '%': round((100 * v.ms) / totalMs) }));
      process.stdout.write(`\n${pass} sweep in-process: ${round(totalMs / 1000, 2)} s\n${table(rows)}\n`);
    }
    const c = await counts(db);
    process.stdout.write(`notices: ${c.overdue} overdue, ${c.dueSoon} due-soon; events ${c.events}\n`);
  } finally {
    await ctx.close();
    await dropAdded();
    await db.end();
  }
  process.exit(0);
}

interface SweepRun {
  run: number;
  pass: Pass;
  wallMs: number;
  jobMs: number;
  status: string;
  lastError: string | null;
  overdueNotices: number;
  dueSoonNotices: number;
  events: number;
  reminderJobs: number;
  remindersDrainedMs: number | null;
}
const results: SweepRun[] = [];
let service: RunningProcess | null = null;
try {
  service = await startService({ database, port: Number(args.port) });
  const base = service.url;
  const token = await login(base);
  const headers = { authorization: `Bearer ${token}` };

  const sweepOnce = async (run: number, pass: Pass): Promise<SweepRun> => {
    const before = await counts(db);
    const t0 = performance.now();
    const res = await fetch(`${base}/jobs/deadline-sweep`, { method: 'POST', headers });
    if (res.status !== 202) throw new Error(`POST /jobs/deadline-sweep: ${res.status} ${await res.text()}`);
    let job = (await res.json()) as JobView;
    while (job.status !== 'done' && job.status !== 'dead' && !job.lastError) {
      if (performance.now() - t0 > timeoutMs) throw new Error(`sweep not done after ${timeoutMs} ms: ${JSON.stringify(job)}\n${service?.output() ?? ''}`);
      await sleep(100);
      job = (await (await fetch(`${base}/jobs/${job.id}`, { headers })).json()) as JobView;
    }
    const wallMs = performance.now() - t0;
    const after = await counts(db);
    const jobMs = job.finishedAt ? Date.parse(job.finishedAt) - Date.parse(job.createdAt) : NaN;
    // Let the reminder jobs the sweep enqueued finish before anything else is measured.
    const t1 = performance.now();
    let drained: number | null = null;
    while (performance.now() - t1 < 120_000) {
      if ((await scalar<number>(db, "SELECT COUNT(*) FROM outbox_jobs WHERE status IN ('pending', 'running')")) === 0) {
        drained = performance.now() - t1;
        break;
      }
      await sleep(200);
    }
    const result: SweepRun = {
      run,
      pass,
      wallMs,
      jobMs,
      status: job.status,
      lastError: job.lastError,
      overdueNotices: after.overdue - before.overdue,
      dueSoonNotices: after.dueSoon - before.dueSoon,
      events: after.events - before.events,
      reminderJobs: after.reminderJobs - before.reminderJobs,
      remindersDrainedMs: drained,
    };
    results.push(result);
    log(
      `run ${run} ${pass} sweep: ${(wallMs / 1000).toFixed(1)} s (job ${(jobMs / 1000).toFixed(1)} s, ${job.status}${job.lastError ? `, error: ${job.lastError}` : ''}); ` +
        `notices +${result.overdueNotices} overdue +${result.dueSoonNotices} due-soon, events +${result.events}, reminder jobs +${result.reminderJobs}` +
        `${drained === null ? ', reminders still running after 120 s' : `, reminders done after ${(drained / 1000).toFixed(1)} s`}`,
    );
    return result;
  };

  const budgetEnd = scriptStart + Number(args['budget-minutes']) * 60_000;
  for (let run = 1; run <= runs; run++) {
    if (run > 1) {
      const last = results.filter((r) => r.run === run - 1).reduce((s, r) => s + r.wallMs, 0);
      if (performance.now() + last * 1.1 > budgetEnd) {
        log(`stopping after ${run - 1} run(s): another would exceed --budget-minutes ${args['budget-minutes']}`);
        break;
      }
      await reset(db);
    }
    for (const pass of PASSES) {
      await beforePass(db, pass);
      await sweepOnce(run, pass);
    }
  }
} finally {
  await service?.stop();
}

// A full sweep is one INSERT … SELECT for both notice kinds (src/cases/case-notice.repository.ts): explain
// its SELECT (over the notices the sweeps created, it must find none).
const batches: { status: string; kind: string; ms: number; rows: number; explain: string }[] = [];
const kindSql = "CASE WHEN c.dueAt < UTC_TIMESTAMP(3) THEN 'overdue' ELSE 'due-soon' END";
const candidateSql =
  `SELECT c.id FROM cases c WHERE c.status IN ('registered','accepted','routed','in_handling') AND c.dueAt < UTC_TIMESTAMP(3) + INTERVAL 7 DAY ` +
  `AND NOT EXISTS (SELECT 1 FROM case_notices n WHERE n.caseId = c.id AND n.kind = ${kindSql} AND n.dueAt = c.dueAt)`;
const ctx = null as { close(): Promise<void> } | null;
try {
  if (!args['no-diagnostic']) {
    const t0 = performance.now();
    const [result] = await db.query<mysql.RowDataPacket[]>(candidateSql);
    const ms = performance.now() - t0;
    const [plan] = await db.query<mysql.RowDataPacket[]>(`EXPLAIN ${candidateSql}`);
    batches.push({ status: 'open', kind: 'both', ms, rows: result.length, explain: plan.map((p) => `${p.table}: ${p.type} key=${p.key ?? '-'} rows≈${p.rows} ${p.Extra ?? ''}`.trim()).join(' | ') });
  }
} finally {
  await ctx?.close();
  await dropAdded();
  await db.end();
}

const summary = PASSES.map((pass) => {
  const rs = results.filter((r) => r.pass === pass);
  const wall = median(rs.map((r) => r.wallMs));
  return {
    sweep: pass,
    'wall s (median)': round(wall / 1000, 2),
    'wall s (runs)': rs.map((r) => round(r.wallMs / 1000, 1)).join(' / '),
    'job s': round(median(rs.map((r) => r.jobMs)) / 1000, 2),
    'overdue notices': median(rs.map((r) => r.overdueNotices)),
    'due-soon notices': median(rs.map((r) => r.dueSoonNotices)),
    'timeline events': median(rs.map((r) => r.events)),
    'reminder jobs': median(rs.map((r) => r.reminderJobs)),
    '< 10 s': wall < 10_000 ? 'PASS' : 'FAIL',
  };
});
process.stdout.write(`\nDeadline sweep over ${open} open cases${added.length || args['proposed-indexes'] ? ' WITH THE PROPOSED INDEXES' : ''} (${expected} overdue or due within 7 days at start) — ${results.length / PASSES.length} run(s)\n${table(summary)}\n`);
process.stdout.write(`\nthe full sweep's candidate query after the sweeps:\n${table(batches.map((b) => ({ status: b.status, kind: b.kind, ms: round(b.ms), rows: b.rows, plan: b.explain })))}\n`);
process.stdout.write(`\ncandidate SQL: ${candidateSql}\n`);
log(`results: ${saveResult(args['proposed-indexes'] ? 'sweep-whatif' : 'sweep', { args, open, expected, results, summary, batches, candidateSql })}`);
