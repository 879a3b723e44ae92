import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import type { Actor } from '../domain/actor.js';
import type { BackupRun } from './backup-run.entity.js';
import { BackupListResponse, BackupStartedResponse } from './backup.response.js';
import { type BackupHealth, BackupService } from './backup.service.js';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('backups')
export class BackupController {
  constructor(private readonly backups: BackupService) {}

  /** Backup status with the recent runs, their archive paths and sizes (admins only: paths reveal the server's layout). */
  @Roles('admin')
  @ApiOkResponse({ type: BackupListResponse })
  @Get()
  async list(): Promise<{ status: BackupHealth; runs: BackupRun[] }> {
    const [status, runs] = await Promise.all([this.backups.health(), this.backups.recent()]);
    return { status, runs };
  }

  /**
   * Embedded mode: starts a backup into BACKUP_DIR now, through the service's own connection (like the
   * daily job); 202 at once, the result appears in `GET /backups`. A second call while one runs joins it.
   */
  @Roles('admin')
  @ApiAcceptedResponse({ type: BackupStartedResponse })
  @Post()
  @HttpCode(202)
  async start(@CurrentActor() actor: Actor): Promise<{ started: true }> {
    await this.backups.startNow(actor);
    return { started: true };
  }
}
