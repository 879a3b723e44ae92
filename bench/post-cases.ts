/**
 * Benchmark 1: `POST /cases` on MySQL + Redis, side by side with the floor (bench/floor-app.ts).
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/post-cases.js [--rounds 3] [--seconds 10]
 *
 * Each round measures, in alternating order, maximum throughput of the service and of the floor
 * (same connections), then both at a fixed `overallRate` (default 200 req/s). Bodies are valid,
 * distinct Chinese petitions from a petitioner pool with repeat petitioners and clusters.
 * Prints per-round figures and medians; writes bench/results/post-cases-*.json.
 */
import { parseArgs } from 'node:util';
import { databaseServerPid } from './lib/cpu.js';
import { log, saveResult } from './lib/env.js';
import { caseBody, petitionerPool } from './lib/fixtures.js';
import { type LoadRun, type LoadTarget, postLoad } from './lib/load.js';
import { databaseConnection, delta, dropDatabase, innodbCounters, recreateDatabase, scalar } from './lib/mysql.js';
import { login, type RunningProcess, startFloor, startService } from './lib/processes.js';
import { median, round, table } from './lib/stats.js';
import { seededRandom } from '../src/common/seeded-random.js';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'bench_post' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    'rate-seconds': { type: 'string', default: '20' },
    'rate-connections': { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    port: { type: 'string', default: '3101' },
    'floor-port': { type: 'string', default: '3102' },
    keep: { type: 'boolean', default: false },
    /** name=/path/to/built/tree: also measure another build of the service (e.g. a patched snapshot), side by side. */
    variant: { type: 'string', multiple: true, default: [] },
  },
});
const rounds = Number(args.rounds);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const rate = Number(args.rate);
const rateSeconds = Number(args['rate-seconds']);
const rateConnections = Number(args['rate-connections']);
const database = args.database;

const random = seededRandom(20261126);
const pool = petitionerPool(20_000);
let serial = 0;
const nextBody = (): string => JSON.stringify(caseBody(random, pool, ++serial));

