/**
 * Backup of a large embedded (SQLite) installation: time, size, and the service's latency meanwhile.
 *
 *   sh bench/snapshot.sh /tmp/xf-bench && cd /tmp/xf-bench
 *   node dist/bench/backup.js --cases 1000000      # --reuse keeps an earlier load of the same size; --seconds 20
 *
 * 1. Loads --cases cases straight into a SQLite file (schema from the service's migrations) in
 *    /tmp/xf-bench-backup-<cases>/data: realistic rows (bench/lib/fixtures.ts), ID numbers, phones and
 *    addresses encrypted with the key the service then uses, one event per case (two for accepted ones).
 * 2. Starts the built service on it (embedded mode, in-process jobs, no Redis).
 * 3. Four clients read in a closed loop (GET /cases/:id of random cases and the first ledger page,
 *    alternately) for --seconds without a backup, then during `node dist/src/backup/cli/backup.js`
 *    (a separate process, encrypted, the way `npm run backup` runs), then during `POST /backups`
 *    (the daily job's path: inside the service, through its own connection), then without again (the
 *    page cache is warmer by then: compare each phase with both baselines).
 * Prints the duration, the database and archive sizes, and p50/p99 latency per phase; JSON to bench/results/.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { type CaseStatus, type Category, caseCode } from '../src/domain/case-vocabulary.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { seededRandom } from '../src/common/seeded-random.js';
import { buildDataSourceOptions } from '../src/data-source-options.js';
import { log, ROOT, saveResult, sleep } from './lib/env.js';
import { contentFor, int, pickCategory, pickChannel, pickHandledBy, pickRegion, petitionerPool, subjectFor, weighted, CATEGORY_SPECS } from './lib/fixtures.js';
import { percentile, round, table } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '20' },
    reuse: { type: 'boolean', default: false },
    port: { type: 'string', default: '3957' },
    clients: { type: 'string', default: '4' },
  },
});
const count = Number(args.cases);
const seconds = Number(args.seconds);
const port = Number(args.port);
const clients = Number(args.clients);
const root = `/tmp/xf-bench-backup-${count}`;
const dataDir = join(root, 'data');
const backupDir = join(root, 'backups');
const PASSPHRASE = 'bench backup passphrase 2026';
const ADMIN_PASSWORD = 'Xf-Bench-Backup-Pw-2026!';
const META = { count, version: 1 };
const DAY = 86_400_000;

/** Time-ordered UUID-shaped keys: rows append to the primary-key index instead of landing at random. */
function orderedId(i: number, salt: string): string {
  const h = i.toString(16).padStart(12, '0');
  const tail = createHash('md5').update(salt + String(i)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(6, 18)}`;
}

const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);
function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

async function load(): Promise<void> {
  const metaFile = join(root, 'meta.json');
  if (args.reuse && existsSync(metaFile) && readFileSync(metaFile, 'utf8') === JSON.stringify(META)) {
    log(`reusing ${dataDir} (${count} cases)`);
    return;
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'pii.key'), randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  writeFileSync(join(dataDir, 'jwt.secret'), randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  const env = { DATA_DIR: dataDir, ADMIN_PASSWORD, DEMO_DATA: 'false' };
  const config = loadConfig(env);
  const ds = new DataSource(buildDataSourceOptions(config.database, true));
  await ds.initialize();
  await ds.destroy();
  log('schema created by the migrations');

  const cipher = new PiiCipher(config.piiKey);
  if (config.database.kind !== 'sqlite') throw new Error('embedded mode only');
  const dbPath = config.database.path;
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const caseColumns = (db.prepare('PRAGMA table_info(cases)').all() as { name: string }[]).map((c) => c.name);
  const insertCase = db.prepare(`INSERT INTO cases (${caseColumns.map((c) => `"${c}"`).join(',')}) VALUES (${caseColumns.map((c) => `@${c}`).join(',')})`);
  const insertEvent = db.prepare(
    'INSERT INTO case_events (id, caseId, at, caseVersion, action, fromStatus, toStatus, actorId, actorName, actorRole, reason, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const r = seededRandom(42);
  const pool = petitionerPool(100_000);
  const pickStatus = weighted<CaseStatus>([['closed', 70], ['replied', 5], ['rejected', 3], ['in_handling', 12], ['accepted', 5], ['registered', 5]]);
  const now = Date.now();
  const at = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  const started = Date.now();
  const batch = 5000;
  for (let i = 0; i < count; i += batch) {
    db.transaction(() => {
      for (let j = i; j < Math.min(count, i + batch); j++) {
        const p = pool[Math.floor(r() ** 2 * pool.length)];
        const region = r() < 0.85 ? p.region : pickRegion(r);
        const category: Category = pickCategory(r);
        const status = pickStatus(r);
        const received = now - int(r, 1, 4 * 365) * DAY;
        const open = ['registered', 'accepted', 'in_handling'].includes(status);
        const handledBy = pickHandledBy(r, category);
        const id = orderedId(j, 'c');
        const evaluation = JSON.stringify({ ruleSetVersion: 1, grade: 'normal', route: { committee: CATEGORY_SPECS[category].committee, handledBy, mode: 'transfer' }, meetingType: null, flags: [], deadlines: {}, inviteDeputyProfessions: [], specialMeetingInvitees: [], firedRules: [], error: null });
        const row: Record<string, unknown> = Object.fromEntries(caseColumns.map((c) => [c, null]));
        Object.assign(row, {
          id,
          code: caseCode(2026, j + 1),
          channel: pickChannel(r),
          receivedAt: at(received),
          registeredAt: at(received + 3_600_000),
          status,
          grade: r() < 0.85 ? 'normal' : 'escalated',
          petitionerName: p.name,
          petitionerOrganisation: p.organisation ?? null,
          petitionerIdCipher: p.idNumber ? cipher.encrypt(p.idNumber) : null,
          petitionerIdHash: p.idNumber ? cipher.lookupHash('id', p.idNumber) : null,
          petitionerPhoneCipher: p.phone ? cipher.encrypt(p.phone) : null,
          petitionerPhoneHash: p.phone ? cipher.lookupHash('phone', p.phone) : null,
          petitionerAddressCipher: p.address ? cipher.encrypt(p.address) : null,
          headcount: 1,
          subject: subjectFor(r, category, region),
          content: contentFor(r, category, region, j),
          category,
          region: region.name,
          unitsInvolved: '[]',
          deputyReported: 0,
          important: 0,
          provincialReferral: 0,
          leaderInstructed: 0,
          relatedCaseIds: '[]',
          repeatCount: 0,
          similarOpenCases: 0,
          relatedDissatisfied: 0,
          routeCommittee: CATEGORY_SPECS[category].committee,
          routeHandledBy: handledBy,
          routeMode: 'transfer',
          flags: '[]',
          ruleSetVersion: 1,
          evaluation,
          acceptDueAt: at(received + 15 * DAY),
          replyDueAt: status === 'registered' ? null : at(received + 75 * DAY),
          dueAt: open ? at(now + int(r, -30, 60) * DAY) : null,
          reportRequired: 0,
          extensionUsed: 0,
          resupervisionCount: 0,
          repliedOnTime: 0,
          createdBy: '00000000-0000-4000-8000-000000000001',
          createdAt: at(received + 3_600_000),
          updatedAt: at(received + 3_600_000),
          version: status === 'registered' ? 1 : 2,
        });
        insertCase.run(row);
        insertEvent.run(orderedId(2 * j, 'e'), id, row.registeredAt, 1, 'register', null, 'registered', row.createdBy, '张秘书', 'secretariat', null, '{}');
        if (status !== 'registered') insertEvent.run(orderedId(2 * j + 1, 'e'), id, at(received + 2 * DAY), 2, 'accept', 'registered', 'accepted', row.createdBy, '张秘书', 'secretariat', null, '{}');
      }
    })();
    if ((i / batch) % 40 === 0) log(`  ${i + batch} cases (${Math.round((i + batch) / ((Date.now() - started) / 1000))}/s)`);
  }
  db.prepare('INSERT OR REPLACE INTO case_counters (year, lastSeq) VALUES (2026, ?)').run(count);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  writeFileSync(metaFile, JSON.stringify(META));
  log(`loaded ${count} cases in ${round((Date.now() - started) / 1000)} s; database ${mib(statSync(dbPath).size)} MiB`);
}

interface Phase {
  name: string;
  samples: number[];
  errors: number;
}

/** Closed-loop readers until `until()` resolves; latencies in ms. */
async function readLoad(name: string, token: string, ids: string[], until: Promise<unknown>): Promise<Phase> {
  const phase: Phase = { name, samples: [], errors: 0 };
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const r = seededRandom(7);
  await Promise.all(
    Array.from({ length: clients }, async (_v, k) => {
      for (let n = 0; !done; n++) {
        const path = (n + k) % 2 ? `/cases/${ids[Math.floor(r() * ids.length)]}` : '/cases?status=in_handling&sort=dueAt';
        const t0 = performance.now();
        try {
          const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
          await res.arrayBuffer();
          if (res.status !== 200) phase.errors++;
        } catch {
          phase.errors++;
        }
        phase.samples.push(performance.now() - t0);
      }
    }),
  );
  return phase;
}

function run(command: string, argv: string[], env: Record<string, string>): Promise<{ code: number; output: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, argv, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, output, ms: Date.now() - t0 }));
  });
}

await load();
const dbBytes = statSync(join(dataDir, 'petitions.sqlite')).size;
rmSync(backupDir, { recursive: true, force: true });
const serviceEnv = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_PASSWORD, DEMO_DATA: 'false', BACKUP_SCHEDULE: 'false', BACKUP_DIR: backupDir, BACKUP_PASSPHRASE: PASSPHRASE, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0', ACCESS_TOKEN_TTL_SECONDS: '3600' };
const service = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...serviceEnv }, stdio: 'ignore' });
process.on('exit', () => service.kill('SIGKILL'));
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/health`)).status < 500) break;
  } catch {
    // starting
  }
  if (i > 600) throw new Error('the service did not start');
  await sleep(200);
}
const login = await fetch(`http://127.0.0.1:${port}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
const token = ((await login.json()) as { accessToken: string }).accessToken;
const sample = new Database(join(dataDir, 'petitions.sqlite'), { readonly: true });
const ids = (sample.prepare('SELECT id FROM cases ORDER BY random() LIMIT 2000').all() as { id: string }[]).map((row) => row.id);
sample.close();
log(`service up; database ${mib(dbBytes)} MiB`);

// Warm-up, then the baseline.
await readLoad('warm-up', token, ids, sleep(5000));
const baseline = await readLoad('no backup', token, ids, sleep(seconds * 1000));

// The CLI, as `npm run backup` runs it, while the service serves.
let cli = { code: -1, output: '', ms: 0 };
const cliRun = run(process.execPath, ['dist/src/backup/cli/backup.js', join(backupDir, 'cli')], { DATA_DIR: dataDir, BACKUP_PASSPHRASE: PASSPHRASE, LANG: 'en' }).then((r) => (cli = r));
const duringCli = await readLoad('during npm run backup', token, ids, cliRun);
if (cli.code !== 0) throw new Error(`backup failed:\n${cli.output}`);
const cliArchive = readdirSync(join(backupDir, 'cli')).find((f) => f.endsWith('.xfbak')) ?? '';
const cliBytes = statSync(join(backupDir, 'cli', cliArchive)).size;

// Inside the service (the daily job's path), through POST /backups.
type RunList = { runs: { id: string; kind: string; ok: boolean; sizeBytes: number; error: string | null }[] };
const runList = async (): Promise<RunList> => (await (await fetch(`http://127.0.0.1:${port}/backups`, { headers: { authorization: `Bearer ${token}` } })).json()) as RunList;
const earlier = new Set((await runList()).runs.map((x) => x.id));
const t0 = Date.now();
const inService = (async () => {
  const res = await fetch(`http://127.0.0.1:${port}/backups`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 202) throw new Error(`POST /backups: ${res.status}`);
  for (;;) {
    await sleep(250);
    const run = (await runList()).runs.find((x) => x.kind === 'admin' && !earlier.has(x.id));
    if (run) return run;
  }
})();
const duringService = await readLoad('during the in-service backup', token, ids, inService);
const serviceRun = await inService;
const serviceMs = Date.now() - t0;
if (!serviceRun.ok) throw new Error(`in-service backup failed: ${serviceRun.error ?? ''}`);
// The baseline again: the page cache is warmer now than at the start.
const after = await readLoad('no backup (again, after)', token, ids, sleep(seconds * 1000));

// Restore check of the CLI archive (decrypt, checksums, integrity_check), with the service stopped.
service.kill('SIGTERM');
await new Promise((resolve) => service.once('exit', resolve));
const check = await run(process.execPath, ['dist/src/backup/cli/restore.js', join(backupDir, 'cli', cliArchive), '--check'], { DATA_DIR: join(root, 'check'), BACKUP_PASSPHRASE: PASSPHRASE, LANG: 'en' });

const rows = [baseline, duringCli, duringService, after].map((p) => ({
  phase: p.name,
  requests: p.samples.length,
  errors: p.errors,
  'p50 ms': round(percentile(p.samples, 50), 1),
  'p99 ms': round(percentile(p.samples, 99), 1),
  'max ms': round(Math.max(...p.samples), 0),
}));
const summary = {
  cases: count,
  databaseMiB: mib(dbBytes),
  dataDirMiB: mib(dirBytes(dataDir)),
  cli: { seconds: round(cli.ms / 1000), archiveMiB: mib(cliBytes), output: cli.output.split('\n').filter((l) => /size|cases|written:/.test(l)) },
  inService: { seconds: round(serviceMs / 1000), archiveMiB: mib(serviceRun.sizeBytes) },
  restoreCheck: { seconds: round(check.ms / 1000), ok: check.code === 0 },
  latency: rows,
};
log(`${count} cases: database ${summary.databaseMiB} MiB`);
log(`npm run backup: ${summary.cli.seconds} s, archive ${summary.cli.archiveMiB} MiB (encrypted, gzip level 3)`);
log(`in-service backup (POST /backups): ${summary.inService.seconds} s, archive ${summary.inService.archiveMiB} MiB`);
log(`restore --check: ${summary.restoreCheck.seconds} s, ${summary.restoreCheck.ok ? 'passed' : 'FAILED'}`);
process.stdout.write(table(rows) + '\n');
log(`results: ${saveResult('backup', summary)}`);
process.exit(0);
