import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

/** A period in which a leader cannot attend meetings (travel, leave, other duties). */
@Entity('leader_busy_blocks')
@Index('idx_busy_leader_start', ['leaderId', 'startAt'])
export class LeaderBusyBlock {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  leaderId!: string;

  @DateTimeColumn()
  startAt!: Date;

  @DateTimeColumn()
  endAt!: Date;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;
}
