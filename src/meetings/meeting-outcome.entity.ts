import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

/** What a meeting decided on one case (会议要求): fed back into the case as a timeline event and a deadline. */
@Entity('meeting_outcomes')
@Index('idx_outcomes_case', ['caseId', 'createdAt'])
@Index('idx_outcomes_meeting', ['meetingId'])
export class MeetingOutcome {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @Column({ type: 'text' })
  decision!: string;

  @Column({ type: 'text', nullable: true })
  requirements!: string | null;

  @DateTimeColumn({ nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
