import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { BackupHealthResponse } from '../backup/backup.response.js';
import type { BackupHealth } from '../backup/backup.service.js';
import type { HealthReport } from './health.service.js';

export class HealthDatabaseResponse {
  @ApiProperty({ example: 'better-sqlite3' }) type!: string;
  @ApiProperty() ok!: boolean;
}

export class HealthQueueResponse {
  @ApiProperty({ enum: ['embedded', 'bull'], enumName: 'QueueMode' }) mode!: 'embedded' | 'bull';
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional() pending?: number;
  @ApiPropertyOptional() running?: number;
  @ApiPropertyOptional() dead?: number;
}

/** The backup state could not be read (the report still answers). */
export class BackupStatusUnavailableResponse {
  @ApiProperty({ type: Boolean, nullable: true, enum: [null] }) ok!: null;
  @ApiProperty() warning!: string;
}

/** `GET /health`: 200 when the database and the queue answer, 503 (same body) otherwise. */
@ApiExtraModels(BackupHealthResponse, BackupStatusUnavailableResponse)
export class HealthReportResponse implements HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'], enumName: 'HealthStatus' }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: () => HealthDatabaseResponse }) database!: HealthDatabaseResponse;
  @ApiProperty({ type: () => HealthQueueResponse }) queue!: HealthQueueResponse;
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(BackupHealthResponse) }, { $ref: getSchemaPath(BackupStatusUnavailableResponse) }],
    description: 'the last backup: a missing or failed one for more than 48 hours is a warning, never a 503',
  })
  backup!: BackupHealth | { ok: null; warning: string };
}
