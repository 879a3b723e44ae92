import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UUID_LENGTH } from '../database/columns.js';

export const UNIT_KINDS = ['office', 'committee', 'external'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** An org unit: the petition office, a committee of the standing committee, or an outside body. */
@Entity('units')
export class Unit {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  shortName!: string | null;

  @Column({ type: 'varchar', length: 150, nullable: true })
  nameEn!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: UnitKind;

  @Column({ type: 'simple-json' })
  categories!: string[];

  /** 职责清单: what the unit is responsible for, one line each (the petition office's ten responsibilities). */
  @Column({ type: 'simple-json' })
  responsibilities!: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  email!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
