import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BackupKind, BackupRun, BackupRunDetails } from './backup-run.entity.js';
import type { BackupHealth } from './backup.service.js';

/** The response schemas of `GET /backups`, `POST /backups` and the backup part of `GET /health`. */

const BACKUP_KINDS: readonly BackupKind[] = ['cli', 'schedule', 'admin', 'mysqldump'];

export class BackupHealthResponse implements BackupHealth {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the last run (successful or not) finished' }) lastAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) ok!: boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: 'hours since the last successful backup' }) ageHours!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'a warning for admins (never a 503)' }) warning!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) keysIncluded!: boolean | null;
  @ApiProperty({ enum: ['service', 'operator'], enumName: 'BackupManagedBy' }) managedBy!: 'service' | 'operator';
}

export class BackupRunDetailsResponse implements BackupRunDetails {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, description: 'rows per table' }) counts?: Record<string, number>;
  @ApiPropertyOptional() files?: number;
  @ApiPropertyOptional() durationMs?: number;
  @ApiPropertyOptional({ description: 'sha256 of the archive file' }) sha256?: string;
}

export class BackupRunResponse implements Omit<BackupRun, 'startedAt' | 'finishedAt'> {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) finishedAt!: string;
  @ApiProperty({ enum: BACKUP_KINDS, enumName: 'BackupKind' }) kind!: BackupKind;
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "the archive's path on the server" }) location!: string | null;
  @ApiProperty({ type: Number, nullable: true }) sizeBytes!: number | null;
  @ApiProperty() encrypted!: boolean;
  @ApiProperty() keysIncluded!: boolean;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: () => BackupRunDetailsResponse }) details!: BackupRunDetailsResponse;
}

export class BackupListResponse {
  @ApiProperty({ type: () => BackupHealthResponse }) status!: BackupHealthResponse;
  @ApiProperty({ type: () => BackupRunResponse, isArray: true }) runs!: BackupRunResponse[];
}

export class BackupStartedResponse {
  @ApiProperty({ enum: [true] }) started!: true;
}
