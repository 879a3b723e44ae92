import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'no-email', 'superseded'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One invite (or cancellation) for one attendee at one SEQUENCE of a meeting. Written in the same
 * transaction as the meeting change; the unique key makes a second delivery of the same
 * meeting/attendee/sequence/method impossible.
 */
@Entity('invite_deliveries')
@Unique('uq_delivery_attendee_sequence', ['meetingId', 'attendeeId', 'sequence', 'method'])
@Index('idx_delivery_meeting', ['meetingId', 'createdAt'])
export class InviteDelivery {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  /** The meeting_attendees row. */
  @Column({ type: 'varchar', length: UUID_LENGTH })
  attendeeId!: string;

  @Column({ type: 'varchar', length: 8 })
  attendeeKind!: string;

  /** Leader or deputy id, or unit code. */
  @Column({ type: 'varchar', length: UUID_LENGTH })
  attendeeRef!: string;

  @Column({ type: 'varchar', length: 100 })
  recipientName!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'int' })
  sequence!: number;

  @Column({ type: 'varchar', length: 8 })
  method!: 'REQUEST' | 'CANCEL';

  @Column({ type: 'varchar', length: 12 })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  sentAt!: Date | null;
}
