import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../database/columns.js';

/** A small record a recurring job keeps between runs (e.g. the deadline sweep's watermark). */
@Entity('job_state')
export class JobState {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'simple-json' })
  value!: Record<string, string>;

  @DateTimeColumn()
  updatedAt!: Date;
}
