/**
 * Benchmark: 单位考评 (GET /reports/units, GET /reports/units/:unitId) over a large timeline.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/unit-scorecard.js [--cases 200000] [--runs 10]
 *
 * Creates `bench_scorecard`, lets the service migrate it, then writes `--cases` transferred cases spread
 * over 2026 with a unit's loop each (register, transfer, sign on time or late, reply on time or late,
 * an automatic urge for one in four, feedback): about six timeline events per case, with MariaDB's
 * sequence engine in a few INSERT … SELECT statements. Times the service's own code path
 * (UnitScorecardService: every statement of a list or a unit) --runs times per window and prints
 * p50/p95 with the (action, at) index of migration 032 and again without it (side by side in one run), and
 * EXPLAIN of the events statement. No target is set by the issue; the dashboard's
 * 300 ms per statement is the yardstick.
 */
import { parseArgs } from 'node:util';
import { UnitScorecardService } from '../src/reports/unit-scorecard.service.js';
import type { Actor } from '../src/domain/actor.js';
import { log, saveResult } from './lib/env.js';
import { databaseConnection, recreateDatabase, scalar } from './lib/mysql.js';
import { InProcessApp } from './lib/sql-capture.js';
import { median, percentile, round, table } from './lib/stats.js';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '200000' }, runs: { type: 'string', default: '10' }, database: { type: 'string', default: 'bench_scorecard' } } });
const N = Number(args.cases);
const RUNS = Math.max(3, Number(args.runs));
const UNITS = ['GOV', 'SUP', 'COURT', 'PROC', 'HOUSING', 'HRSS'];
const ADMIN: Actor = { id: '00000000-0000-4000-8000-000000000001', username: 'bench', displayName: 'bench', role: 'admin', leaderId: null, unitId: null, unitCode: null };

