import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';

/**
 * A room's time taken by a confirmed (or held) meeting: one row per meeting with its exact
 * [startAt, endAt). `RoomBookings` (booking/room-bookings.ts) writes these rows under a lock on the
 * room's row, so no two overlapping meetings in one room are ever both confirmed.
 */
@Entity('room_bookings')
@Index('idx_room_bookings_span', ['roomId', 'startAt'])
@Index('idx_room_bookings_meeting', ['meetingId'])
export class RoomBooking {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  roomId!: string;

  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  meetingId!: string;

  @Column({ type: 'datetime', precision: 3 })
  startAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  endAt!: Date;
}
