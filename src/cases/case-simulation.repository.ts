import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import type { CaseStatus, Category, Channel } from '../domain/case-vocabulary.js';
import type { FactSource } from './case-facts.js';
import { PetitionCase } from './case.entity.js';
import { rawBool, rawDate } from '../database/raw-values.js';

/** Which stored cases a simulation reads. */
export interface SimulationFilter {
  statuses?: CaseStatus[];
  category?: Category;
  receivedFrom?: Date;
  receivedTo?: Date;
}

/** What simulation needs of a stored case: its facts, its code and subject for the examples. */
export interface SimulationRow extends FactSource {
  id: string;
  code: string;
  repeatCount: number;
  similarOpenCases: number;
  relatedDissatisfied: boolean;
}

/** The columns a rule can read; `content` only when some rule reads it (it is the bulk). */
export const FACT_COLUMNS = [
  'id',
  'code',
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

type RawRow = Record<string, unknown>;


function toRow(r: RawRow, withContent: boolean): SimulationRow {
  return {
    id: String(r.id),
    code: String(r.code),
    channel: r.channel as Channel,
    category: r.category as Category,
    region: String(r.region),
    headcount: Number(r.headcount),
    subject: String(r.subject),
    content: withContent && typeof r.content === 'string' ? r.content : '',
    unitsInvolved: JSON.parse(String(r.unitsInvolved)) as string[],
    deputyReported: rawBool(r.deputyReported),
    important: rawBool(r.important),
    provincialReferral: rawBool(r.provincialReferral),
    leaderInstructed: rawBool(r.leaderInstructed),
    repeatCount: Number(r.repeatCount),
    similarOpenCases: Number(r.similarOpenCases),
    relatedDissatisfied: rawBool(r.relatedDissatisfied),
    receivedAt: rawDate(r.receivedAt),
    dueAt: r.dueAt === null || r.dueAt === undefined ? null : rawDate(r.dueAt),
  };
}

/**
 * Reads stored cases for rule simulation, in primary-key order, one batch at a time. Raw rows, not
 * entities: at 10^6 cases entity hydration cost ~5 s of a 30 s budget (docs/benchmarks-rules.md).
 */
@Injectable()
export class CaseSimulationRepository {
  constructor(@InjectRepository(PetitionCase) private readonly cases: Repository<PetitionCase>) {}

  async batch(filter: SimulationFilter, afterId: string | null, size: number, withContent: boolean): Promise<SimulationRow[]> {
    const qb = this.scoped(filter).select([]);
    for (const col of [...FACT_COLUMNS, ...(withContent ? ['content'] : [])]) qb.addSelect(`c.${col}`, col);
    qb.orderBy('c.id', 'ASC').limit(size);
    if (afterId) qb.andWhere('c.id > :afterId', { afterId });
    return (await qb.getRawMany<RawRow>()).map((r) => toRow(r, withContent));
  }

  /** How many stored cases a simulation with this filter reads. */
  count(filter: SimulationFilter): Promise<number> {
    return this.scoped(filter).getCount();
  }

  /** The subjects of these cases (a simulation's cell lists them); unknown ids are left out. */
  async subjects(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.cases.createQueryBuilder('c').select('c.id', 'id').addSelect('c.subject', 'subject').where('c.id IN (:...ids)', { ids }).getRawMany<RawRow>();
    return new Map(rows.map((r) => [String(r.id), String(r.subject)]));
  }

  private scoped(filter: SimulationFilter): SelectQueryBuilder<PetitionCase> {
    const qb = this.cases.createQueryBuilder('c');
    if (filter.statuses?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.category) qb.andWhere('c.category = :category', { category: filter.category });
    if (filter.receivedFrom) qb.andWhere('c.receivedAt >= :from', { from: filter.receivedFrom });
    if (filter.receivedTo) qb.andWhere('c.receivedAt < :to', { to: filter.receivedTo });
    return qb;
  }
}
