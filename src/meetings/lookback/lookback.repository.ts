import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { asRows } from '../../database/rows.js';
import { LookbackReview } from './lookback-review.entity.js';

@Injectable()
export class LookbackRepository {
  constructor(@InjectRepository(LookbackReview) private readonly reviews: Repository<LookbackReview>) {}

  /** Inserts reviews; those already there (same period and case) are skipped. */
  async insertIgnoring(em: EntityManager, reviews: LookbackReview[]): Promise<void> {
    for (let i = 0; i < reviews.length; i += 500) {
      await em.createQueryBuilder().insert().into(LookbackReview).values(asRows(reviews.slice(i, i + 500))).orIgnore().execute();
    }
  }

  forPeriod(period: string): Promise<LookbackReview[]> {
    return this.reviews.find({ where: { period }, order: { unitCode: 'ASC', caseCode: 'ASC' } });
  }

  findById(id: string): Promise<LookbackReview | null> {
    return this.reviews.findOneBy({ id });
  }

  async recordCallback(id: string, changes: Pick<LookbackReview, 'callbackResult' | 'note' | 'reviewedAt'>): Promise<void> {
    await this.reviews.update({ id }, changes);
  }
}
