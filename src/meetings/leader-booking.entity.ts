import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';

/**
 * One 30-minute block of a leader's time taken by a confirmed meeting. The primary key
 * (leaderId, slotStart) makes the database refuse a second confirmed meeting for the same leader
 * at the same time, whichever instance or secretary confirms it.
 */
@Entity('leader_bookings')
@Index('idx_bookings_meeting', ['meetingId'])
export class LeaderBooking {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  leaderId!: string;

  @PrimaryColumn({ type: 'datetime', precision: 3 })
  slotStart!: Date;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;
}

export const BOOKING_BLOCK_MINUTES = 30;
