/**
 * Benchmark: the dashboard of 统计分析 (GET /reports/dashboard) at 10^6 cases (see load-cases.ts).
 *
 *   node dist/bench/load-cases.js --profile ledger --database bench_reports --reuse
 *   node dist/bench/reports-dashboard.js [--database bench_reports] [--runs 20] [--label after]
 *
 * In-process, records the exact SQL the dashboard sends for each window (DashboardService, the same
 * code the route runs) and times every statement alone, --runs times in a row (p50/p95, EXPLAIN).
 * Then starts the built service on the database and times the route itself end to end (its
 * statements run concurrently on the pool). Target: p95 ≤ 300 ms for each query.
 * The service's migrations run at start, so run the "before" build first when comparing indexes.
 */
import { parseArgs } from 'node:util';
import type mysql from 'mysql2/promise';
import { CaseDailyFigures } from '../src/cases/case-daily-figures.js';
import { DashboardService } from '../src/reports/dashboard.service.js';
import { ReportsService } from '../src/reports/reports.service.js';
import { log, saveResult } from './lib/env.js';
import { databaseConnection, scalar, suppressDailySweep } from './lib/mysql.js';
import { login, type RunningProcess, startService } from './lib/processes.js';
import { InProcessApp } from './lib/sql-capture.js';
import { median, percentile, round, table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'bench_reports' },
    runs: { type: 'string', default: '20' },
    port: { type: 'string', default: '3117' },
    label: { type: 'string', default: 'run' },
    http: { type: 'boolean', default: true },
    windows: { type: 'string', default: 'year,quarter,30' },
    'min-runs': { type: 'string', default: '20' },
    'budget-seconds': { type: 'string', default: '0' },
    /** Build the daily roll-up (case_daily_figures) before timing; --no-rollup times the live statements only (no watermark). */
    rollup: { type: 'boolean', default: true },
  },
});
const database = args.database;
const runs = Math.max(20, Number(args.runs));
/** For a slow "before" run only: stop a statement after --budget-seconds once --min-runs are in (the table says n). */
const minRuns = Math.min(runs, Number(args['min-runs']));
const budgetMs = Number(args['budget-seconds']) * 1000;
const TARGET_MS = 300;

/** The windows a user picks most: this year (the default), a quarter, the last 30 days. Office days. */
const ALL_WINDOWS: { key: string; name: string; from: string; to: string }[] = [
  { key: 'year', name: 'year 2026', from: '2026-01-01', to: '2026-12-31' },
  { key: 'quarter', name: 'quarter 2026Q4', from: '2026-10-01', to: '2026-12-31' },
  { key: '30', name: '30 days', from: '2026-11-04', to: '2026-12-03' },
];
const WINDOWS = ALL_WINDOWS.filter((w) => args.windows.split(',').includes(w.key));

