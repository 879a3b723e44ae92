/**
 * Where the service's CPU goes under `POST /cases`: runs the built service with `--cpu-prof`,
 * posts for a few seconds, stops it, and prints the top self-time functions and packages.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/profile-post.js [--seconds 10]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { log } from './lib/env.js';
import { caseBody, petitionerPool } from './lib/fixtures.js';
import { postLoad } from './lib/load.js';
import { dropDatabase, recreateDatabase } from './lib/mysql.js';
import { login, startService } from './lib/processes.js';
import { type CapturedQuery, InProcessApp } from './lib/sql-capture.js';
import { CasesService } from '../src/cases/cases.service.js';
import { round, table } from './lib/stats.js';
import { seededRandom } from '../src/common/seeded-random.js';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'bench_profile' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '3103' },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const dir = mkdtempSync(join(tmpdir(), 'xf-prof-'));
await recreateDatabase(args.database);
const service = await startService({
  database: args.database,
  port: Number(args.port),
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
});
try {
  const token = await login(service.url);
  const random = seededRandom(99);
  const pool = petitionerPool(20_000);
  let serial = 0;
  const run = await postLoad(
    { name: 'service', url: service.url, path: '/cases', headers: { authorization: `Bearer ${token}` }, pids: [service.pid] },
    { seconds: Number(args.seconds), connections: Number(args.connections) },
    () => JSON.stringify(caseBody(random, pool, ++serial)),
  );
  log(`${round(run.rps)} req/s, ${round(run.cpuMsPerRequest[0], 2)} CPU ms/request in the service`);
} finally {
  await service.stop();
}

// The SQL one registration sends, captured in-process on the same database (now holding the cases above).
const statements: CapturedQuery[] = [];
const ctx = await InProcessApp.start(args.database);
try {
  const cases = ctx.app.get(CasesService);
  const actor = { id: '00000000-0000-4000-8000-000000000001', username: 'admin', displayName: 'bench', role: 'admin' as const, leaderId: null, unitId: null, unitCode: null };
  const random = seededRandom(7);
  const pool = petitionerPool(20_000);
  await cases.register(caseBody(random, pool, 1), actor);
  statements.push(...(await ctx.capture(() => cases.register(caseBody(random, pool, 2), actor), true)));
} finally {
  await ctx.close();
  await dropDatabase(args.database);
}
process.stdout.write(`\nSQL statements of one POST /cases (${statements.length}, in order):\n`);
for (const st of statements) process.stdout.write(`  ${st.sql.replace(/\s+/g, ' ').slice(0, 160)}\n`);

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written to ${dir}`);
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
const total = profile.samples.length;
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const count = hits.get(node.id) ?? 0;
  if (!count) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, 'nm:');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  const pkg = url.includes('node_modules/')
    ? url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
    : url.includes('/dist/src/')
      ? 'service code (dist/src)'
      : url.startsWith('node:') || url === ''
        ? `node/${functionName.startsWith('(') ? functionName : 'internals'}`
        : url;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
}
const top = (m: Map<string, number>, n: number): Record<string, string | number>[] =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => ({ '%': round((100 * count) / total), name }));
process.stdout.write(`\nself time by package (${total} samples)\n${table(top(byPackage, 15))}\n\nself time by function\n${table(top(byFunction, 25))}\n`);
process.stdout.write(`\nprofile: ${join(dir, file)}\n`);
