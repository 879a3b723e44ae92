import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';

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
  jwtTtlSeconds: number;
  piiKey: Buffer;
  smtpUrl: string | null;
  mailFrom: string;
  /** Overrides `timeZone` of config/policy.json when set. */
  officeTimeZone: string | null;
  demoData: boolean;
  /** Whether this instance runs the outbox relay and job workers. */
  runWorkers: boolean;
  relayIntervalMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** How far in the future a `receivedAt` may lie (clock skew of the registering PC). */
  receivedAtToleranceMinutes: number;
  publicBaseUrl: string;
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

function piiKey(text: string): Buffer {
  try {
    return PiiCipher.parseKey(text);
  } catch {
    throw new ConfigError('PII_KEY', 'must be 32 bytes given as 64 hex characters or base64');
  }
}

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

  const adminPassword = str(env, 'ADMIN_PASSWORD') ?? (embedded ? 'admin-demo-2026' : null);
  if (adminPassword !== null && adminPassword.length < 8) throw new ConfigError('ADMIN_PASSWORD', 'must have at least 8 characters');
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
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 86400),
    piiKey: piiKey(secret(env, 'PII_KEY', dataDir, 'pii.key', embedded, 32)),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']) ?? null,
    mailFrom: str(env, 'MAIL_FROM') ?? '信访室 <xinfang@renda.example.cn>',
    officeTimeZone: timeZone,
    demoData: bool(env, 'DEMO_DATA', embedded),
    runWorkers: bool(env, 'RUN_WORKERS', true),
    relayIntervalMs: int(env, 'RELAY_INTERVAL_MS', 1000, 10, 600_000),
    logLevel,
    receivedAtToleranceMinutes: int(env, 'RECEIVED_AT_TOLERANCE_MINUTES', 10, 0, 1440),
    publicBaseUrl: str(env, 'PUBLIC_BASE_URL') ?? `http://localhost:${port}`,
  };
}
