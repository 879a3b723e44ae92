/**
 * Benchmark: hostile input (issue 10, findings 2 and 7). Every answer must be below 500.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/hostile.js --mode sqlite   # embedded: SQLite file, in-process jobs
 *   npx tsc -p bench/tsconfig.json && node dist/bench/hostile.js --mode mysql    # fresh bench_hostile on MariaDB + Redis
 *   options: [--requests 10000] [--concurrency 8] [--seed 20261204] [--port 3111] [--root /other/built/tree]
 *            [--dialect mariadb|mysql]: the scheme of DATABASE_URL in mysql mode (default mariadb, as README says
 *            for a MariaDB server like the one here; `mysql` runs TypeORM's MySQL dialect against it)
 *
 * Starts the built service (`node dist/src/main.js`, production-style, request and sign-in limits off so
 * every request reaches its handler), signs in once per role (admin, secretariat, auditor, a leader), makes
 * a few cases, a draft meeting, a draft rule set, a user and a feed token, then:
 * 1. hostile: `--requests` seeded requests of bench/lib/hostile-requests.ts (deep nesting, nulls, lone
 *    surrogates, prototype keys, wrong content types, huge numbers, odd values, malformed JSON, broken
 *    paths and queries, wrong roles) over every route family, `--concurrency` at a time;
 * 2. races: 5 bursts each of 20 parallel creates of one unit code, of rule-set drafts, of one username, and
 *    of busy-time replacements for one leader;
 * 3. deep bodies: 100 × 1 MB of "[" one after another (server CPU per request from /proc), then 8 senders
 *    posting them for 10 s while /health is asked every 50 ms;
 * 4. alone: 1,000 more seeded requests one at a time (nothing else running): the slowest answers, and the
 *    server CPU per request of the whole sample (from /proc).
 * Prints counts by status and every 5xx (must be 0); writes bench/results/hostile-*.json. Figures: docs/hostile-input.md.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/common/seeded-random.js';
import { hostileRequest, type HostileContext, type HostileRequest, type HostileRole } from './lib/hostile-requests.js';
import { cpuSeconds } from './lib/cpu.js';
import { databaseUrl, log, saveResult, sleep } from './lib/env.js';
import { dropDatabase, recreateDatabase } from './lib/mysql.js';
import { type RunningProcess, startService } from './lib/processes.js';
import { percentile, round, table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'sqlite' },
    requests: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '8' },
    seed: { type: 'string', default: '20261204' },
    port: { type: 'string', default: '3111' },
    database: { type: 'string', default: 'bench_hostile' },
    root: { type: 'string' },
    'deep-only': { type: 'boolean', default: false },
    dialect: { type: 'string', default: 'mariadb' },
  },
});
const mode = args.mode === 'mysql' ? 'mysql' : 'sqlite';
const total = Number(args.requests);
const concurrency = Number(args.concurrency);
const database = args.database;
/** The admin's password here (bench/lib/env.ts's shared one predates the password policy). */
const ADMIN_PASSWORD = 'Hostile-bench-Adm1n-Kq7';

interface Outcome {
  label: string;
  status: number;
  ms: number;
  code?: string;
  path?: string;
}

let base = '';
const tokens = new Map<HostileRole, string>();

/** Sends one request exactly as described: raw body bytes, the given content type or none. */
async function send(req: HostileRequest, token = tokens.get(req.role)): Promise<{ status: number; ms: number; json: Record<string, unknown> | null }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (req.contentType) headers['content-type'] = req.contentType;
  const started = performance.now();
  try {
    const res = await fetch(base + req.path, {
      method: req.method,
      headers,
      body: req.body === undefined || req.method === 'GET' ? undefined : Buffer.from(req.body, 'utf8'),
    });
    const text = await res.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // calendars, CSV, Markdown
    }
    return { status: res.status, ms: performance.now() - started, json };
  } catch (error) {
    // The server closed the connection without an answer: counted as a failure, like a 5xx.
    return { status: 599, ms: performance.now() - started, json: { code: `NO_ANSWER ${(error as Error).message}` } };
  }
}

