import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../database/columns.js';

/**
 * One signed-in session: the refresh token that keeps it alive (stored as a SHA-256 hash, rotated at
 * every refresh) and the one it replaced (presenting that one again means it was stolen: the session
 * is revoked). Access tokens name their session (`sid`), so revoking it ends them too.
 */
@Entity('auth_sessions')
@Index('idx_auth_sessions_user', ['userId'])
@Index('idx_auth_sessions_previous', ['previousRefreshHash'])
export class AuthSession {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  userId!: string;

  @Index('uq_auth_sessions_refresh', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  refreshHash!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  previousRefreshHash!: string | null;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  lastUsedAt!: Date;

  /** The session ends then at the latest, however often it is refreshed. */
  @DateTimeColumn()
  expiresAt!: Date;

  @DateTimeColumn({ nullable: true })
  revokedAt!: Date | null;

  /** `logout`, `refresh-reuse`, `user-changed`… */
  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedReason!: string | null;
}
