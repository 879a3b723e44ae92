import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';

/** A meeting room of the standing committee's building (会议室), for meetings and receptions. */
@Entity('rooms')
@Index('idx_rooms_name', ['name'], { unique: true })
export class Room {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Seats. */
  @Column({ type: 'int' })
  capacity!: number;

  /** e.g. 投影仪, 视频会议终端, 同声传译. */
  @Column({ type: 'simple-json' })
  equipment!: string[];

  /** Where it is (building, floor), for the invitation. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  location!: string | null;

  /**
   * When the room can be booked, local [start, end) periods of a working day, e.g.
   * [["08:30","12:00"],["14:30","17:30"]]; null = the office hours.
   */
  @Column({ type: 'simple-json', nullable: true })
  availableHours!: [string, string][] | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