async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, role: HostileRole | null, expected: number[]): Promise<T> {
  const res = await send({ label: 'setup', method, path, role: role ?? 'anonymous', contentType: body === undefined ? undefined : 'application/json', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!expected.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as T;
}

async function signIn(username: string, password: string): Promise<string> {
  return (await api<{ accessToken: string }>('POST', '/auth/login', { username, password }, null, [200])).accessToken;
}

/** Runs `work` for items with `parallel` workers; outcomes in item order. */
async function pool<T, R>(items: T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

const outcome = (req: HostileRequest, res: { status: number; ms: number; json: Record<string, unknown> | null }): Outcome => ({
  label: req.label,
  status: res.status,
  ms: res.ms,
  code: typeof res.json?.code === 'string' ? res.json.code : undefined,
  path: res.status >= 500 ? `${req.method} ${req.path.slice(0, 120)} ${req.body?.slice(0, 120) ?? ''}` : undefined,
});

async function setup(): Promise<HostileContext> {
  tokens.set('admin', await signIn('admin', ADMIN_PASSWORD));
  const leaders = await api<{ id: string; rank: string }[]>('GET', '/leaders', undefined, 'admin', [200]);
  const director = leaders.find((l) => l.rank === 'director') ?? leaders[0];
  const accounts: [HostileRole, string, string, string | undefined][] = [
    ['secretary', 'bench-secretary', 'secretariat', undefined],
    ['auditor', 'bench-auditor', 'auditor', undefined],
    ['director', 'bench-director', 'leader', director.id],
  ];
  const userIds: string[] = [];
  for (const [role, username, userRole, leaderId] of accounts) {
    const password = `Quartz-Lantern-${role.length}8-Ferry`;
    const user = await api<{ id: string }>('POST', '/users', { username, password, role: userRole, displayName: `压测${role}`, ...(leaderId ? { leaderId } : {}) }, 'admin', [201]);
    userIds.push(user.id);
    tokens.set(role, await signIn(username, password));
  }
  const units = await api<{ id: string; code: string }[]>('GET', '/units', undefined, 'admin', [200]);
  // Issue 15: a handling unit's account (the city government).
  const gov = units.find((u) => u.code === 'GOV') ?? units[0];
  const unitUser = await api<{ id: string }>('POST', '/users', { username: 'bench-unit', password: 'Quartz-Lantern-48-Ferry', role: 'unit', displayName: '压测unit', unitId: gov.id }, 'admin', [201]);
  userIds.push(unitUser.id);
  tokens.set('unit', await signIn('bench-unit', 'Quartz-Lantern-48-Ferry'));
  const caseIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const c = await api<{ id: string }>(
      'POST',
      '/cases',
      {
        channel: 'letter',
        receivedAt: '2026-11-25T09:30:00+08:00',
        petitioner: { name: `压测${i}` },
        subject: `压测事项 ${i}`,
        content: '小区物业公司长期不履行保洁和维修义务。',
        category: 'urban-construction',
        region: `茅箭区${i}`,
        unitsInvolved: ['GOV'],
        ...(i < 2 ? { provincialReferral: true } : {}),
      },
      'secretary',
      [201],
    );
    caseIds.push(c.id);
  }
  // Two drafts with an escalated case each (edited, confirmed, given outcomes), one more to cancel.
  const meetingIds: string[] = [];
  for (const [i, agenda] of [[{ caseId: caseIds[0], minutes: 30 }], [{ caseId: caseIds[1], minutes: 30 }], []].entries()) {
    const day = String(19 + i).padStart(2, '0');
    const meeting = await api<{ id: string }>(
      'POST',
      '/meetings',
      { type: 'supervision', startAt: `2027-01-${day}T09:00:00+08:00`, endAt: `2027-01-${day}T10:00:00+08:00`, chairId: director.id, agenda },
      'secretary',
      [201],
    );
    meetingIds.push(meeting.id);
  }
  const draft = await api<{ id: string }>('POST', '/rules/sets', { note: '压测草稿', rules: [] }, 'admin', [201]);
  const feed = await api<{ token: string }>('POST', `/leaders/${director.id}/feed-token`, undefined, 'secretary', [201]);
  return {
    unitIds: units.map((u) => u.id),
    unitCodes: ['GOV'],
    leaderIds: leaders.map((l) => l.id),
    caseIds,
    meetingIds,
    ruleSetIds: [draft.id],
    userIds,
    reviewIds: [],
    feedTokens: [feed.token],
  };
}

async function races(context: HostileContext): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const burst = async (label: string, make: (i: number) => HostileRequest): Promise<void> => {
    const reqs = Array.from({ length: 20 }, (_, i) => make(i));
    const results = await Promise.all(reqs.map((r) => send(r)));
    results.forEach((res, i) => outcomes.push(outcome({ ...reqs[i], label }, res)));
  };
  const json = (method: HostileRequest['method'], path: string, role: HostileRole, body: unknown): HostileRequest => ({
    label: '',
    method,
    path,
    role,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
  for (let round = 0; round < 5; round++) {
    await burst('race:unit-code', () => json('POST', '/units', 'admin', { code: `RACE${round}`, name: '并发单位', kind: 'external', categories: [] }));
    await burst('race:rule-set-version', (i) => json('POST', '/rules/sets', 'admin', { note: `并发草稿 ${round}-${i}`, rules: [] }));
    await burst('race:username', () => json('POST', '/users', 'admin', { username: `race-user-${round}`, password: 'Copper-Meadow-73-Kite', role: 'auditor', displayName: '并发' }));
    const leader = context.leaderIds[round % context.leaderIds.length];
    await burst('race:busy-times', (i) =>
      json('PUT', `/leaders/${leader}/busy`, 'secretary', [2, 3, 4].map((m) => ({ start: `2027-0${m}-${String(i + 1).padStart(2, '0')}T09:00:00+08:00`, end: `2027-0${m}-${String(i + 1).padStart(2, '0')}T12:00:00+08:00`, reason: `出差 ${i}` }))),
    );
  }
  return outcomes;
}

const oneMegabyteOfBrackets: HostileRequest = { label: 'deep:1MB-[', method: 'POST', path: '/auth/login', role: 'anonymous', contentType: 'application/json', body: '['.repeat(1024 * 1024) };

/** Server CPU ms per request of `req` sent `times` times one after another. */
async function cpuPerRequest(service: RunningProcess, req: HostileRequest, times: number): Promise<{ cpuMs: number; statuses: number[] }> {
  const statuses = new Set<number>();
  const before = cpuSeconds(service.pid);
  for (let i = 0; i < times; i++) statuses.add((await send(req)).status);
  return { cpuMs: round(((cpuSeconds(service.pid) - before) * 1000) / times, 2), statuses: [...statuses] };
}

async function deepFlood(): Promise<{ senders: number; seconds: number; deepRequests: number; deepStatuses: Record<string, number>; health: { n: number; p50: number; p99: number; max: number } }> {
  const until = Date.now() + 10_000;
  const statuses: Record<string, number> = {};
  let deepRequests = 0;
  const health: number[] = [];
  const senders = Array.from({ length: 8 }, async () => {
    while (Date.now() < until) {
      const res = await send(oneMegabyteOfBrackets);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      deepRequests++;
    }
  });
  const probe = (async () => {
    while (Date.now() < until) {
      health.push((await send({ label: 'health', method: 'GET', path: '/health', role: 'anonymous' })).ms);
      await sleep(50);
    }
  })();
  await Promise.all([...senders, probe]);
  return {
    senders: 8,
    seconds: 10,
    deepRequests,
    deepStatuses: statuses,
    health: { n: health.length, p50: round(percentile(health, 50), 1), p99: round(percentile(health, 99), 1), max: round(Math.max(...health), 1) },
  };
}

let service: RunningProcess | null = null;
try {
  if (mode === 'mysql') {
    log(`fresh database ${database}`);
    await recreateDatabase(database);
  }
  const limitsOff = {
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    LOGIN_MAX_FAILURES: '0',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '0',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  service = await startService({
    database,
    port: Number(args.port),
    redis: mode === 'mysql',
    root: args.root,
    env: {
      ...limitsOff,
      ADMIN_PASSWORD,
      // An empty DATABASE_URL is no URL: the service starts embedded on SQLite in its DATA_DIR.
      DATABASE_URL: mode === 'sqlite' ? '' : databaseUrl(database).replace(/^mysql:/, `${args.dialect === 'mysql' ? 'mysql' : 'mariadb'}:`),
    },
  });
  base = service.url;
  log(`service up in ${mode} mode${mode === 'mysql' ? ` (${args.dialect === 'mysql' ? 'mysql' : 'mariadb'}:// + Redis)` : ''} (pid ${service.pid})`);
  const context = await setup();
  log(`signed in as ${[...tokens.keys()].join(', ')}; ${context.caseIds.length} cases, ${context.meetingIds.length} draft meetings, a draft rule set`);

  const all: Outcome[] = [];
  let hostileCpu = NaN;
  let hostileSeconds = NaN;
  let slowest: { label: string; status: number; ms: number }[] = [];
  let alone = { requests: 0, cpuMsPerRequest: NaN, p50: NaN, p99: NaN };
  if (!args['deep-only']) {
    const random = seededRandom(Number(args.seed));
    const requests = Array.from({ length: total }, () => hostileRequest(random, context));
    const cpuBefore = cpuSeconds(service.pid);
    const started = performance.now();
    const hostile = await pool(requests, concurrency, async (req) => outcome(req, await send(req)));
    hostileSeconds = (performance.now() - started) / 1000;
    hostileCpu = cpuSeconds(service.pid) - cpuBefore;
    all.push(...hostile);
    log(`hostile: ${hostile.length} requests in ${round(hostileSeconds)} s, server CPU ${round(hostileCpu, 2)} s`);

    const raced = await races(context);
    all.push(...raced);
    log(`races: ${raced.length} requests`);

    // One at a time, the latency of an answer is its own cost (CPU, and the database's work for it).
    const sample = Array.from({ length: 1000 }, () => hostileRequest(random, context));
    const aloneCpuBefore = cpuSeconds(service.pid);
    const answered: Outcome[] = [];
    for (const req of sample) answered.push(outcome(req, await send(req)));
    alone = {
      requests: answered.length,
      cpuMsPerRequest: round(((cpuSeconds(service.pid) - aloneCpuBefore) * 1000) / answered.length, 2),
      p50: round(percentile(answered.map((o) => o.ms), 50), 1),
      p99: round(percentile(answered.map((o) => o.ms), 99), 1),
    };
    all.push(...answered);
    slowest = [...answered]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map((o) => ({ label: o.label, status: o.status, ms: round(o.ms, 1) }));
    log(`alone: ${answered.length} requests, server CPU ${alone.cpuMsPerRequest} ms per request, p50 ${alone.p50} ms, p99 ${alone.p99} ms`);
  }

  const deepAlone = await cpuPerRequest(service, oneMegabyteOfBrackets, 100);
  log(`1 MB of "[": ${deepAlone.cpuMs} ms server CPU per request (statuses ${deepAlone.statuses.join(', ')})`);
  const flood = await deepFlood();
  log(`flood: ${flood.deepRequests} deep bodies from 8 senders in 10 s; /health p50 ${flood.health.p50} ms, p99 ${flood.health.p99} ms, max ${flood.health.max} ms`);
  for (const [status, n] of Object.entries(flood.deepStatuses)) for (let i = 0; i < n; i++) all.push({ label: 'deep:flood', status: Number(status), ms: 0 });
  for (const status of deepAlone.statuses) all.push({ label: 'deep:1MB-[', status, ms: 0 });

  const byStatus: Record<string, number> = {};
  for (const o of all) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  const failures = all.filter((o) => o.status >= 500);
  const byFamily = new Map<string, Record<string, number>>();
  for (const o of all) {
    const family = o.label.split(':')[0];
    const row = byFamily.get(family) ?? {};
    const bucket = o.status >= 500 ? '5xx' : o.status >= 400 ? '4xx' : '2xx';
    row[bucket] = (row[bucket] ?? 0) + 1;
    byFamily.set(family, row);
  }
  console.log(`\nmode ${mode}: ${all.length} requests (deep-body CPU replays counted once per status)`);
  console.log(table(Object.entries(byStatus).map(([status, n]) => ({ status, requests: n }))));
  console.log(`\nby route family`);
  console.log(table([...byFamily].sort().map(([family, row]) => ({ family, '2xx': row['2xx'] ?? 0, '4xx': row['4xx'] ?? 0, '5xx': row['5xx'] ?? 0 }))));
  if (slowest.length) {
    console.log(`\nslowest answers, one request at a time`);
    console.log(table(slowest.map((s) => ({ request: s.label, status: s.status, ms: s.ms }))));
  }
  console.log(`\n5xx: ${failures.length}`);
  for (const f of failures.slice(0, 20)) console.log(`  ${f.status} ${f.code ?? ''} ${f.label} ${f.path ?? ''}`);
  if (failures.length) {
    const errors = service.output().split('\n').filter((line) => line.includes('"level":"error"'));
    console.log(`\nthe service's last error lines:\n${[...new Set(errors.map((l) => l.replace(/"time":"[^"]*",|"correlationId":"[^"]*"/g, '')))].slice(-5).join('\n')}`);
  }
  const file = saveResult(`hostile-${mode}`, {
    mode,
    dialect: mode === 'mysql' ? args.dialect : undefined,
    seed: Number(args.seed),
    requests: all.length,
    hostile: { requests: total, concurrency, seconds: round(hostileSeconds, 1), serverCpuSeconds: round(hostileCpu, 2) },
    byStatus,
    byFamily: Object.fromEntries(byFamily),
    fiveHundreds: failures,
    alone,
    slowest,
    deepBody: { cpuMsPerRequest: deepAlone.cpuMs, statuses: deepAlone.statuses, flood },
  });
  log(`saved ${file}`);
  if (failures.length) process.exitCode = 1;
} finally {
  await service?.stop();
  if (mode === 'mysql') await dropDatabase(database);
}
