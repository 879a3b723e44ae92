import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { PetitionCase } from '../cases/case.entity.js';
import type { CaseStatus, Category } from '../cases/case.types.js';

export interface SimulationFilter {
  statuses?: CaseStatus[];
  category?: Category;
  receivedFrom?: Date;
  receivedTo?: Date;
}

/** The columns a rule can read; `subject`/`content` only when some rule reads them (they are the bulk). */
const FACT_COLUMNS = [
  'id',
  'code',
  'status',
  'channel',
  'category',
  'region',
  'headcount',
  'unitsInvolved',
  'deputyReported',
  'important',
  'provincialReferral',
  'leaderInstructed',
  'repeatCount',
  'similarOpenCases',
  'relatedDissatisfied',
  'receivedAt',
  'dueAt',
  'subject',
] as const;

/** Reads stored cases for rule simulation, in primary-key order, one batch at a time. */
@Injectable()
export class SimulationRepository {
  constructor(@InjectRepository(PetitionCase) private readonly cases: Repository<PetitionCase>) {}

  batch(filter: SimulationFilter, afterId: string | null, size: number, withContent: boolean): Promise<PetitionCase[]> {
    const qb = this.cases
      .createQueryBuilder('c')
      .select([...FACT_COLUMNS, ...(withContent ? ['content'] : [])].map((col) => `c.${col}`))
      .orderBy('c.id', 'ASC')
      .limit(size);
    if (afterId) qb.andWhere('c.id > :afterId', { afterId });
    if (filter.statuses?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.category) qb.andWhere('c.category = :category', { category: filter.category });
    if (filter.receivedFrom) qb.andWhere('c.receivedAt >= :from', { from: filter.receivedFrom });
    if (filter.receivedTo) qb.andWhere('c.receivedAt < :to', { to: filter.receivedTo });
    return qb.getMany();
  }
}
