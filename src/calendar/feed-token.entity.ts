import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

/** A leader's calendar subscription token. Only its SHA-256 is stored; issuing a new one revokes the old. */
@Entity('feed_tokens')
@Index('idx_feed_tokens_leader', ['leaderId'])
export class FeedToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  leaderId!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  revokedAt!: Date | null;
}
