import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import type { BackupRun } from './backup-run.entity.js';
import { type BackupHealth, BackupService } from './backup.service.js';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('backups')
export class BackupController {
  constructor(private readonly backups: BackupService) {}

  /** Backup status with the recent runs, their archive paths and sizes (admins only: paths reveal the server's layout). */
  @Roles('admin')
  @Get()
  async list(): Promise<{ status: BackupHealth; runs: BackupRun[] }> {
    const [status, runs] = await Promise.all([this.backups.health(), this.backups.recent()]);
    return { status, runs };
  }
}
