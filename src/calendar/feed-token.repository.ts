import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import { FeedToken } from './feed-token.entity.js';

/** Leaders' calendar subscription tokens (`feed_tokens`): only their hash is stored. */
@Injectable()
export class FeedTokenRepository {
  constructor(@InjectRepository(FeedToken) private readonly tokens: Repository<FeedToken>) {}

  findByHash(tokenHash: string): Promise<FeedToken | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  /** In the caller's transaction: every earlier token of the leader revoked, the new one stored. */
  async replace(em: EntityManager, leaderId: string, tokenHash: string, now: Date): Promise<void> {
    await em.update(FeedToken, { leaderId, revokedAt: IsNull() }, { revokedAt: now });
    await em.insert(FeedToken, { tokenHash, leaderId, createdAt: now, revokedAt: null });
  }
}
