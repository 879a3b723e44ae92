/**
 * What-if for the ledger (not a fix: src/ is unchanged): adds the proposed composite indexes to
 * bench_ledger, times the ledger's SQL as it is and rewritten (ORDER BY c.dueAt, c.code over
 * c.dueAt IS NOT NULL), optionally runs sequential HTTP requests against a patched build
 * (whatif.sh → <snapshot>-ledger), then drops the indexes again (unless --keep-indexes).
 *
 *   sh bench/snapshot.sh /tmp/xf-bench && sh bench/whatif.sh /tmp/xf-bench
 *   cd /tmp/xf-bench && node dist/bench/ledger-whatif.js --variant /tmp/xf-bench-ledger
 */
import { parseArgs } from 'node:util';
import type mysql from 'mysql2/promise';
import { CaseQueriesService } from '../src/cases/case-queries.service.js';
import type { ListCasesQuery } from '../src/cases/dto/list-cases.query.js';
import { LEDGER_QUERIES } from './ledger-queries.js';
import { log, saveResult } from './lib/env.js';
import { databaseConnection, suppressDailySweep } from './lib/mysql.js';
import { login, type RunningProcess, startService } from './lib/processes.js';
import { InProcessApp } from './lib/sql-capture.js';
import { median, percentile, round, table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'bench_ledger' },
    variant: { type: 'string' },
    requests: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '3' },
    port: { type: 'string', default: '3106' },
    'keep-indexes': { type: 'boolean', default: false },
  },
});

/** The proposed indexes: each two-filter combination's equality columns, then the sort keys. */
export const PROPOSED_INDEXES: Record<string, string> = {
  idx_cases_status_category_due: '`status`, `category`, `dueAt`, `code`',
  idx_cases_handled_status_due: '`routeHandledBy`, `status`, `dueAt`, `code`',
  idx_cases_grade_due_code: '`grade`, `dueAt`, `code`',
  idx_cases_due_code: '`dueAt`, `code`',
};

const db = await databaseConnection(args.database);
const [existing] = await db.query<mysql.RowDataPacket[]>(
  "SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'cases'",
  [args.database],
);
const have = new Set(existing.map((r) => String(r.name)));
const toAdd = Object.entries(PROPOSED_INDEXES).filter(([name]) => !have.has(name));
const t0 = performance.now();
if (toAdd.length) await db.query(`ALTER TABLE cases ${toAdd.map(([name, cols]) => `ADD INDEX \`${name}\` (${cols})`).join(', ')}`);
log(`added ${toAdd.length} indexes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const ORDER_AS_IS = 'ORDER BY CASE WHEN `c`.`dueAt` IS NULL THEN 1 ELSE 0 END ASC, `c`.`dueAt` ASC, `c`.`code` ASC';
const rewrite = (sql: string): string => {
  if (!sql.includes(ORDER_AS_IS)) return sql;
  const cond = sql.includes(' WHERE ') ? 'AND `c`.`dueAt` IS NOT NULL ' : 'WHERE `c`.`dueAt` IS NOT NULL ';
  return sql.replace(ORDER_AS_IS, cond + 'ORDER BY `c`.`dueAt` ASC, `c`.`code` ASC');
};
const explain = async (sql: string, params: unknown[]): Promise<string> => {
  const [plan] = await db.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`, params);
  return plan.map((p) => `${p.type} key=${p.key ?? '-'} rows≈${p.rows} ${p.Extra ?? ''}`.trim()).join(' | ');
};
const time = async (sql: string, params: unknown[], n = 3): Promise<number> => {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await db.query(sql, params);
    times.push(performance.now() - s);
  }
  return median(times);
};

const sqlRows: Record<string, string | number>[] = [];
const ctx = await InProcessApp.start(args.database);
try {
  const queries = ctx.app.get(CaseQueriesService);
  const admin = { id: '00000000-0000-4000-8000-000000000001', username: 'admin', displayName: 'bench', role: 'admin' as const, leaderId: null };
  for (const q of LEDGER_QUERIES) {
    const query = { page: 1, pageSize: 20, ...q.query, overdue: q.query.overdue === undefined ? undefined : q.query.overdue === 'true' } as unknown as ListCasesQuery;
    const statements = await ctx.capture(() => queries.ledger(query, admin));
    const page = statements.find((s) => !/COUNT\(/i.test(s.sql));
    const count = statements.find((s) => /COUNT\(/i.test(s.sql));
    if (!page || !count) continue;
    const rewritten = rewrite(page.sql);
    sqlRows.push({
      query: q.name,
      'page as is, ms': round(await time(page.sql, page.params)),
      'page rewritten, ms': round(await time(rewritten, page.params)),
      'count, ms': round(await time(count.sql, count.params)),
      'plan (rewritten page)': await explain(rewritten, page.params),
      'plan (count)': await explain(count.sql, count.params),
    });
    log(`${q.name}: ${JSON.stringify(sqlRows[sqlRows.length - 1])}`);
  }
} finally {
  await ctx.close();
}

const httpRows: Record<string, string | number>[] = [];
if (args.variant) {
  await suppressDailySweep(db);
  let service: RunningProcess | null = null;
  try {
    service = await startService({ database: args.database, port: Number(args.port), root: args.variant, name: 'ledger-variant' });
    const token = await login(service.url);
    for (const q of LEDGER_QUERIES) {
      const url = `${service.url}/cases?${new URLSearchParams(q.query).toString()}`;
      const p95s: number[] = [];
      const p50s: number[] = [];
      let total = 0;
      for (let i = 0; i < 3; i++) await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      for (let r = 0; r < Number(args.rounds); r++) {
        const samples: number[] = [];
        for (let i = 0; i < Number(args.requests); i++) {
          const s = performance.now();
          const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as { total: number };
          samples.push(performance.now() - s);
          if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
          total = body.total;
        }
        p50s.push(percentile(samples, 50));
        p95s.push(percentile(samples, 95));
      }
      const p95 = median(p95s);
      httpRows.push({ query: q.name, total, 'p50 ms': round(median(p50s)), 'p95 ms': round(p95), 'p95 < 50 ms': p95 < 50 ? 'PASS' : 'FAIL' });
      log(`variant ${q.name}: p50 ${round(median(p50s))} ms p95 ${round(p95)} ms (total ${total})`);
    }
  } finally {
    await service?.stop();
  }
}

if (!args['keep-indexes'] && toAdd.length) {
  await db.query(`ALTER TABLE cases ${toAdd.map(([name]) => `DROP INDEX \`${name}\``).join(', ')}`);
  log('proposed indexes dropped again');
}
await db.end();
process.stdout.write(`\nledger SQL with the proposed indexes (${Object.entries(PROPOSED_INDEXES).map(([n, c]) => `${n} (${c.replace(/`/g, '')})`).join('; ')})\n${table(sqlRows)}\n`);
if (httpRows.length) process.stdout.write(`\nGET /cases page 1 against the patched build (${args.variant}), with the indexes\n${table(httpRows)}\n`);
log(`results: ${saveResult('ledger-whatif', { args, sqlRows, httpRows })}`);
