import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';

/** One case on a meeting's agenda, with the leader in charge (包案领导) and the unit that reports. */
@Entity('meeting_agenda_items')
@Index('idx_agenda_meeting_position', ['meetingId', 'position'])
@Index('idx_agenda_case', ['caseId'])
export class AgendaItem {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @Column({ type: 'varchar', length: 20 })
  caseCode!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  leadLeaderId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  presenterUnit!: string;

  @Column({ type: 'int' })
  minutes!: number;
}
