import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';
import type { LeaderRank } from '../domain/leader-ranks.js';


/** A standing-committee leader who chairs meetings and takes personal charge of cases (包案). */
@Entity('leaders')
export class Leader {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  title!: string;

  @Column({ type: 'varchar', length: 24 })
  rank!: LeaderRank;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  unitCode!: string | null;

  @Column({ type: 'simple-json' })
  portfolio!: string[];

  @Column({ type: 'simple-json' })
  regions!: string[];

  @Column({ type: 'int', default: 10 })
  maxActiveCases!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