/** A short name for a statement, from what it selects and groups by. */
function nameOf(sql: string): string {
  const s = sql.replace(/\s+/g, ' ');
  if (/FROM `meetings`/.test(s)) return 'meetings by type/status';
  if (/FROM `case_events`/.test(s)) return 'events (resupervise, extend, receptions, instructions)';
  if (/FROM `case_conversions`/.test(s)) return 'conversions by kind';
  if (/FROM `leaders`/.test(s)) return 'leaders (directory)';
  if (/FROM `job_state`/.test(s)) return 'roll-up watermark';
  if (/`updatedAt` > \?/.test(s)) return 'days changed after the watermark';
  if (/FROM `case_daily_figures`/.test(s)) return `roll-up: ${/'all'/.test(s) && /`day` AS/.test(s) ? 'received per day' : (/`dimension` = \?/.test(s) ? 'by dimension' : '?')}`;
  if (/leadLeaderId` IS NOT NULL/.test(s)) return 'leaders’ load';
  if (/CASE WHEN `c`\.`(\w+)` < \?/.test(s) || /WHERE `c`\.`(\w+)` >= \? AND `c`\.`\w+` < \? (AND `c`\.`repliedOnTime`)?.*GROUP BY `p`/.test(s)) {
    const col = /WHERE `c`\.`(\w+)` >=/.exec(s)?.[1] ?? '?';
    return `trend by month: ${col}${/repliedOnTime` = \?/.test(s) && /GROUP BY `p`/.test(s) ? ' on time' : ''}`;
  }
  if (/GROUP BY `c`\.`category`, ?`c`\.`region`/.test(s)) return 'heat map category × region (with early warnings)';
  const group = /GROUP BY `c`\.`(\w+)`/.exec(s)?.[1];
  if (group) return `received by ${group}`;
  if (/`repliedAt` >= \?/.test(s)) return 'replies (on time, feedback, satisfied)';
  if (/COUNT\(\*\) AS `received`/.test(s)) return 'received totals';
  return s.slice(0, 60);
}

const db = await databaseConnection(database);
const loaded = await scalar<number>(db, 'SELECT COUNT(*) FROM cases').catch(() => 0);
if (loaded < 1_000_000) log(`warning: ${database} holds ${loaded} cases; load 10^6 first: node dist/bench/load-cases.js --profile ledger --database ${database}`);
await suppressDailySweep(db).catch(() => undefined);

interface SqlTiming {
  window: string;
  query: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  rows: number;
  explain: string;
  sql: string;
}
const sqlTimings: SqlTiming[] = [];
const rollupChecks: { window: string; equal: boolean }[] = [];
const ctx = await InProcessApp.start(database);
const indexes = (await db.query<mysql.RowDataPacket[]>("SELECT DISTINCT index_name AS i FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'cases' ORDER BY i"))[0].map((r) => String(r.i));
try {
  const reports = ctx.app.get(ReportsService);
  const dashboards = ctx.app.get(DashboardService);
  const daily = ctx.app.get(CaseDailyFigures);
  if (args.rollup) {
    const t0 = performance.now();
    const days = await daily.rebuild();
    log(`case_daily_figures rebuilt: ${days} office days in ${round((performance.now() - t0) / 1000, 1)} s`);
    // Exactness at this volume: each window through the roll-up equals the live computation (watermark removed for the moment).
    for (const w of WINDOWS) {
      const window = reports.window(w.from, w.to);
      const viaRollup = JSON.stringify(await dashboards.dashboard(window));
      const [state] = await db.query<mysql.RowDataPacket[]>("SELECT value, updatedAt FROM job_state WHERE name = 'case-daily-figures'");
      await db.query("DELETE FROM job_state WHERE name = 'case-daily-figures'");
      const live = JSON.stringify(await dashboards.dashboard(window));
      await db.query('INSERT INTO job_state (name, value, updatedAt) VALUES (?, ?, ?)', ['case-daily-figures', state[0].value, state[0].updatedAt]);
      rollupChecks.push({ window: w.name, equal: viaRollup === live });
      log(`${w.name}: dashboard through the roll-up ${viaRollup === live ? 'equals' : 'DIFFERS FROM'} the live computation`);
    }
  } else {
    await db.query("DELETE FROM job_state WHERE name = 'case-daily-figures'");
  }
  for (const w of WINDOWS) {
    ctx.captured.length = 0;
    await dashboards.dashboard(reports.window(w.from, w.to));
    const statements = [...ctx.captured].filter((q) => /^\s*SELECT/i.test(q.sql));
    for (const s of statements) {
      const times: number[] = [];
      let rows = 0;
      await db.query(s.sql, s.params); // warm
      const start = performance.now();
      for (let i = 0; i < runs && !(budgetMs && i >= minRuns && performance.now() - start > budgetMs); i++) {
        const t0 = performance.now();
        const [result] = await db.query<mysql.RowDataPacket[]>(s.sql, s.params);
        times.push(performance.now() - t0);
        rows = result.length;
      }
      const [plan] = await db.query<mysql.RowDataPacket[]>(`EXPLAIN ${s.sql}`, s.params);
      const explain = plan.map((p) => `${p.table}: ${p.type} key=${p.key ?? '-'} rows≈${p.rows} ${p.Extra ?? ''}`.trim()).join(' | ');
      const t = { window: w.name, query: nameOf(s.sql), n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), rows, explain, sql: s.sql };
      sqlTimings.push(t);
      log(`${w.name} — ${t.query} (n=${t.n}): p50 ${round(t.p50)} ms, p95 ${round(t.p95)} ms`);
    }
  }
} finally {
  await ctx.close();
}

