import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { KEY_FILES } from '../../config/backup-config.js';
import { PiiCipher } from '../common/pii/pii-cipher.js';
import { readArchiveHeader, readBackupArchive } from './archive/backup-archive.js';
import { BackupErrors } from './backup-errors.js';
import { DATABASE_ENTRY, databaseFacts, type DatabaseFacts, FILES_PREFIX, KEY_ENTRIES, MANIFEST_ENTRY, OUTSIDE_ATTACHMENTS, parseManifest, verifyEntries, type BackupManifest } from './backup-manifest.js';
import { InstanceLock, RUNNING_DIR } from './instance-lock.js';

/** Where to restore, and which keys the environment already gives (they win over key files). */
export interface RestoreTarget {
  dataDir: string;
  sqlitePath: string;
  /** BACKUP_DIR, when it lies inside DATA_DIR (kept, not counted as data). */
  backupDir: string;
  envPiiKey: Buffer | null;
  envPiiPreviousKeys: Buffer[];
  envJwtSecret: boolean;
  /** ATTACHMENTS_DIR of the restored installation (default DATA_DIR/attachments). */
  attachmentsDir?: string;
}

export interface RestoreOptions {
  passphrase: string | null;
  /** Restore over existing data (moved to `pre-restore-<time>/` first). */
  force?: boolean;
  /** Verify only: decrypt, check every checksum and the database, restore nothing. */
  checkOnly?: boolean;
  now?: () => Date;
  onProgress?: (event: { entries: number; bytes: number }) => void;
}

export interface RestoreReport {
  manifest: BackupManifest;
  /** Facts of the database as restored (before migrations). */
  restored: DatabaseFacts;
  files: number;
  keysRestored: boolean;
  /** How many stored personal-data fields were decrypted as a check of the key. */
  keyCheckSamples: number;
  movedAside: string | null;
}

/** Names a hostile archive could use to write outside the staging directory. */
function safeRelative(name: string): boolean {
  return name.length > 0 && !name.startsWith('/') && !name.includes('\\') && !name.split('/').some((part) => part === '..' || part === '' || part === '.');
}

/**
 * Restores an archive of BackupArchive into an empty DATA_DIR of the embedded mode: refuses while a
 * service runs there or when it already holds data (unless forced), extracts into a staging directory,
 * checks every entry against the manifest, the database's integrity and counts, and that the key
 * decrypts the stored personal data, and only then moves everything into place. Migrations run after
 * (the CLI, with the restored configuration).
 */
export class RestoreService {
  constructor(private readonly target: RestoreTarget) {}

  /** DATA_DIR entries that count as an existing installation. */
  existingData(): string[] {
    const keep = new Set([RUNNING_DIR]);
    let names: string[];
    try {
      names = readdirSync(this.target.dataDir);
    } catch {
      return [];
    }
    return names.filter((name) => {
      if (keep.has(name) || name.startsWith('pre-restore-') || name.startsWith('.restore-')) return false;
      return resolve(join(this.target.dataDir, name)) !== resolve(this.target.backupDir);
    });
  }

