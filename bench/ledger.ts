/**
 * Benchmark 2: the ledger's first page at 10^6 cases (bench_ledger, see load-cases.ts).
 *
 *   node dist/bench/load-cases.js --profile ledger --reuse
 *   node dist/bench/ledger.js [--rounds 3] [--requests 100]
 *
 * Starts the built service on bench_ledger and sends sequential `GET /cases?…` requests per
 * filter combination (one at a time: latency, not throughput): per round up to --requests, or
 * at least --min-requests when a query is slow (--budget-seconds); p50/p95/p99 per round, medians
 * over rounds. Then, in-process, records the exact SQL of CaseRepository.ledger for each
 * combination and times the page query and the count query separately, with EXPLAIN.
 */
import { parseArgs } from 'node:util';
import type mysql from 'mysql2/promise';
import { CaseQueriesService } from '../src/cases/case-queries.service.js';
import type { ListCasesQuery } from '../src/cases/dto/list-cases.query.js';
import { LEDGER_QUERIES } from './ledger-queries.js';
import { log, saveResult } from './lib/env.js';
import { databaseConnection, scalar, suppressDailySweep } from './lib/mysql.js';
import { login, type RunningProcess, startService } from './lib/processes.js';
import { type CapturedQuery, InProcessApp } from './lib/sql-capture.js';
import { median, percentile, round, table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'bench_ledger' },
    rounds: { type: 'string', default: '3' },
    requests: { type: 'string', default: '100' },
    'min-requests': { type: 'string', default: '3' },
    'budget-seconds': { type: 'string', default: '15' },
    port: { type: 'string', default: '3104' },
    'sql-repeats': { type: 'string', default: '3' },
  },
});
const database = args.database;
const rounds = Number(args.rounds);
const maxRequests = Number(args.requests);
const budgetMs = Number(args['budget-seconds']) * 1000;
const minRequests = Number(args['min-requests']);


const db = await databaseConnection(database);
const loaded = await scalar<number>(db, 'SELECT COUNT(*) FROM cases').catch(() => 0);
if (loaded < 1_000_000) log(`warning: ${database} holds ${loaded} cases; load 10^6 first: node dist/bench/load-cases.js --profile ledger`);
await suppressDailySweep(db).catch(() => undefined);

interface HttpRound {
  name: string;
  round: number;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  total: number;
}
const httpRounds: HttpRound[] = [];
let service: RunningProcess | null = null;
try {
  service = await startService({ database, port: Number(args.port) });
  const token = await login(service.url);
  const get = async (q: Record<string, string>): Promise<{ ms: number; total: number; items: number }> => {
    const t0 = performance.now();
    const res = await fetch(`${service?.url}/cases?${new URLSearchParams(q).toString()}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { total: number; items: unknown[] };
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET /cases ${JSON.stringify(q)}: ${res.status} ${JSON.stringify(body)}`);
    return { ms, total: body.total, items: body.items.length };
  };
  for (const q of LEDGER_QUERIES) await get(q.query); // warm-up
  for (let round = 1; round <= rounds; round++) {
    for (const q of LEDGER_QUERIES) {
      const samples: number[] = [];
      let total = 0;
      const start = performance.now();
      while (samples.length < maxRequests && (samples.length < minRequests || performance.now() - start < budgetMs)) {
        const r = await get(q.query);
        samples.push(r.ms);
        total = r.total;
      }
      const result = { name: q.name, round, n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), max: Math.max(...samples), total };
      httpRounds.push(result);
      log(`round ${round} ${q.name}: n=${result.n} p50 ${round1(result.p50)} ms p95 ${round1(result.p95)} ms (total ${total})`);
    }
  }
} finally {
  await service?.stop();
}

// SQL breakdown: the exact statements of the ledger, each timed alone.
const ctx = await InProcessApp.start(database);
interface SqlTiming {
  name: string;
  kind: string;
  ms: number;
  rows: number;
  explain: string;
  sql: string;
}
const sqlTimings: SqlTiming[] = [];
try {
  const queries = ctx.app.get(CaseQueriesService);
  const admin = { id: '00000000-0000-4000-8000-000000000001', username: 'admin', displayName: 'bench', role: 'admin' as const, leaderId: null, unitId: null, unitCode: null };
  for (const q of LEDGER_QUERIES) {
    const query = { page: 1, pageSize: 20, ...q.query, overdue: q.query.overdue === undefined ? undefined : q.query.overdue === 'true' } as unknown as ListCasesQuery;
    const statements: CapturedQuery[] = await ctx.capture(() => queries.ledger(query, admin));
    for (const s of statements) {
      const kind = /COUNT\(/i.test(s.sql) ? 'count' : 'page';
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < Number(args['sql-repeats']); i++) {
        const t0 = performance.now();
        const [result] = await db.query<mysql.RowDataPacket[]>(s.sql, s.params);
        times.push(performance.now() - t0);
        rows = result.length;
      }
      const [plan] = await db.query<mysql.RowDataPacket[]>(`EXPLAIN ${s.sql}`, s.params);
      const explain = plan.map((p) => `${p.table}: ${p.type} key=${p.key ?? '-'} rows≈${p.rows} ${p.Extra ?? ''}`.trim()).join(' | ');
      sqlTimings.push({ name: q.name, kind, ms: median(times), rows, explain, sql: s.sql });
    }
  }
} finally {
  await ctx.close();
  await db.end();
}

const summary = LEDGER_QUERIES.map((q) => {
  const rs = httpRounds.filter((r) => r.name === q.name);
  const page = sqlTimings.find((t) => t.name === q.name && t.kind === 'page');
  const count = sqlTimings.find((t) => t.name === q.name && t.kind === 'count');
  const p95 = median(rs.map((r) => r.p95));
  return {
    query: `${q.name} (${new URLSearchParams(q.query).toString()})`,
    total: rs[0]?.total ?? 0,
    'p50 ms': round(median(rs.map((r) => r.p50))),
    'p95 ms': round(p95),
    'p99 ms': round(median(rs.map((r) => r.p99))),
    'page SQL ms': round(page?.ms ?? NaN),
    'count SQL ms': round(count?.ms ?? NaN),
    'p95 < 50 ms': q.required ? (p95 < 50 ? 'PASS' : 'FAIL') : `(${p95 < 50 ? 'pass' : 'fail'}, info)`,
  };
});
process.stdout.write(`\nGET /cases first page at ${loaded} cases — medians of ${rounds} rounds of sequential requests\n${table(summary)}\n\nplans:\n`);
for (const t of sqlTimings) process.stdout.write(`  ${t.name} ${t.kind}: ${t.explain}\n`);
process.stdout.write(`\nSQL:\n${[...new Set(sqlTimings.map((t) => `  [${t.name} ${t.kind}] ${t.sql}`))].join('\n')}\n`);
log(`results: ${saveResult('ledger', { args, loaded, httpRounds, sqlTimings, summary })}`);

function round1(v: number): number {
  return round(v, 1);
}
