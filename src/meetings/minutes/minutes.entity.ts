import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../database/columns.js';

export const MINUTES_STATUSES = ['draft', 'issued'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** Someone at the meeting who was not invited (列席 by name): name and post only. */
export interface ExtraAttendee {
  name: string;
  post: string | null;
}

/**
 * The minutes of one meeting (会议纪要): a draft the secretariat edits after the start, then issued once
 * with a number of the year (〔2026〕3号) and frozen. The decisions per case are the meeting's outcomes;
 * `undecidedCaseIds` are agenda cases the meeting explicitly left undecided (未作决定).
 */
@Entity('meeting_minutes')
@Index('idx_minutes_number', ['year', 'serial'], { unique: true })
export class MeetingMinutes {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: MinutesStatus;

  /** Year and serial of the number, set when issued (unique together: the database guarantees no number twice). */
  @Column({ type: 'int', nullable: true })
  year!: number | null;

  @Column({ type: 'int', nullable: true })
  serial!: number | null;

  /** 〔2026〕3号 */
  @Column({ type: 'varchar', length: 32, nullable: true })
  number!: string | null;

  /** 会议概况: what the meeting heard. */
  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  /** 其他要求: the meeting's general requirements (the per-case ones are in the outcomes). */
  @Column({ type: 'text', nullable: true })
  requirements!: string | null;

  @Column({ type: 'simple-json' })
  undecidedCaseIds!: string[];

  @Column({ type: 'simple-json' })
  extraAttendees!: ExtraAttendee[];

  @DateTimeColumn({ nullable: true })
  issuedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  issuedBy!: string | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}

export const MINUTES_MAIL_STATUSES = ['queued', 'sent', 'failed', 'no-email'] as const;
export type MinutesMailStatus = (typeof MINUTES_MAIL_STATUSES)[number];

/**
 * Who attended (出席): one row per invited attendee (`meeting_attendees.id`), present or not, with the
 * substitute sent (派员) and the state of the minutes mailed to him or her.
 */
@Entity('minutes_attendance')
@Index('idx_minutes_attendance', ['meetingId', 'attendeeId'], { unique: true })
export class MinutesAttendance {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  attendeeId!: string;

  @Column({ type: 'boolean' })
  present!: boolean;

  @Column({ type: 'varchar', length: 50, nullable: true })
  substituteName!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  substitutePost!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  mailStatus!: MinutesMailStatus | null;

  @DateTimeColumn({ nullable: true })
  mailedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  mailError!: string | null;
}

/** The last minutes number issued in a year; moved in the issuing transaction, so numbers are gap-free. */
@Entity('minutes_counters')
export class MinutesCounter {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastSerial!: number;
}

/** The minutes of a meeting with who attended, as read together. */
export type MinutesRecord = MeetingMinutes & { attendance: MinutesAttendance[] };
