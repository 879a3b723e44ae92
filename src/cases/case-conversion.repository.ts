import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { ConversionKind } from './case-conversion.entity.js';
import { CaseConversion } from './case-conversion.entity.js';
import { asRow } from '../database/rows.js';

export interface ConversionFilter {
  kind?: ConversionKind;
  /** Recorded at or after this instant. */
  from?: Date;
  /** Recorded before this instant: the window is [from, to), like every other window. */
  to?: Date;
}

/** The four conversions (`case_conversions`), newest first. */
@Injectable()
export class CaseConversionRepository {
  constructor(@InjectRepository(CaseConversion) private readonly conversions: Repository<CaseConversion>) {}

  async insert(em: EntityManager, conversion: CaseConversion): Promise<void> {
    await em.insert(CaseConversion, asRow(conversion));
  }

  /** At most `limit` conversions of the filter, newest first. */
  list(filter: ConversionFilter, limit: number): Promise<CaseConversion[]> {
    const qb = this.conversions.createQueryBuilder('v');
    if (filter.kind) qb.andWhere('v.kind = :kind', { kind: filter.kind });
    if (filter.from) qb.andWhere('v.createdAt >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('v.createdAt < :to', { to: filter.to });
    return qb.orderBy('v.createdAt', 'DESC').addOrderBy('v.id', 'ASC').limit(limit).getMany();
  }
}
