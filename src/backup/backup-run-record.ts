import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { BackupResult } from './backup-creator.js';
import type { BackupKind, BackupRun } from './backup-run.entity.js';

// Plain functions (no Nest, no TypeORM at run time): the CLI loads them in a fraction of a second.

/** Turns a finished (or failed) backup into its record. */
export function backupRunOf(kind: BackupKind, startedAt: Date, finishedAt: Date, outcome: { result: BackupResult } | { error: unknown }): BackupRun {
  if ('result' in outcome) {
    const { result } = outcome;
    return {
      id: randomUUID(),
      startedAt,
      finishedAt,
      kind,
      ok: true,
      location: result.path,
      sizeBytes: result.bytes,
      encrypted: result.manifest.encrypted,
      keysIncluded: result.manifest.keysIncluded,
      error: null,
      details: { counts: result.manifest.counts, files: result.manifest.entries.filter((e) => e.name.startsWith('files/')).length, durationMs: finishedAt.getTime() - startedAt.getTime(), sha256: result.sha256 },
    };
  }
  const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return { id: randomUUID(), startedAt, finishedAt, kind, ok: false, location: null, sizeBytes: null, encrypted: false, keysIncluded: false, error: message.slice(0, 1000), details: { durationMs: finishedAt.getTime() - startedAt.getTime() } };
}

/**
 * The CLI's record in the live embedded database: a second connection that never waits inside SQLite
 * (busy_timeout 0) but retries between turns of the event loop, so it cannot stall a service that
 * shares the process (tests) and gives up after `timeoutMs`.
 */
export async function insertRunSqlite(path: string, run: BackupRun, timeoutMs = 30_000): Promise<void> {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    const at = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');
    const insert = db.prepare(
      'INSERT INTO backup_runs (id, startedAt, finishedAt, kind, ok, location, sizeBytes, encrypted, keysIncluded, error, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const values = [run.id, at(run.startedAt), at(run.finishedAt), run.kind, run.ok ? 1 : 0, run.location, run.sizeBytes, run.encrypted ? 1 : 0, run.keysIncluded ? 1 : 0, run.error, JSON.stringify(run.details)];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        insert.run(...values);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    db.close();
  }
}

