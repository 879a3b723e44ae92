import { ApiProperty } from '@nestjs/swagger';
import type { JobView } from './jobs.service.js';
import { OUTBOX_STATUSES } from './outbox-job.entity.js';

/** A background job as `POST /jobs/deadline-sweep` and `GET /jobs/:id` show it. */
export class JobViewResponse implements JobView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'deadline-sweep' }) name!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES, enumName: 'JobStatus' }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}
