import { Injectable } from '@nestjs/common';
import Database from 'better-sqlite3';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { BackupRun } from './backup-run.entity.js';

/** Backup runs: written by the CLI, the daily job and scripts/backup-mysql.sh; read by health and admins. */
@Injectable()
export class BackupRunRepository {
  constructor(@InjectRepository(BackupRun) private readonly runs: Repository<BackupRun>) {}

  /**
   * The CLI's record in the live embedded database: a second connection that never waits inside SQLite
   * (busy_timeout 0) but retries between turns of the event loop, so it cannot stall a service that
   * shares the process (tests) and gives up after `timeoutMs`.
   */
  static async insertSqlite(path: string, run: BackupRun, timeoutMs = 30_000): Promise<void> {
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

  async insert(run: BackupRun): Promise<void> {
    await this.runs.insert({ ...run });
  }

  latest(): Promise<BackupRun | null> {
    return this.runs.findOne({ where: {}, order: { finishedAt: 'DESC' } });
  }

  latestSuccessful(): Promise<BackupRun | null> {
    return this.runs.findOne({ where: { ok: true }, order: { finishedAt: 'DESC' } });
  }

  recent(limit: number): Promise<BackupRun[]> {
    return this.runs.find({ order: { finishedAt: 'DESC' }, take: limit });
  }
}
