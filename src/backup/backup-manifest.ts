import Database from 'better-sqlite3';
import type { ArchiveEntryInfo } from './archive/backup-archive.js';
import { BackupErrors } from './backup-errors.js';

/** What a backup holds, written as its last entry (`manifest.json`) and checked entry by entry on restore. */
export interface BackupManifest {
  format: 'xf-backup-manifest';
  version: 1;
  createdAt: string;
  /** How long the copy took, from its start (every case acknowledged before `startedAt` is in it). */
  startedAt: string;
  source: { mode: 'embedded'; sqliteFile: string };
  /** Migrations applied in the copied database, in order. */
  migrations: string[];
  /** Rows per table in the copied database. */
  counts: Record<string, number>;
  /** The last case number issued per year (`case_counters`). */
  lastCaseSeq: Record<string, number>;
  encrypted: boolean;
  /** Whether `keys/` holds the personal-data key(s) and the JWT secret. */
  keysIncluded: boolean;
  /** Ids (never the keys) of the personal-data keys the data may be encrypted with, current first. */
  piiKeyIds: string[];
  entries: ArchiveEntryInfo[];
}

export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'db/database.sqlite';
export const KEY_ENTRIES = { pii: 'keys/pii.key', piiPrevious: 'keys/pii.key.previous', jwt: 'keys/jwt.secret' } as const;
export const FILES_PREFIX = 'files/';
/** Files of an ATTACHMENTS_DIR outside DATA_DIR, under `files/` (restored into the target's ATTACHMENTS_DIR). */
export const OUTSIDE_ATTACHMENTS = '@attachments';

export interface DatabaseFacts {
  migrations: string[];
  counts: Record<string, number>;
  lastCaseSeq: Record<string, number>;
}

/** Rows counted per statement: a slice of ~20 ms, then the event loop gets a turn (the service shares it). */
const COUNT_SLICE = 50_000;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Row counts, applied migrations and case counters of a SQLite file (a fresh snapshot, or a restored
 * copy); `selfContained` also switches it out of WAL mode so the file stands alone. Tables are counted
 * in rowid slices with a turn of the event loop between them, so a backup inside the service never
 * blocks its requests for the length of a full count.
 */
export async function databaseFacts(path: string, options: { selfContained?: boolean; integrityCheck?: boolean } = {}): Promise<DatabaseFacts> {
  const db = new Database(path, { fileMustExist: true });
  try {
    if (options.selfContained) db.pragma('journal_mode = DELETE');
    if (options.integrityCheck) {
      const result = db.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw BackupErrors.manifestMismatch(`SQLite integrity_check: ${String(result)}`);
    }
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const quoted = `"${table.replace(/"/g, '""')}"`;
      let max: number | null;
      try {
        max = (db.prepare(`SELECT MAX(rowid) AS m FROM ${quoted}`).get() as { m: number | null }).m;
      } catch {
        max = null; // a table without rowid: one count
      }
      if (max === null || max <= COUNT_SLICE) {
        counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${quoted}`).get() as { n: number }).n;
        continue;
      }
      const slice = db.prepare(`SELECT COUNT(*) AS n FROM ${quoted} WHERE rowid > ? AND rowid <= ?`);
      let n = 0;
      for (let from = 0; from < max; from += COUNT_SLICE) {
        n += (slice.get(from, from + COUNT_SLICE) as { n: number }).n;
        await turn();
      }
      counts[table] = n;
    }
    const migrations = tables.includes('migrations') ? (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name) : [];
    const lastCaseSeq: Record<string, number> = {};
    if (tables.includes('case_counters')) {
      for (const row of db.prepare('SELECT year, lastSeq FROM case_counters ORDER BY year').all() as { year: number; lastSeq: number }[]) lastCaseSeq[String(row.year)] = row.lastSeq;
    }
    return { migrations, counts, lastCaseSeq };
  } finally {
    db.close();
  }
}

/** Every entry the manifest lists was read with its size and checksum, and nothing else was. */
export function verifyEntries(manifest: BackupManifest, read: ArchiveEntryInfo[]): void {
  const byName = new Map(read.filter((e) => e.name !== MANIFEST_ENTRY).map((e) => [e.name, e]));
  for (const expected of manifest.entries) {
    const got = byName.get(expected.name);
    if (!got) throw BackupErrors.manifestMismatch(`missing ${expected.name}`);
    if (got.size !== expected.size || got.sha256 !== expected.sha256) throw BackupErrors.manifestMismatch(`checksum of ${expected.name}`);
    byName.delete(expected.name);
  }
  if (byName.size) throw BackupErrors.manifestMismatch(`unlisted ${[...byName.keys()].join(', ')}`);
}

/** Parses and sanity-checks `manifest.json`. */
export function parseManifest(text: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw BackupErrors.manifestMismatch('manifest.json is not JSON');
  }
  if (manifest?.format !== 'xf-backup-manifest' || manifest.version !== 1 || !Array.isArray(manifest.entries)) {
    throw BackupErrors.manifestMismatch('manifest.json has an unknown format');
  }
  return manifest;
}
