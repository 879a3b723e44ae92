import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseMasterKey } from '../src/domain/secret-keys.js';
import { type BackupConfig, loadBackupConfig, loadPreviousPiiKeys } from './backup-config.js';
import { passwordProblem } from './password-policy.js';
import { projectPath } from './paths.js';

/**
 * Typed configuration, read from the environment in this one place and validated at boot.
 * Every setting has a default that serves the embedded mode (SQLite + in-process jobs).
 */
export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string; poolSize: number; flavor: 'mysql' | 'mariadb' };

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  runMigrations: boolean;
  /** Redis URL for Bull; null means the in-process job runner. */
  redisUrl: string | null;
  queuePrefix: string;
  adminUsername: string;
  adminPassword: string | null;
  jwtSecret: string;
  /** Lifetime of an access token; a session lives on through rotating refresh tokens. */
  accessTokenTtlSeconds: number;
  /** A session ends this long after sign-in, however often it is refreshed. */
  sessionTtlHours: number;
  /** How long a request may trust the cached state of its user and session (disable, logout, role change). */
  authCacheMs: number;
  /** Brute-force and abuse limits (0 turns a limit off). */
  limits: {
    loginFailuresPerAccount: number;
    loginFailuresPerAddress: number;
    requestsPerMinutePerUser: number;
    requestsPerMinutePerAddress: number;
  };
  /** Express `trust proxy`: which forwarded client addresses to believe (false: none). */
  trustProxy: boolean | number | string;
  /** Whether the OpenAPI UI (`/docs`, `/docs-json`) is served. */
  apiDocs: boolean;
  piiKey: Buffer;
  /** Keys that still decrypt during a rotation (`PII_KEY_PREVIOUS`); never encrypt. */
  piiPreviousKeys: Buffer[];
  backup: BackupConfig;
  /** Case attachments: files sealed with the personal-data key under `dir` (ATTACHMENTS_DIR, default DATA_DIR/attachments). */
  attachments: { dir: string; maxBytes: number; perCase: number };
  smtpUrl: string | null;
  mailFrom: string;
  /** The organizer's mailbox read for iTIP replies (`IMAP_URL`, imap:// or imaps://user:pass@host:port/MAILBOX); null: not polled. */
  imap: { url: string | null; pollSeconds: number };
  /** Overrides `timeZone` of config/policy.json when set. */
  officeTimeZone: string | null;
  demoData: boolean;
  /** Whether this instance runs the outbox relay and job workers. */
  runWorkers: boolean;
  /** Milliseconds between outbox relay passes; 0: no timer, jobs run only when drained (the test suite). */
  relayIntervalMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** How far in the future a `receivedAt` may lie (clock skew of the registering PC). */
  receivedAtToleranceMinutes: number;
  publicBaseUrl: string;
  /** Days a unit link lasts past the case's running deadline, and at least from its issue (`UNIT_LINK_DAYS`, 30–365, default 30). */
  unitLinkDays: number;
  /** The built web console (Vite output), served at /console. */
  consoleDir: string;
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** 10 ms … 10 min, or 0: drain-only (no timer; `OutboxRelay.drain()` runs the jobs). */
function relayIntervalMs(env: Env): number {
  const value = int(env, 'RELAY_INTERVAL_MS', 1000, 0, 600_000);
  if (value > 0 && value < 10) throw new ConfigError('RELAY_INTERVAL_MS', `must be 0 (jobs run only when drained) or between 10 and 600000, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = str(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  return raw;
}

/** A secret from the environment, or (embedded mode only) from a 0600 file in DATA_DIR created on first start. */
function secret(env: Env, name: string, dataDir: string, fileName: string, embedded: boolean, bytes: number): string {
  const raw = str(env, name);
  if (raw !== undefined) return raw;
  if (!embedded) throw new ConfigError(name, 'must be set when DATABASE_URL points to a shared database');
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(bytes).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

/** `true`/`false`, a hop count, or a comma-separated list of addresses/subnets or Express's names (loopback…). */
function trustProxy(env: Env): boolean | number | string {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (/^[\w.:/]+(?:\s*,\s*[\w.:/]+)*$/.test(raw)) return raw;
  throw new ConfigError('TRUST_PROXY', 'must be true, false, a hop count or a comma-separated list of proxy addresses');
}

/** Demo accounts have passwords printed in the README: never on a shared database unless forced. */
function demoData(env: Env, embedded: boolean): boolean {
  const raw = str(env, 'DEMO_DATA');
  if (raw?.toLowerCase() === 'force') return true;
  const wanted = bool(env, 'DEMO_DATA', embedded);
  if (wanted && !embedded) {
    throw new ConfigError('DEMO_DATA', 'would create demo accounts with published passwords on a shared database; use DEMO_DATA=force for a throw-away test database');
  }
  return wanted;
}

function piiKey(text: string): Buffer {
  try {
    return parseMasterKey(text);
  } catch {
    throw new ConfigError('PII_KEY', 'must be 32 bytes given as 64 hex characters or base64');
  }
}

/** The first admin's password on the embedded default when ADMIN_PASSWORD is unset (printed at start). */
export const DEMO_ADMIN_PASSWORD = 'guanli-demo-2026';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export function loadConfig(env: Env = process.env): AppConfig {
  const dataDirRaw = str(env, 'DATA_DIR') ?? './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);
  const databaseUrl = url(env, 'DATABASE_URL', ['mysql:', 'mariadb:']);
  const embedded = databaseUrl === undefined;
  const database: DatabaseConfig = embedded
    ? { kind: 'sqlite', path: join(dataDir, str(env, 'SQLITE_FILE') ?? 'petitions.sqlite') }
    : {
        kind: 'mysql',
        // `mariadb://` selects TypeORM's MariaDB dialect (it reads column defaults differently from MySQL).
        flavor: databaseUrl.startsWith('mariadb:') ? 'mariadb' : 'mysql',
        url: databaseUrl.replace(/^mariadb:/, 'mysql:'),
        poolSize: int(env, 'DB_POOL_SIZE', 20, 1, 500),
      };

  const timeZone = str(env, 'TZ_OFFICE') ?? null;
  if (timeZone !== null) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new ConfigError('TZ_OFFICE', `is not a known time zone: "${timeZone}"`);
    }
  }
  const logLevel = (str(env, 'LOG_LEVEL') ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);

  const adminPassword = str(env, 'ADMIN_PASSWORD') ?? (embedded ? DEMO_ADMIN_PASSWORD : null);
  if (adminPassword !== null) {
    const problem = passwordProblem(adminPassword, str(env, 'ADMIN_USERNAME') ?? 'admin');
    if (problem) throw new ConfigError('ADMIN_PASSWORD', `must be a strong password: ${problem.en}`);
  }
  if (str(env, 'JWT_TTL_SECONDS') !== undefined) {
    throw new ConfigError('JWT_TTL_SECONDS', 'was replaced by ACCESS_TOKEN_TTL_SECONDS (at most 3600: sessions now live on through refresh tokens)');
  }
  const jwtSecret = secret(env, 'JWT_SECRET', dataDir, 'jwt.secret', embedded, 32);
  if (jwtSecret.length < 16) throw new ConfigError('JWT_SECRET', 'must have at least 16 characters');
  const port = int(env, 'PORT', 3000, 0, 65535);

  return {
    port,
    host: str(env, 'HOST') ?? '0.0.0.0',
    dataDir,
    database,
    runMigrations: bool(env, 'RUN_MIGRATIONS', true),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']) ?? null,
    queuePrefix: str(env, 'QUEUE_PREFIX') ?? 'xf',
    adminUsername: str(env, 'ADMIN_USERNAME') ?? 'admin',
    adminPassword,
    jwtSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 3600),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12, 1, 720),
    authCacheMs: int(env, 'AUTH_CACHE_MS', 5000, 0, 60_000),
    limits: {
      loginFailuresPerAccount: int(env, 'LOGIN_MAX_FAILURES', 5, 0, 1000),
      loginFailuresPerAddress: int(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 0, 100_000),
      requestsPerMinutePerUser: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
      requestsPerMinutePerAddress: int(env, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 120, 0, 1_000_000),
    },
    trustProxy: trustProxy(env),
    apiDocs: bool(env, 'API_DOCS', embedded),
    piiKey: piiKey(secret(env, 'PII_KEY', dataDir, 'pii.key', embedded, 32)),
    piiPreviousKeys: loadPreviousPiiKeys(env),
    backup: loadBackupConfig(env),
    attachments: {
      dir: resolve(dataDir, str(env, 'ATTACHMENTS_DIR') ?? 'attachments'),
      maxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024, 1024, 200 * 1024 * 1024),
      perCase: int(env, 'ATTACHMENTS_PER_CASE', 50, 1, 1000),
    },
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']) ?? null,
    mailFrom: str(env, 'MAIL_FROM') ?? '信访室 <xinfang@renda.example.cn>',
    imap: { url: url(env, 'IMAP_URL', ['imap:', 'imaps:']) ?? null, pollSeconds: int(env, 'IMAP_POLL_SECONDS', 60, 10, 86_400) },
    officeTimeZone: timeZone,
    demoData: demoData(env, embedded),
    runWorkers: bool(env, 'RUN_WORKERS', true),
    relayIntervalMs: relayIntervalMs(env),
    logLevel,
    receivedAtToleranceMinutes: int(env, 'RECEIVED_AT_TOLERANCE_MINUTES', 10, 0, 1440),
    publicBaseUrl: str(env, 'PUBLIC_BASE_URL') ?? `http://localhost:${port}`,
    unitLinkDays: int(env, 'UNIT_LINK_DAYS', 30, 30, 365),
    consoleDir: resolve(str(env, 'CONSOLE_DIR') ?? projectPath('dist/web')),
  };
}