  async restore(archive: string, options: RestoreOptions): Promise<RestoreReport> {
    const header = await readArchiveHeader(archive);
    if (header.encrypted && options.passphrase === null) throw BackupErrors.passphraseRequired();
    if (!options.checkOnly) {
      const live = InstanceLock.live(this.target.dataDir);
      if (live.length) throw BackupErrors.serviceRunning(live.map((i) => i.pid), this.target.dataDir);
    }
    const existing = options.checkOnly ? [] : this.existingData();
    const keyFilesOnly = existing.every((name) => (Object.values(KEY_FILES) as string[]).includes(name));
    if (existing.length && !options.force && !keyFilesOnly) throw BackupErrors.targetNotEmpty(this.target.dataDir, existing.slice(0, 5));

    mkdirSync(this.target.dataDir, { recursive: true });
    const staging = join(this.target.dataDir, `.restore-${randomBytes(4).toString('hex')}`);
    await mkdir(staging, { mode: 0o700 });
    try {
      const { manifest, files } = await this.extract(archive, staging, options);
      const stagedDb = join(staging, 'database.sqlite');
      const restored = await databaseFacts(stagedDb, { integrityCheck: true });
      for (const [table, count] of Object.entries(manifest.counts)) {
        if (restored.counts[table] !== count) throw BackupErrors.manifestMismatch(`${table}: ${restored.counts[table] ?? 0} rows, manifest ${count}`);
      }

      // Which keys the restored installation will use, and whether they open its data.
      const stagedKey = async (entry: string): Promise<string | null> => (existsSync(join(staging, entry)) ? (await readFile(join(staging, entry), 'utf8')).trim() : null);
      const piiText = await stagedKey(KEY_ENTRIES.pii);
      const existingKeyFile = join(this.target.dataDir, KEY_FILES.pii);
      if (piiText !== null && existsSync(existingKeyFile) && !options.force && !options.checkOnly) {
        const existingKey = PiiCipher.parseKey(await readFile(existingKeyFile, 'utf8'));
        if (!existingKey.equals(PiiCipher.parseKey(piiText))) throw BackupErrors.targetNotEmpty(this.target.dataDir, [`${KEY_FILES.pii} (another key)`]);
      }
      let ring: PiiCipher | null;
      if (this.target.envPiiKey) ring = new PiiCipher(this.target.envPiiKey, this.target.envPiiPreviousKeys);
      else if (piiText !== null) ring = new PiiCipher(PiiCipher.parseKey(piiText), PiiCipher.parseKeyList((await stagedKey(KEY_ENTRIES.piiPrevious)) ?? ''));
      else if (existsSync(existingKeyFile) && !options.force) {
        const previousFile = join(this.target.dataDir, KEY_FILES.piiPrevious);
        ring = new PiiCipher(PiiCipher.parseKey(await readFile(existingKeyFile, 'utf8')), existsSync(previousFile) ? PiiCipher.parseKeyList(await readFile(previousFile, 'utf8')) : []);
      } else if (options.checkOnly) ring = null; // a data-only archive checked without its key: nothing to try the data with
      else throw BackupErrors.keysMissing();
      if (!options.checkOnly && !this.target.envJwtSecret && !existsSync(join(staging, KEY_ENTRIES.jwt)) && !(existsSync(join(this.target.dataDir, KEY_FILES.jwt)) && !options.force)) {
        throw BackupErrors.keysMissing();
      }
      const keyCheckSamples = ring ? checkKey(stagedDb, ring) + (await checkAttachmentKey(join(staging, 'files'), ring)) : 0;

      const report: RestoreReport = { manifest, restored, files, keysRestored: false, keyCheckSamples, movedAside: null };
      if (options.checkOnly) return report;

      if (existing.length && options.force) report.movedAside = await this.moveAside(existing, options.now?.() ?? new Date());
      const db = this.target.sqlitePath;
      for (const suffix of ['-wal', '-shm', '-journal']) await rm(db + suffix, { force: true });
      await mkdir(dirname(db), { recursive: true });
      await rename(stagedDb, db);
      const stagedFiles = join(staging, 'files');
      // Attachments go where the restored installation keeps them: an archive of an ATTACHMENTS_DIR outside
      // DATA_DIR (files/@attachments) or of the default (files/attachments), into the target's ATTACHMENTS_DIR.
      const attachmentsTarget = this.target.attachmentsDir ?? join(this.target.dataDir, 'attachments');
      for (const name of [OUTSIDE_ATTACHMENTS, 'attachments']) {
        const staged = join(stagedFiles, name);
        if (!existsSync(staged) || resolve(attachmentsTarget) === resolve(join(this.target.dataDir, name))) continue;
        await mkdir(attachmentsTarget, { recursive: true, mode: 0o700 });
        await moveTree(staged, attachmentsTarget);
        await rm(staged, { recursive: true, force: true });
      }
      if (existsSync(stagedFiles)) await moveTree(stagedFiles, this.target.dataDir);
      if (piiText !== null) {
        for (const [entry, file] of [
          [KEY_ENTRIES.pii, KEY_FILES.pii],
          [KEY_ENTRIES.piiPrevious, KEY_FILES.piiPrevious],
          [KEY_ENTRIES.jwt, KEY_FILES.jwt],
        ] as const) {
          if (!existsSync(join(staging, entry))) continue;
          await rename(join(staging, entry), join(this.target.dataDir, file));
          await chmod(join(this.target.dataDir, file), 0o600);
        }
        report.keysRestored = true;
      }
      return report;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }

  private async extract(archive: string, staging: string, options: RestoreOptions): Promise<{ manifest: BackupManifest; files: number }> {
    let manifestText: string | null = null;
    let files = 0;
    let bytes = 0;
    let count = 0;
    const { entries } = await readBackupArchive(archive, options.passphrase, async (entry, data) => {
      count++;
      if (entry.name === MANIFEST_ENTRY) {
        const parts: Buffer[] = [];
        for await (const piece of data) parts.push(piece);
        manifestText = Buffer.concat(parts).toString('utf8');
        return;
      }
      let path: string;
      if (entry.name === DATABASE_ENTRY) path = join(staging, 'database.sqlite');
      else if ((Object.values(KEY_ENTRIES) as string[]).includes(entry.name)) path = join(staging, entry.name);
      else if (entry.name.startsWith(FILES_PREFIX) && safeRelative(entry.name.slice(FILES_PREFIX.length))) {
        path = join(staging, entry.name);
        files++;
      } else throw BackupErrors.manifestMismatch(`unexpected entry ${JSON.stringify(entry.name)}`);
      await mkdir(dirname(path), { recursive: true });
      const counted = (async function* () {
        for await (const piece of data) {
          bytes += piece.length;
          yield piece;
        }
      })();
      await pipeline(Readable.from(counted), createWriteStream(path, { mode: 0o600 }));
      options.onProgress?.({ entries: count, bytes });
    });
    if (manifestText === null) throw BackupErrors.manifestMismatch(`no ${MANIFEST_ENTRY}`);
    const manifest = parseManifest(manifestText);
    verifyEntries(manifest, entries);
    if (!entries.some((e) => e.name === DATABASE_ENTRY)) throw BackupErrors.manifestMismatch(`no ${DATABASE_ENTRY}`);
    return { manifest, files };
  }

  private async moveAside(names: string[], now: Date): Promise<string> {
    const aside = join(this.target.dataDir, `pre-restore-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    await mkdir(aside, { recursive: true, mode: 0o700 });
    for (const name of names) await rename(join(this.target.dataDir, name), join(aside, name));
    return aside;
  }
}

/** Moves every file under `from` to the same relative place under `to` (copied when `to` is on another file system). */
async function moveTree(from: string, to: string): Promise<void> {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target, { recursive: true });
      await moveTree(source, target);
    } else {
      await rename(source, target).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyFile(source, target);
        await rm(source, { force: true });
      });
    }
  }
}

/** Opens up to 10 attachment files (sealed with the personal-data key) from the staged archive; throws BACKUP_KEY_MISMATCH if one fails. */
async function checkAttachmentKey(stagedFiles: string, ring: PiiCipher): Promise<number> {
  let samples = 0;
  for (const dir of [join(stagedFiles, 'attachments'), join(stagedFiles, OUTSIDE_ATTACHMENTS)]) {
    if (!existsSync(dir)) continue;
    for (const fan of readdirSync(dir, { withFileTypes: true })) {
      if (!fan.isDirectory()) continue;
      for (const name of readdirSync(join(dir, fan.name))) {
        const id = /^([0-9a-f-]{36})\.xfa$/.exec(name)?.[1];
        if (!id || samples >= 10) continue;
        try {
          ring.openBytes(await readFile(join(dir, fan.name, name)), id);
          samples++;
        } catch (error) {
          throw BackupErrors.keyMismatch(error instanceof Error ? error.message : String(error));
        }
      }
    }
  }
  return samples;
}

/** Decrypts up to 50 stored personal-data fields with the ring; throws BACKUP_KEY_MISMATCH if one fails. */
function checkKey(path: string, ring: PiiCipher): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hasCases = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'").get();
    if (!hasCases) return 0;
    const rows = db
      .prepare(
        `SELECT petitionerIdCipher AS a, petitionerPhoneCipher AS b, petitionerAddressCipher AS c FROM cases
          WHERE petitionerIdCipher IS NOT NULL OR petitionerPhoneCipher IS NOT NULL OR petitionerAddressCipher IS NOT NULL
          ORDER BY receivedAt DESC LIMIT 50`,
      )
      .all() as { a: string | null; b: string | null; c: string | null }[];
    let samples = 0;
    for (const row of rows) {
      for (const token of [row.a, row.b, row.c]) {
        if (token === null) continue;
        try {
          ring.decrypt(token);
          samples++;
        } catch (error) {
          throw BackupErrors.keyMismatch(error instanceof Error ? error.message : String(error));
        }
      }
    }
    return samples;
  } finally {
    db.close();
  }
}