await recreateDatabase(args.database);
const ctx = await InProcessApp.start(args.database);
const conn = await databaseConnection(args.database);
try {
  // The handling units (the bench starts no seeding): the six external bodies the cases go to.
  for (const [i, code] of UNITS.entries()) {
    await conn.query("INSERT INTO units (id, code, name, kind, categories, responsibilities, active) VALUES (?, ?, ?, 'external', '[]', '[]', 1)", [`00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`, code, `单位${code}`]);
  }
  log(`writing ${N} cases and their timelines`);
  const unit = `ELT(1 + s.seq MOD ${UNITS.length}, ${UNITS.map((u) => `'${u}'`).join(', ')})`;
  // receivedAt: spread over 2026 (seq MOD 360 days), every event a few days after it
  const at = (days: number): string => `TIMESTAMPADD(HOUR, ${days * 24} + (s.seq MOD 5), TIMESTAMPADD(DAY, s.seq MOD 360, '2026-01-01 01:00:00'))`;
  await conn.query(
    `INSERT INTO cases (id, code, channel, receivedAt, registeredAt, status, grade, petitionerName, headcount, subject, content, category, region, unitsInvolved, deputyReported, important, provincialReferral, leaderInstructed, relatedCaseIds, repeatCount, similarOpenCases, relatedDissatisfied, routeCommittee, routeHandledBy, routeMode, flags, ruleSetVersion, evaluation, acceptDueAt, replyDueAt, dueAt, reportRequired, extensionUsed, resupervisionCount, acceptedAt, routedAt, signDueAt, signedAt, signedOnTime, repliedAt, repliedOnTime, feedback, createdBy, createdAt, updatedAt, version)
     SELECT CONCAT('00000000-0000-4000-8000-', LPAD(s.seq, 12, '0')), CONCAT('XF-B-', LPAD(s.seq, 9, '0')), 'letter', ${at(0)}, ${at(0)}, 'replied', 'normal', '张三', 1, '物业服务', '内容', 'urban-construction', '茅箭区', '[]', 0, 0, 0, 0, '[]', 0, 0, 0, 'UCEC', ${unit}, 'transfer', '[]', 1, '{}', ${at(15)}, ${at(60)}, NULL, 0, 0, 0, ${at(1)}, ${at(1)}, ${at(4)}, ${at(2)}, 1, ${at(30)}, 1, 'satisfied', 'bench', ${at(0)}, ${at(30)}, 6
     FROM seq_1_to_${N} s`,
  );
  const event = (n: number, action: string, days: number, data: string, where = '1'): string =>
    `INSERT INTO case_events (id, caseId, at, caseVersion, action, fromStatus, toStatus, actorId, actorName, actorRole, reason, data)
     SELECT CONCAT('0000000${n}-0000-4000-8000-', LPAD(s.seq, 12, '0')), CONCAT('00000000-0000-4000-8000-', LPAD(s.seq, 12, '0')), ${at(days)}, ${n}, '${action}', 'routed', 'routed', 'system', '系统', 'system', NULL, ${data}
     FROM seq_1_to_${N} s WHERE ${where}`;
  const json = (fields: string): string => `CONCAT('{', ${fields}, '}')`;
  await conn.query(event(1, 'register', 0, "'{}'"));
  await conn.query(event(2, 'transfer', 1, json(`'"handledBy":"', ${unit}, '","mode":"transfer"'`)));
  await conn.query(event(3, 'sign', 3, json(`'"handledBy":"', ${unit}, '","signedOnTime":', IF(s.seq MOD 7 = 0, 'false', 'true')`)));
  await conn.query(event(4, 'urge', 40, json(`'"automatic":true,"kind":"overdue","unit":"', ${unit}, '"'`), 's.seq MOD 4 = 0'));
  await conn.query(event(5, 'reply', 50, json(`'"handledBy":"', ${unit}, '","repliedOnTime":', IF(s.seq MOD 5 = 0, 'false', 'true')`)));
  await conn.query(event(6, 'feedback', 55, json(`'"feedback":"', IF(s.seq MOD 9 = 0, 'dissatisfied', 'satisfied'), '"'`)));
  await conn.query('ANALYZE TABLE cases, case_events');
  const events = await scalar(conn, 'SELECT COUNT(*) FROM case_events');
  log(`${N} cases, ${events} timeline events`);

  const service = ctx.app.get(UnitScorecardService);
  const gov = await scalar<string>(conn, "SELECT id FROM units WHERE code = 'GOV'");
  const windows = [
    { name: 'year 2026', query: { period: '2026' } },
    { name: 'quarter 2026-Q4', query: { period: '2026-Q4' } },
    { name: 'month 2026-11', query: { period: '2026-11' } },
  ];
  const rows: Record<string, string | number>[] = [];
  // Side by side in one run: with the (action, at) index of migration 032, then without it.
  const timeAll = async (index: string): Promise<void> => {
    for (const w of windows) {
      for (const [what, run] of [
        ['all units', () => service.list(w.query, ADMIN)],
        ['one unit with its cases', () => service.one(gov, w.query, ADMIN)],
      ] as const) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await run();
          times.push(performance.now() - t0);
        }
        rows.push({ index, window: w.name, route: what, p50: round(median(times)), p95: round(percentile(times, 95)) });
      }
    }
  };
  await timeAll('idx_case_events_action_at');
  await conn.query('DROP INDEX `idx_case_events_action_at` ON `case_events`');
  await timeAll('none');
  await conn.query('CREATE INDEX `idx_case_events_action_at` ON `case_events` (`action`, `at`)');
  const listed = await service.list({ period: '2026' }, ADMIN);
  const govFigures = listed.units.find((u) => u.unitCode === 'GOV')?.figures;
  log(`GOV 2026: ${JSON.stringify(govFigures)}`);
  ctx.captured.length = 0;
  await service.list({ period: '2026-Q4' }, ADMIN);
  const eventsSql = ctx.captured.find((q) => /FROM case_events/.test(q.sql) && /GROUP BY unitCode, action, outcome/.test(q.sql));
  const [plan] = eventsSql ? await conn.query(`EXPLAIN ${eventsSql.sql}`, eventsSql.params) : [[]];
  console.log(table(rows));
  console.log('EXPLAIN (events per unit, action, outcome):');
  console.log(plan);
  saveResult('unit-scorecard', { cases: N, events, runs: RUNS, rows, plan });
} finally {
  await conn.end();
  await ctx.close();
}
