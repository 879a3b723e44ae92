/**
 * Loads 10^6 (or --count) cases straight into MySQL with multi-row INSERTs, for the ledger and
 * sweep benchmarks. The schema comes from the service's own migrations; non-unique secondary
 * indexes of `cases` are dropped during the load and rebuilt afterwards (one sorted build each).
 *
 *   node dist/bench/load-cases.js --profile ledger   # bench_ledger: a realistic mix, ~20 % open
 *   node dist/bench/load-cases.js --profile sweep    # bench_sweep: every case open, 25 % overdue
 *   add --reuse to keep an existing load of the same profile, size and seed (prints and exits)
 *
 * Distributions (seeded, reproducible): category and region as in lib/fixtures.ts; grade
 * normal 85 % / escalated 12 % / joint-consultation 3 %; open cases' running deadline (end of an
 * office-local day) overdue by 0–60 days, due within 7 days, or 7–90 days ahead; closed cases
 * received over the last 4.5 years. Ciphers are null; lookup hashes are present (60 % ID, 90 % phone),
 * with repeat petitioners. `evaluation` is a small valid Evaluation object.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { type CaseStatus, type Category, type Grade, caseCode } from '../src/domain/case-vocabulary.js';
import { buildDataSourceOptions } from '../src/data-source-options.js';
import { databaseUrl, log } from './lib/env.js';
import {
  CATEGORY_SPECS,
  contentFor,
  int,
  personName,
  pickCategory,
  pickChannel,
  pickHandledBy,
  pickRegion,
  type Rand,
  subjectFor,
  weighted,
} from './lib/fixtures.js';
import { databaseConnection, databaseExists, recreateDatabase, scalar } from './lib/mysql.js';
import { seededRandom } from '../src/common/seeded-random.js';

const { values: args } = parseArgs({
  options: {
    profile: { type: 'string', default: 'ledger' },
    database: { type: 'string' },
    count: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    'overdue-share': { type: 'string' },
    reuse: { type: 'boolean', default: false },
  },
});

type Profile = 'ledger' | 'sweep';
const profile = args.profile as Profile;
if (profile !== 'ledger' && profile !== 'sweep') throw new Error('--profile must be ledger or sweep');
const database = args.database ?? `bench_${profile}`;
const count = Number(args.count);
const batchSize = Number(args.batch);
const seed = Number(args.seed);
const overdueShare = Number(args['overdue-share'] ?? (profile === 'sweep' ? 0.25 : 0.15));
const DUE_SOON_SHARE = 0.1;
const DAY = 86_400_000;

export const PROFILE_STATUSES: Record<Profile, [CaseStatus, number][]> = {
  ledger: [['closed', 70], ['replied', 5], ['rejected', 3], ['withdrawn', 2], ['in_handling', 10], ['routed', 3], ['accepted', 3], ['registered', 4]],
  sweep: [['in_handling', 60], ['routed', 15], ['accepted', 10], ['registered', 15]],
};
const pickStatus = weighted(PROFILE_STATUSES[profile]);
const pickGrade = weighted<Grade>([['normal', 85], ['escalated', 12], ['joint-consultation', 3]]);
const COMMITTEES = new Set(['LAC', 'DAC', 'FEC', 'UCEC', 'SDC', 'ESCH', 'ARC', 'SJC', 'OFFICE']);
const ADMIN_ID = '00000000-0000-4000-8000-000000000001';
const PETITIONERS = 200_000;

// version 2: no timestamp of an open case lies in the future (v1 had acceptedAt/updatedAt ahead of now for deadlines > 60 days out).
const meta = { profile, count, seed, overdueShare, version: 2 };

if (args.reuse && (await databaseExists(database))) {
  const conn = await databaseConnection(database);
  try {
    const [rows] = await conn.query<mysql.RowDataPacket[]>("SELECT v FROM bench_meta WHERE k = 'load'").catch(() => [[]] as unknown as [mysql.RowDataPacket[]]);
    const loaded = rows[0] ? (JSON.parse(String(rows[0].v)) as typeof meta & { loadedAt: string }) : null;
    const same = loaded && loaded.profile === profile && loaded.count === count && loaded.seed === seed && loaded.overdueShare === overdueShare && loaded.version === meta.version;
    if (same && (await scalar<number>(conn, 'SELECT COUNT(*) FROM cases')) >= count) {
      log(`${database} already holds this load (${count} cases, profile ${profile}, loaded ${loaded.loadedAt}); --reuse: nothing to do`);
      process.exit(0);
    }
  } finally {
    await conn.end();
  }
}

const started = Date.now();
log(`loading ${count} cases into ${database} (profile ${profile}, overdue share of open cases ${overdueShare})`);
await recreateDatabase(database);

// The schema, exactly as the service creates it.
const config = loadConfig({ DATABASE_URL: databaseUrl(database), JWT_SECRET: randomBytes(24).toString('hex'), PII_KEY: randomBytes(32).toString('hex'), DB_POOL_SIZE: '2' });
const ds = new DataSource(buildDataSourceOptions(config.database, true));
await ds.initialize();
await ds.destroy();
log('migrations run');

const conns = [await databaseConnection(database), await databaseConnection(database)];
const db = conns[0];
await db.query('CREATE TABLE bench_meta (k varchar(32) PRIMARY KEY, v text NOT NULL)');

interface IndexDef {
  name: string;
  columns: string;
}
const [indexRows] = await db.query<mysql.RowDataPacket[]>(
  `SELECT INDEX_NAME AS name,
          GROUP_CONCAT(CONCAT('\`', COLUMN_NAME, '\`', IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')'))) ORDER BY SEQ_IN_INDEX SEPARATOR ', ') AS columns
     FROM information_schema.STATISTICS
    WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'cases' AND NON_UNIQUE = 1
    GROUP BY INDEX_NAME`,
  [database],
);
const secondary = indexRows as IndexDef[];
if (secondary.length) await db.query(`ALTER TABLE cases ${secondary.map((i) => `DROP INDEX \`${i.name}\``).join(', ')}`);
log(`dropped ${secondary.length} non-unique indexes for the load`);

const now = Date.now();
const r = seededRandom(seed);
const yearSeq = new Map<number, number>();

/** Asia/Shanghai has had no DST since 1991: a fixed +08:00 keeps 10^6 rows fast (luxon zones cost ~100 µs each). */
const OFFSET = 8 * 3_600_000;
/** End of the office-local day `days` days from `fromMs` (deadlines are end-of-day instants). */
function endOfLocalDay(fromMs: number, days: number): number {
  const local = fromMs + days * DAY + OFFSET;
  return Math.floor(local / DAY) * DAY + DAY - 1 - OFFSET;
}
const localYear = (ms: number): number => new Date(ms + OFFSET).getUTCFullYear();
const sqlDate = (ms: number | null): string => (ms === null ? 'NULL' : `'${new Date(ms).toISOString().slice(0, 23).replace('T', ' ')}'`);
const str = (s: string | null): string => (s === null ? 'NULL' : `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);
const hashes = new Map<string, string>();
function hash(kind: string, n: number): string {
  const key = `${kind}:${n}`;
  let h = hashes.get(key);
  if (!h) hashes.set(key, (h = createHash('sha256').update(key).digest('hex')));
  return h;
}
/** Time-ordered v4-shaped UUIDs: the primary key grows at the end of the index, like an append. */
function caseId(i: number): string {
  const h = i.toString(16).padStart(12, '0');
  const tail = createHash('md5').update(String(i)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(6, 18)}`;
}

