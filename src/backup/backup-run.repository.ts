import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { BackupRun } from './backup-run.entity.js';

/** Backup runs: written by the CLI, the daily job and scripts/backup-mysql.sh; read by health and admins. */
@Injectable()
export class BackupRunRepository {
  constructor(@InjectRepository(BackupRun) private readonly runs: Repository<BackupRun>) {}

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
