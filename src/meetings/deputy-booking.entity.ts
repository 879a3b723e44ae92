import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';

/**
 * A deputy's time taken by a confirmed (or held) meeting: one row per deputy and meeting with the
 * meeting's exact [startAt, endAt), written by `DeputyBookings` under a lock on the deputy's row, as
 * leaders' time is (`LeaderBooking`): no deputy is ever in two overlapping confirmed meetings.
 */
@Entity('deputy_bookings')
@Index('idx_deputy_bookings_span', ['deputyId', 'startAt'])
@Index('idx_deputy_bookings_meeting', ['meetingId'])
export class DeputyBooking {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  deputyId!: string;

  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  @Column({ type: 'datetime', precision: 3 })
  startAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  endAt!: Date;
}
