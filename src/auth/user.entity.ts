import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { Role } from '../domain/actor.js';


@Entity('users')
@Index('idx_users_unit', ['unitId'])
export class User {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ type: 'varchar', length: 50 })
  displayName!: string;

  /** For role `leader`: the leader this account belongs to. */
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  leaderId!: string | null;

  /** For role `unit`: the handling unit (units.id) this account belongs to; null for every other role. */
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  unitId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Raised whenever the account's access must end (disabled, role or password changed): older tokens are refused. */
  @Column({ type: 'int', default: 0 })
  tokenVersion!: number;

  @DateTimeColumn()
  createdAt!: Date;
}