const OPEN: ReadonlySet<CaseStatus> = new Set(['registered', 'accepted', 'routed', 'in_handling']);

function row(i: number, rand: Rand): string {
  const status = pickStatus(rand);
  const category: Category = pickCategory(rand);
  const region = pickRegion(rand);
  const grade = pickGrade(rand);
  const open = OPEN.has(status);

  let receivedAt: number;
  let registeredAt: number;
  let acceptDueAt: number;
  let replyDueAt: number | null = null;
  let dueAt: number | null = null;
  let acceptedAt: number | null = null;
  let routedAt: number | null = null;
  let repliedAt: number | null = null;
  let feedbackAt: number | null = null;
  let closedAt: number | null = null;
  let feedback: string | null = null;
  let repliedOnTime = false;
  let version = 1;

  if (open) {
    // Where the running deadline lies relative to now.
    const x = rand();
    // A reply deadline lies at most 60 days after acceptance (and routing follows within 3 days),
    // an acceptance deadline at most 15 days after registration: nothing may have happened in the future.
    let offsetDays = x < overdueShare ? -int(rand, 1, 60) : x < overdueShare + DUE_SOON_SHARE ? int(rand, 0, 6) : int(rand, 7, 56);
    if (status === 'registered') offsetDays = Math.min(offsetDays, 14);
    dueAt = endOfLocalDay(now, offsetDays);
    if (status === 'registered') {
      registeredAt = dueAt - 15 * DAY - int(rand, 1, 12) * 3_600_000;
      acceptDueAt = dueAt;
    } else {
      acceptedAt = dueAt - 60 * DAY - int(rand, 1, 12) * 3_600_000;
      registeredAt = acceptedAt - int(rand, 1, 14) * DAY;
      acceptDueAt = endOfLocalDay(registeredAt, 15);
      replyDueAt = dueAt;
      if (status !== 'accepted') routedAt = acceptedAt + int(rand, 1, 72) * 3_600_000;
      version = status === 'accepted' ? 2 : status === 'routed' ? 3 : 4;
    }
    receivedAt = registeredAt - int(rand, 0, 48) * 3_600_000;
  } else {
    const ageDays = status === 'replied' ? int(rand, 20, 120) : int(rand, 90, 1640);
    receivedAt = now - ageDays * DAY - int(rand, 0, 86_399) * 1000;
    registeredAt = receivedAt + int(rand, 0, 48) * 3_600_000;
    acceptDueAt = endOfLocalDay(registeredAt, 15);
    if (status === 'rejected' || status === 'withdrawn') {
      closedAt = registeredAt + int(rand, 1, 14) * DAY;
      version = 2;
    } else {
      acceptedAt = registeredAt + int(rand, 1, 14) * DAY;
      routedAt = acceptedAt + int(rand, 1, 72) * 3_600_000;
      replyDueAt = endOfLocalDay(acceptedAt, 60);
      repliedAt = Math.min(now - DAY, acceptedAt + int(rand, 10, 75) * DAY);
      repliedOnTime = repliedAt <= replyDueAt;
      version = 5;
      if (status === 'closed') {
        feedback = rand() < 0.85 ? 'satisfied' : 'dissatisfied';
        feedbackAt = Math.min(now - DAY, repliedAt + int(rand, 1, 20) * DAY);
        closedAt = Math.min(now, feedbackAt + int(rand, 0, 10) * DAY);
        version = 7;
      }
    }
  }

  const year = localYear(registeredAt);
  const seq = (yearSeq.get(year) ?? 0) + 1;
  yearSeq.set(year, seq);
  const code = caseCode(year, seq);

  const petitioner = Math.floor(rand() ** 2 * PETITIONERS); // skewed: some petitioners return often
  const hasId = petitioner % 10 < 6;
  const hasPhone = petitioner % 10 !== 9;
  const handledBy = pickHandledBy(rand, category);
  const committee = CATEGORY_SPECS[category].committee;
  const mode = COMMITTEES.has(handledBy) ? 'internal' : grade === 'normal' ? 'transfer' : 'supervised';
  const headcount = rand() < 0.06 ? int(rand, 5, 60) : 1;
  const flags = headcount >= 5 ? '["group-petition"]' : '[]';
  const evaluation = JSON.stringify({
    ruleSetVersion: 1,
    grade,
    route: { committee, handledBy, mode },
    meetingType: null,
    flags: headcount >= 5 ? ['group-petition'] : [],
    deadlines: {},
    inviteDeputyProfessions: [],
    specialMeetingInvitees: [],
    firedRules: [],
    error: null,
  });
  const units = CATEGORY_SPECS[category].units;
  const updatedAt = Math.min(now, Math.max(registeredAt, acceptedAt ?? 0, routedAt ?? 0, repliedAt ?? 0, closedAt ?? 0));
  const channel = pickChannel(rand);
  const values = [
    str(caseId(i)),
    str(code),
    str(channel),
    sqlDate(receivedAt),
    sqlDate(registeredAt),
    str(status),
    str(grade),
    str(personName(rand)),
    'NULL', // organisation
    'NULL', // id cipher
    hasId ? str(hash('id', petitioner)) : 'NULL',
    'NULL', // phone cipher
    hasPhone ? str(hash('phone', petitioner)) : 'NULL',
    'NULL', // address cipher
    headcount,
    str(subjectFor(rand, category, region)),
    str(contentFor(rand, category, region, i)),
    str(category),
    str(region.name),
    str(JSON.stringify(units.length && rand() < 0.6 ? units.slice(0, 1) : [])),
    rand() < 0.03 ? 1 : 0,
    rand() < 0.02 ? 1 : 0,
    rand() < 0.04 ? 1 : 0,
    rand() < 0.02 ? 1 : 0,
    "'[]'",
    rand() < 0.2 ? int(rand, 1, 5) : 0,
    int(rand, 0, 8),
    str(committee),
    str(handledBy),
    str(mode),
    'NULL', // meetingType
    str(flags),
    1,
    str(evaluation),
    sqlDate(acceptDueAt),
    sqlDate(replyDueAt),
    sqlDate(dueAt),
    grade === 'normal' ? 0 : 1,
    rand() < 0.05 ? 1 : 0,
    0,
    sqlDate(acceptedAt),
    sqlDate(routedAt),
    sqlDate(repliedAt),
    repliedOnTime ? 1 : 0,
    str(feedback),
    sqlDate(feedbackAt),
    sqlDate(closedAt),
    'NULL', // leadLeaderId
    str(ADMIN_ID),
    sqlDate(registeredAt),
    sqlDate(updatedAt),
    version,
  ];
  return `(${values.join(',')})`;
}

