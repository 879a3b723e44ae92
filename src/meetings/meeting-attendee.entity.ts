import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { Partstat, ReplyVia } from './replies/reply-state.js';

export const ATTENDEE_KINDS = ['leader', 'unit', 'deputy'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];

/**
 * Who is invited: a leader (by id), a unit's representative (by unit code) or a deputy (by id).
 * A removed attendee keeps the row with `active = false`, so he or she can be sent a cancellation.
 */
@Entity('meeting_attendees')
@Index('idx_attendees_meeting', ['meetingId'])
@Index('idx_attendees_ref', ['kind', 'refId'])
export class MeetingAttendee {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: AttendeeKind;

  /** Leader or deputy id, or unit code. */
  @Column({ type: 'varchar', length: UUID_LENGTH })
  refId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  /** `chair`, `required` (leaders in charge, units) or `optional`. */
  @Column({ type: 'varchar', length: 12 })
  role!: 'chair' | 'required' | 'optional';

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The attendee's answer (回执), iCalendar PARTSTAT: NEEDS-ACTION until he or she replies. */
  @Column({ type: 'varchar', length: 16, default: 'NEEDS-ACTION' })
  partstat!: Partstat;

  /** When the answer was given (for an iTIP REPLY: its DTSTAMP). */
  @DateTimeColumn({ nullable: true })
  repliedAt!: Date | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  replyVia!: ReplyVia | null;

  /** 派员参加: who comes instead (DELEGATED). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  substituteName!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  substitutePost!: string | null;

  /** The attendee's remark; shown to the secretariat only (it may name people). */
  @Column({ type: 'text', nullable: true })
  replyComment!: string | null;
}
