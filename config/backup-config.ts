import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parseMasterKey, parseMasterKeyList } from '../src/domain/secret-keys.js';
// Used at call time only (app-config imports this module too).
import { ConfigError } from './app-config.js';

/**
 * Backup and key-custody settings (docs/backup.md). Read here, like every setting, and validated at boot.
 * Kept apart from app-config.ts because the restore command needs the paths before any key file
 * exists: `loadConfig` would create fresh keys in an empty DATA_DIR.
 */
export interface BackupConfig {
  /** Where `npm run backup` without a directory and the daily job write archives (`BACKUP_DIR`, default `DATA_DIR/backups`). */
  dir: string;
  /** How many archives of the daily job are kept (`BACKUP_RETENTION`, default 7). */
  retention: number;
  /** Whether the service takes a backup every day (`BACKUP_SCHEDULE`, default on in the embedded mode; off with DATABASE_URL). */
  schedule: boolean;
  /** Encrypts archives and lets them carry the keys (`BACKUP_PASSPHRASE`); null: data only, keys kept separately. */
  passphrase: string | null;
}

/** Where the embedded installation keeps its files, without touching them. */
export interface DataPaths {
  dataDir: string;
  embedded: boolean;
  /** The SQLite file (embedded mode), else null. */
  sqlitePath: string | null;
  /** Where case attachments live (ATTACHMENTS_DIR, relative to DATA_DIR; default DATA_DIR/attachments). */
  attachmentsDir: string;
}

/** Key files of the embedded mode in DATA_DIR. */
export const KEY_FILES = { pii: 'pii.key', piiPrevious: 'pii.key.previous', jwt: 'jwt.secret' } as const;

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function dataPaths(env: Env = process.env): DataPaths {
  const raw = str(env, 'DATA_DIR') ?? './data';
  const dataDir = isAbsolute(raw) ? raw : resolve(process.cwd(), raw);
  const embedded = str(env, 'DATABASE_URL') === undefined;
  return { dataDir, embedded, sqlitePath: embedded ? join(dataDir, str(env, 'SQLITE_FILE') ?? 'petitions.sqlite') : null, attachmentsDir: resolve(dataDir, str(env, 'ATTACHMENTS_DIR') ?? 'attachments') };
}

export function loadBackupConfig(env: Env = process.env): BackupConfig {
  const { dataDir, embedded } = dataPaths(env);
  const dirRaw = str(env, 'BACKUP_DIR');
  const dir = dirRaw === undefined ? join(dataDir, 'backups') : isAbsolute(dirRaw) ? dirRaw : resolve(process.cwd(), dirRaw);

  const retentionRaw = str(env, 'BACKUP_RETENTION') ?? '7';
  if (!/^\d+$/.test(retentionRaw) || Number(retentionRaw) < 1 || Number(retentionRaw) > 365) {
    throw new ConfigError('BACKUP_RETENTION', `must be a whole number between 1 and 365, got "${retentionRaw}"`);
  }

  const scheduleRaw = (str(env, 'BACKUP_SCHEDULE') ?? String(embedded)).toLowerCase();
  if (!['true', 'false', '1', '0', 'yes', 'no'].includes(scheduleRaw)) throw new ConfigError('BACKUP_SCHEDULE', `must be true or false, got "${scheduleRaw}"`);
  const schedule = ['true', '1', 'yes'].includes(scheduleRaw);
  if (schedule && !embedded) {
    throw new ConfigError('BACKUP_SCHEDULE', 'is for the embedded mode; with DATABASE_URL use scripts/backup-mysql.sh or your own backups (docs/backup.md)');
  }

  // Not trimmed: a passphrase may begin or end with a space.
  const passphrase = env.BACKUP_PASSPHRASE === undefined || env.BACKUP_PASSPHRASE === '' ? null : env.BACKUP_PASSPHRASE;
  if (passphrase !== null && passphrase.length < 12) throw new ConfigError('BACKUP_PASSPHRASE', 'must have at least 12 characters');

  return { dir, retention: Number(retentionRaw), schedule, passphrase };
}

/**
 * Keys that still decrypt but no longer encrypt (during a rotation): `PII_KEY_PREVIOUS` (comma-separated),
 * or in the embedded mode the file `DATA_DIR/pii.key.previous` (one key per line) when it exists.
 */
export function loadPreviousPiiKeys(env: Env = process.env): Buffer[] {
  const { dataDir, embedded } = dataPaths(env);
  const raw = str(env, 'PII_KEY_PREVIOUS');
  const file = join(dataDir, KEY_FILES.piiPrevious);
  const text = raw ?? (embedded && str(env, 'PII_KEY') === undefined && existsSync(file) ? readFileSync(file, 'utf8') : '');
  try {
    return parseMasterKeyList(text);
  } catch {
    throw new ConfigError(raw !== undefined ? 'PII_KEY_PREVIOUS' : file, 'must list keys of 32 bytes, each as 64 hex characters or base64');
  }
}

/** Keys the environment gives (they win over the key files of DATA_DIR); nothing is read from disk. */
export interface EnvKeys {
  piiKey: Buffer | null;
  piiPreviousKeys: Buffer[];
  jwtSecret: boolean;
}

export function loadEnvKeys(env: Env = process.env): EnvKeys {
  const pii = str(env, 'PII_KEY');
  const previous = str(env, 'PII_KEY_PREVIOUS');
  try {
    return {
      piiKey: pii === undefined ? null : parseMasterKey(pii),
      piiPreviousKeys: previous === undefined ? [] : parseMasterKeyList(previous),
      jwtSecret: str(env, 'JWT_SECRET') !== undefined,
    };
  } catch {
    throw new ConfigError(pii !== undefined ? 'PII_KEY / PII_KEY_PREVIOUS' : 'PII_KEY_PREVIOUS', 'must be 32 bytes given as 64 hex characters or base64');
  }
}

/** Language of the command-line tools' messages: Chinese with English after it, or English only with `LANG=en…`. */
export function cliLanguage(env: Env = process.env): 'zh' | 'en' {
  return /^en/i.test(env.LC_ALL ?? env.LANG ?? '') ? 'en' : 'zh';
}