const COLUMNS = [
  'id', 'code', 'channel', 'receivedAt', 'registeredAt', 'status', 'grade', 'petitionerName', 'petitionerOrganisation',
  'petitionerIdCipher', 'petitionerIdHash', 'petitionerPhoneCipher', 'petitionerPhoneHash', 'petitionerAddressCipher',
  'headcount', 'subject', 'content', 'category', 'region', 'unitsInvolved', 'deputyReported', 'important',
  'provincialReferral', 'leaderInstructed', 'relatedCaseIds', 'repeatCount', 'similarOpenCases', 'routeCommittee',
  'routeHandledBy', 'routeMode', 'meetingType', 'flags', 'ruleSetVersion', 'evaluation', 'acceptDueAt', 'replyDueAt',
  'dueAt', 'reportRequired', 'extensionUsed', 'resupervisionCount', 'acceptedAt', 'routedAt', 'repliedAt',
  'repliedOnTime', 'feedback', 'feedbackAt', 'closedAt', 'leadLeaderId', 'createdBy', 'createdAt', 'updatedAt', 'version',
];
const prefix = `INSERT INTO cases (${COLUMNS.map((c) => `\`${c}\``).join(',')}) VALUES `;

for (const c of conns) await c.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
const inFlight: Promise<unknown>[] = [];
let next = 0;
let lastReport = Date.now();
let generateMs = 0;
let waitMs = 0;
const insertStarted = Date.now();
for (let i = 0; i < count; i += batchSize) {
  const t0 = performance.now();
  const rows: string[] = [];
  for (let j = i; j < Math.min(count, i + batchSize); j++) rows.push(row(j, r));
  const t1 = performance.now();
  generateMs += t1 - t0;
  const conn = conns[next++ % conns.length];
  if (inFlight.length >= conns.length) await inFlight.shift();
  waitMs += performance.now() - t1;
  inFlight.push(conn.query(prefix + rows.join(',')));
  if (Date.now() - lastReport > 10_000) {
    lastReport = Date.now();
    log(`${i + rows.length} rows (${Math.round((i + rows.length) / ((Date.now() - started) / 1000))} rows/s)`);
  }
}
await Promise.all(inFlight);
const loadedMs = Date.now() - started;
log(`inserted ${count} rows in ${((Date.now() - insertStarted) / 1000).toFixed(1)} s (generating ${(generateMs / 1000).toFixed(1)} s, waiting for MySQL ${(waitMs / 1000).toFixed(1)} s)`);

if (secondary.length) {
  await db.query(`ALTER TABLE cases ${secondary.map((i) => `ADD INDEX \`${i.name}\` (${i.columns})`).join(', ')}`);
  log(`rebuilt ${secondary.length} indexes in ${((Date.now() - started - loadedMs) / 1000).toFixed(1)} s`);
}
for (const [year, seq] of yearSeq) {
  await db.query('INSERT INTO case_counters (`year`, lastSeq) VALUES (?, ?) ON DUPLICATE KEY UPDATE lastSeq = GREATEST(lastSeq, VALUES(lastSeq))', [year, seq]);
}
await db.query('ANALYZE TABLE cases');
await db.query("INSERT INTO bench_meta (k, v) VALUES ('load', ?)", [JSON.stringify({ ...meta, loadedAt: new Date(now).toISOString() })]);

const [dist] = await db.query<mysql.RowDataPacket[]>(
  `SELECT status, COUNT(*) AS n, SUM(dueAt < UTC_TIMESTAMP(3)) AS overdue, SUM(dueAt >= UTC_TIMESTAMP(3) AND dueAt < UTC_TIMESTAMP(3) + INTERVAL 7 DAY) AS dueSoon
     FROM cases GROUP BY status ORDER BY n DESC`,
);
const [size] = await db.query<mysql.RowDataPacket[]>(
  'SELECT ROUND(DATA_LENGTH / 1048576) AS dataMb, ROUND(INDEX_LENGTH / 1048576) AS indexMb FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
  [database, 'cases'],
);
for (const c of conns) await c.end();
process.stdout.write(`${JSON.stringify(dist.map((d) => ({ status: d.status as string, n: Number(d.n), overdue: Number(d.overdue), dueSoon: Number(d.dueSoon) })))}\n`);
process.stdout.write(`cases table: ${JSON.stringify(size[0])} MB; total ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
