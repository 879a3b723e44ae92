import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackupRun } from './backup-run.entity.js';
import { BackupRunRepository } from './backup-run.repository.js';
import { BackupController } from './backup.controller.js';
import { BackupService } from './backup.service.js';
import { InstanceLockService } from './instance-lock.service.js';

/** Backups of the embedded mode (daily job), their status, and the running-instance marker in DATA_DIR. */
@Module({
  imports: [TypeOrmModule.forFeature([BackupRun])],
  controllers: [BackupController],
  providers: [BackupRunRepository, BackupService, InstanceLockService],
  exports: [BackupService],
})
export class BackupModule {}
