import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { MeetingType } from '../domain/case-vocabulary.js';

export const MEETING_STATUSES = ['draft', 'confirmed', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A special (专题会议), joint (联席会议) or supervision (督办会) meeting. */
@Entity('meetings')
@Index('idx_meetings_start', ['startAt'])
@Index('idx_meetings_status_start', ['status', 'startAt'])
export class Meeting {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: MeetingType;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @DateTimeColumn()
  startAt!: Date;

  @DateTimeColumn()
  endAt!: Date;

  @Column({ type: 'varchar', length: 100 })
  location!: string;

  /** The room booked (会议室); null = no room of the directory (the location text only). */
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  roomId!: string | null;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  chairId!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: MeetingStatus;

  /** iCalendar SEQUENCE: raised in the same transaction as every change that matters once confirmed. */
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  /** iCalendar UID: never changes for the meeting. */
  @Column({ type: 'varchar', length: 120, unique: true })
  uid!: string;

  /** The plan that proposed this meeting (re-planning replaces that plan's drafts). */
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  planId!: string | null;

  /** A draft a secretary made or edited by hand: re-planning keeps it (unless asked to replace it). */
  @Column({ type: 'boolean', default: false })
  handEdited!: boolean;

  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
