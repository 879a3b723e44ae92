import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';

/** Where a deputy meets constituents: a contact station (代表联络站) or a deputies' home (代表之家). */
export const STATION_KINDS = ['station', 'home'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** A people's congress deputy (人大代表), invited by profession to receptions and mediations. */
@Entity('deputies')
export class Deputy {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  profession!: string;

  @Column({ type: 'varchar', length: 100 })
  station!: string;

  /** `station` 代表联络站 or `home` 代表之家; null when not recorded. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  stationKind!: StationKind | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  region!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
