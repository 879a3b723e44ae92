import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type Database from 'better-sqlite3';
import { KEY_FILES } from '../../config/backup-config.js';
import { PiiCipher } from '../common/pii/pii-cipher.js';
import { BackupArchiveWriter } from './archive/backup-archive.js';
import { DATABASE_ENTRY, databaseFacts, FILES_PREFIX, KEY_ENTRIES, MANIFEST_ENTRY, OUTSIDE_ATTACHMENTS, type BackupManifest } from './backup-manifest.js';
import { RUNNING_DIR } from './instance-lock.js';
import { SqliteBackup } from './sqlite-backup.js';

/** The embedded installation to back up, with the keys it actually uses (from files or the environment). */
export interface BackupSource {
  dataDir: string;
  sqlitePath: string;
  piiKey: Buffer;
  piiPreviousKeys: Buffer[];
  jwtSecret: string;
  /** Directories inside DATA_DIR not to copy (BACKUP_DIR). */
  exclude: string[];
  /** ATTACHMENTS_DIR: copied too when it lies outside DATA_DIR (as `files/@attachments/…`). */
  attachmentsDir?: string;
}

/** True when `dir` is `root` or lies under it. */
function inside(root: string, dir: string): boolean {
  const rel = relative(resolve(root), resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export type BackupProgress =
  | { phase: 'database'; totalPages: number; copiedPages: number }
  | { phase: 'files'; files: number }
  | { phase: 'archive'; bytes: number; done: boolean };

export interface BackupOptions {
  /** Directory the archive is written to (created if missing). */
  directory: string;
  /** Encrypts the archive and adds the keys; null: unencrypted, data only. */
  passphrase: string | null;
  /** The service's own connection (scheduled backup); otherwise a separate one is opened. */
  connection?: Database.Database;
  now?: () => Date;
  onProgress?: (event: BackupProgress) => void;
  compressionLevel?: number;
}

export interface BackupResult {
  path: string;
  bytes: number;
  sha256: string;
  manifest: BackupManifest;
  startedAt: Date;
  finishedAt: Date;
}

export const ARCHIVE_PREFIX = 'xf-backup-';
export const ARCHIVE_SUFFIX = '.xfbak';

/** `xf-backup-20261201T013000Z-1a2b.xfbak`: sorts by time. */
export function archiveName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `${ARCHIVE_PREFIX}${stamp}-${randomBytes(2).toString('hex')}${ARCHIVE_SUFFIX}`;
}

/** DATA_DIR entries that are not copied as files: the database (copied through SQLite), keys, markers, backups, restore leftovers. */
function skipped(source: BackupSource, path: string, name: string): boolean {
  const db = basename(source.sqlitePath);
  if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].includes(name) && resolve(path) === resolve(join(source.dataDir, name))) return true;
  if ((Object.values(KEY_FILES) as string[]).includes(name) && resolve(path) === resolve(join(source.dataDir, name))) return true;
  if (name === RUNNING_DIR || name.startsWith('pre-restore-') || name.startsWith('.restore-') || name.startsWith('.backup-')) return true;
  return source.exclude.some((dir) => resolve(path) === resolve(dir));
}

async function listFiles(source: BackupSource, dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (skipped(source, path, entry.name)) continue;
    if (entry.isDirectory()) out.push(...(await listFiles(source, path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * One backup of the embedded installation: a consistent copy of the SQLite database (SqliteBackup),
 * the files of DATA_DIR (outbox, attachments), the keys when encrypted, and a manifest with counts and
 * checksums, in one archive (BackupArchive). Written to `<name>.partial` and renamed when complete.
 */
export async function createBackup(source: BackupSource, options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  mkdirSync(options.directory, { recursive: true, mode: 0o700 });
  const work = await mkdtemp(join(options.directory, '.backup-'));
  const path = join(options.directory, archiveName(startedAt));
  const partial = `${path}.partial`;
  let writer: BackupArchiveWriter | null = null;
  try {
    const snapshot = join(work, 'database.sqlite');
    const report = (p: { totalPages: number; remainingPages: number }): void =>
      options.onProgress?.({ phase: 'database', totalPages: p.totalPages, copiedPages: p.totalPages - p.remainingPages });
    if (options.connection) await SqliteBackup.fromConnection(options.connection, snapshot, report);
    else await SqliteBackup.fromFile(source.sqlitePath, snapshot, report);
    const facts = await databaseFacts(snapshot, { selfContained: true });

    const listed = { ...source, exclude: [...source.exclude, options.directory] };
    const files = (await listFiles(listed, source.dataDir)).map((file) => ({ file, name: FILES_PREFIX + relative(source.dataDir, file).split(sep).join('/') }));
    const attachmentsDir = source.attachmentsDir;
    if (attachmentsDir !== undefined && !inside(source.dataDir, attachmentsDir)) {
      for (const file of await listFiles(listed, attachmentsDir)) files.push({ file, name: `${FILES_PREFIX}${OUTSIDE_ATTACHMENTS}/${relative(attachmentsDir, file).split(sep).join('/')}` });
    }
    options.onProgress?.({ phase: 'files', files: files.length });

    writer = await BackupArchiveWriter.create(partial, options.passphrase, startedAt, options.compressionLevel);
    const w = writer;
    const progress = (): void => options.onProgress?.({ phase: 'archive', bytes: w.bytesWritten, done: false });
    await writer.addFile(DATABASE_ENTRY, snapshot, progress);
    for (const { file, name } of files) {
      await writer.addFile(name, file).catch((error: unknown) => {
        // An outbox message removed while we listed: not part of this backup.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      });
    }
    const keysIncluded = options.passphrase !== null;
    if (keysIncluded) {
      await writer.addBuffer(KEY_ENTRIES.pii, Buffer.from(source.piiKey.toString('hex') + '\n'));
      if (source.piiPreviousKeys.length) await writer.addBuffer(KEY_ENTRIES.piiPrevious, Buffer.from(source.piiPreviousKeys.map((k) => k.toString('hex')).join('\n') + '\n'));
      await writer.addBuffer(KEY_ENTRIES.jwt, Buffer.from(source.jwtSecret + '\n'));
    }
    const manifest: BackupManifest = {
      format: 'xf-backup-manifest',
      version: 1,
      createdAt: now().toISOString(),
      startedAt: startedAt.toISOString(),
      source: { mode: 'embedded', sqliteFile: basename(source.sqlitePath) },
      migrations: facts.migrations,
      counts: facts.counts,
      lastCaseSeq: facts.lastCaseSeq,
      encrypted: options.passphrase !== null,
      keysIncluded,
      piiKeyIds: [source.piiKey, ...source.piiPreviousKeys].map((k) => PiiCipher.keyIdOf(k)),
      entries: [...writer.written],
    };
    await writer.addBuffer(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'));
    const { bytes, sha256 } = await writer.finish();
    writer = null;
    await rename(partial, path);
    options.onProgress?.({ phase: 'archive', bytes, done: true });
    return { path, bytes, sha256, manifest, startedAt, finishedAt: now() };
  } catch (error) {
    if (writer) await writer.abort(partial);
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