let service: RunningProcess | null = null;
let floor: RunningProcess | null = null;
const variants: RunningProcess[] = [];
try {
  log(`fresh database ${database}`);
  await recreateDatabase(database);
  service = await startService({ database, port: Number(args.port) });
  log(`service up (pid ${service.pid}, migrations run)`);
  const db = await databaseConnection(database);
  await db.query('CREATE TABLE floor_cases LIKE cases');
  floor = await startFloor({ database, port: Number(args['floor-port']), table: 'floor_cases' });
  log(`floor up (pid ${floor.pid})`);
  for (const [i, spec] of (args.variant ?? []).entries()) {
    const [name, root] = spec.split('=');
    const v = await startService({ database, port: Number(args.port) + 10 + i, root, name });
    variants.push(v);
    log(`variant ${name} up (pid ${v.pid}, from ${root})`);
  }

  const token = await login(service.url);
  const dbPid = databaseServerPid();
  const watched = (p: RunningProcess): number[] => [p.pid, ...(dbPid ? [dbPid] : [])];
  const targets: Record<string, LoadTarget> = {
    service: { name: 'service', url: service.url, path: '/cases', headers: { authorization: `Bearer ${token}` }, pids: watched(service) },
    floor: { name: 'floor', url: floor.url, path: '/floor', headers: {}, pids: watched(floor) },
  };
  for (const v of variants) {
    targets[v.name] = { name: v.name, url: v.url, path: '/cases', headers: { authorization: `Bearer ${await login(v.url)}` }, pids: watched(v) };
  }
  const names = Object.keys(targets);

  // One request each, checked, before any load: a 4xx body would otherwise be counted as latency.
  for (const t of Object.values(targets)) {
    const res = await fetch(t.url + t.path, { method: 'POST', headers: { 'content-type': 'application/json', ...t.headers }, body: nextBody() });
    if (res.status !== 201) throw new Error(`${t.name}: expected 201, got ${res.status}: ${await res.text()}\n${service.output()}`);
  }
  log(`warm-up ${args.warmup} s each`);
  for (const t of Object.values(targets)) await postLoad(t, { seconds: Number(args.warmup), connections }, nextBody);

  type Run = LoadRun & { round: number; innodb: Record<string, number> };
  const runs: Run[] = [];
  const measure = async (name: string, round: number, options: { seconds: number; connections: number; rate?: number }): Promise<Run> => {
    const before = await innodbCounters(db);
    const run = await postLoad(targets[name], options, nextBody);
    const result = { ...run, round, innodb: delta(before, await innodbCounters(db)) };
    runs.push(result);
    return result;
  };
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? names : [...names].reverse();
    for (const name of order) {
      const run = await measure(name, round, { seconds, connections });
      log(`round ${round} ${name} max: ${round1(run.rps)} req/s p50 ${round1(run.p50)} ms p99 ${round1(run.p99)} ms (non-2xx ${run.non2xx}, errors ${run.errors}, deadlocks ${run.innodb.Innodb_deadlocks})`);
    }
    for (const name of order) {
      const run = await measure(name, round, { seconds: rateSeconds, connections: rateConnections, rate });
      log(`round ${round} ${name} @${rate}/s: ${round1(run.rps)} req/s p50 ${round1(run.p50)} ms p99 ${round1(run.p99)} ms (non-2xx ${run.non2xx}, errors ${run.errors}, deadlocks ${run.innodb.Innodb_deadlocks})`);
    }
  }

  const okService = runs.filter((r) => r.target !== 'floor').reduce((s, r) => s + r.ok, 0);
  // Requests still in flight when the load stops may land between two counts: one statement reads both.
  const [stored, events] = (await scalar<string>(db, "SELECT CONCAT((SELECT COUNT(*) FROM cases), ' ', (SELECT COUNT(*) FROM case_events))")).split(' ').map(Number);
  const storedFloor = await scalar<number>(db, 'SELECT COUNT(*) FROM floor_cases');
  const repeats = await scalar<number>(db, 'SELECT COUNT(*) FROM cases WHERE repeatCount > 0');
  const clusterMax = await scalar<number>(db, 'SELECT MAX(n) FROM (SELECT COUNT(*) n FROM cases GROUP BY category, region) t');
  await db.end();

  const pick = (target: string, mode: string): Run[] => runs.filter((r) => r.target === target && r.mode === mode);
  const ratioOf = (target: string): number[] =>
    Array.from({ length: rounds }, (_, i) => {
      const s = runs.find((r) => r.round === i + 1 && r.target === target && r.mode === 'max');
      const f = runs.find((r) => r.round === i + 1 && r.target === 'floor' && r.mode === 'max');
      return s && f ? s.rps / f.rps : NaN;
    });
  const ratios = ratioOf('service');
  const summary = names.flatMap((target) =>
    (['max', 'rate'] as const).map((mode) => {
      const rs = pick(target, mode);
      return {
        target,
        mode: mode === 'max' ? `max, ${connections} conn` : `${rate}/s, ${rateConnections} conn`,
        'req/s': round(median(rs.map((r) => r.rps))),
        'p50 ms': round(median(rs.map((r) => r.p50))),
        'p90 ms': round(median(rs.map((r) => r.p90))),
        'p99 ms': round(median(rs.map((r) => r.p99))),
        'app CPU ms/req': round(median(rs.map((r) => r.cpuMsPerRequest[0])), 2),
        'db CPU ms/req': round(median(rs.map((r) => r.cpuMsPerRequest[1] ?? NaN)), 2),
        'of floor': target === 'floor' || mode === 'rate' ? '' : `${round(median(ratioOf(target)) * 100)}%`,
        'non-2xx+err': rs.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0),
        'deadlocks/1k req': round(median(rs.map((r) => (1000 * r.innodb.Innodb_deadlocks) / Math.max(1, r.ok)))),
        'lock wait ms/req': round(median(rs.map((r) => r.innodb.Innodb_row_lock_time / Math.max(1, r.ok))), 2),
      };
    }),
  );
  const serviceRatio = median(ratios);
  const rateP99 = median(pick('service', 'rate').map((r) => r.p99));
  const rateAchieved = median(pick('service', 'rate').map((r) => r.rps));
  process.stdout.write(`\nPOST /cases vs floor — medians of ${rounds} rounds\n${table(summary)}\n`);
  process.stdout.write(`\nthroughput ratio service/floor per round: ${ratios.map((r) => round(r, 3)).join(', ')}; median ${round(serviceRatio * 100)}% (target >= 50%): ${serviceRatio >= 0.5 ? 'PASS' : 'FAIL'}\n`);
  process.stdout.write(`service p99 at ${rate}/s: ${round(rateP99)} ms, achieved ${round(rateAchieved)} req/s (target p99 < 100 ms): ${rateP99 < 100 && rateAchieved >= rate * 0.97 ? 'PASS' : 'FAIL'}\n`);
  process.stdout.write(`cases stored ${stored} (2xx seen ${okService} + checks + warm-up), timeline events ${events}, floor rows ${storedFloor}, repeat petitions ${repeats}, largest category+region cluster ${clusterMax}\n`);
  const file = saveResult('post-cases', { args, rounds: runs, summary, ratios, serviceRatio, rateP99, rateAchieved, stored, events, storedFloor, repeats, clusterMax });
  log(`results: ${file}`);
} finally {
  for (const v of variants) await v.stop();
  await floor?.stop();
  await service?.stop();
  if (!args.keep) await dropDatabase(database);
}

function round1(v: number): number {
  return round(v, 1);
}
