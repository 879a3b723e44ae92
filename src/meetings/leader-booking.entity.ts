import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';

/**
 * A leader's time taken by a confirmed (or held) meeting: one row per leader and meeting with the
 * meeting's exact [startAt, endAt). `LeaderBookings` (booking/leader-bookings.ts) writes these rows
 * under a lock on the leader's row, so no two overlapping meetings of one leader are ever both
 * confirmed, whichever instance or secretary confirms them.
 */
@Entity('leader_bookings')
@Index('idx_leader_bookings_span', ['leaderId', 'startAt'])
@Index('idx_leader_bookings_meeting', ['meetingId'])
export class LeaderBooking {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  leaderId!: string;

  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  @Column({ type: 'datetime', precision: 3 })
  startAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  endAt!: Date;
}
