import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../database/columns.js';

export const RECEPTION_STATUSES = ['planned', 'confirmed', 'held', 'cancelled'] as const;
export type ReceptionStatus = (typeof RECEPTION_STATUSES)[number];

/** A case received on a held reception day, with what was said. */
export interface ReceivedCase {
  caseId: string;
  note: string | null;
}

/**
 * A leader's reception day (领导接访日): a half-day in office hours when the leader receives petitioners.
 * Confirming books the leader's time in `leader_bookings` under the reception day's id (the booking's
 * `meetingId` column), so it can never overlap a confirmed meeting or another reception day of the leader.
 */
@Entity('reception_days')
@Index('idx_reception_days_start', ['startAt'])
@Index('idx_reception_days_leader_start', ['leaderId', 'startAt'])
export class ReceptionDay {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  leaderId!: string;

  @DateTimeColumn()
  startAt!: Date;

  @DateTimeColumn()
  endAt!: Date;

  /** A room of the directory (接待室), or none. */
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  roomId!: string | null;

  /** Whether the room is booked (room bookings, at confirm). */
  @Column({ type: 'boolean', default: false })
  roomBooked!: boolean;

  @Column({ type: 'varchar', length: 12 })
  status!: ReceptionStatus;

  /** The cases proposed for the day, most urgent first. */
  @Column({ type: 'simple-json' })
  proposedCaseIds!: string[];

  /** The cases received (filled when held). */
  @Column({ type: 'simple-json' })
  received!: ReceivedCase[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @DateTimeColumn({ nullable: true })
  heldAt!: Date | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