interface HttpTiming {
  window: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  received: number;
}
const httpTimings: HttpTiming[] = [];
let service: RunningProcess | null = null;
if (args.http) {
  try {
    service = await startService({ database, port: Number(args.port) });
    const token = await login(service.url);
    for (const w of WINDOWS) {
      const get = async (): Promise<{ ms: number; received: number }> => {
        const t0 = performance.now();
        const res = await fetch(`${service?.url}/reports/dashboard?from=${w.from}&to=${w.to}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { summary: { cases: { received: number } } };
        if (res.status !== 200) throw new Error(`GET /reports/dashboard ${w.name}: ${res.status} ${JSON.stringify(body)}`);
        return { ms: performance.now() - t0, received: body.summary.cases.received };
      };
      await get();
      const samples: number[] = [];
      let received = 0;
      const start = performance.now();
      for (let i = 0; i < runs && !(budgetMs && i >= minRuns && performance.now() - start > budgetMs); i++) {
        const r = await get();
        samples.push(r.ms);
        received = r.received;
      }
      const t = { window: w.name, n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), received };
      httpTimings.push(t);
      log(`GET /reports/dashboard ${w.name}: p50 ${round(t.p50)} ms, p95 ${round(t.p95)} ms (received ${received})`);
    }
  } finally {
    await service?.stop();
  }
}
await db.end();

const load = await import('node:os').then((os) => os.loadavg().map((v) => round(v, 2)).join(' / '));
const rows = sqlTimings.map((t) => ({
  window: t.window,
  query: t.query,
  n: t.n,
  'p50 ms': round(t.p50),
  'p95 ms': round(t.p95),
  'max ms': round(t.max),
  [`p95 ≤ ${TARGET_MS}`]: t.p95 <= TARGET_MS ? 'PASS' : 'FAIL',
}));
process.stdout.write(`\n[${args.label}] dashboard SQL at ${loaded} cases, each statement alone, n runs each (load average ${load})\n${table(rows)}\n`);
if (httpTimings.length) {
  process.stdout.write(
    `\nGET /reports/dashboard end to end (statements concurrent)\n${table(httpTimings.map((t) => ({ window: t.window, n: t.n, received: t.received, 'p50 ms': round(t.p50), 'p95 ms': round(t.p95), 'max ms': round(t.max) })))}\n`,
  );
}
process.stdout.write(`\nindexes on cases: ${indexes.join(', ')}\nplans (${WINDOWS[0].name}):\n`);
for (const t of sqlTimings.filter((x) => x.window === WINDOWS[0].name)) process.stdout.write(`  ${t.query}: ${t.explain}\n`);
for (const c of rollupChecks) process.stdout.write(`roll-up = live (${c.window}): ${c.equal ? 'yes' : 'NO'}\n`);
const failed = sqlTimings.filter((t) => t.p95 > TARGET_MS).length;
process.stdout.write(`\n${failed ? `${failed} statement(s) over ${TARGET_MS} ms at p95` : `every statement p95 ≤ ${TARGET_MS} ms`}\n`);
log(`results: ${saveResult(`reports-dashboard-${args.label}`, { args, loaded, indexes, rollupChecks, sqlTimings, httpTimings, median: median(sqlTimings.map((t) => t.p95)) })}`);
