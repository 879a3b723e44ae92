import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, type DataSource, type EntityManager, In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { BulkInsert } from '../database/bulk-insert.js';
import { PetitionCase } from './case.entity.js';
import { OPEN_STATUSES } from '../domain/case-vocabulary.js';
import type { CaseSort } from './dto/list-cases.query.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import type { LedgerFilter } from './ledger-filter.js';
import { NOT_FINAL_STATUSES, UNROUTED_STATUSES } from './lifecycle.js';

export interface FactCountsQuery {
  /** The petitioner's ID-number hashes: under the current key, and under keys being rotated away. */
  idHashes: string[];
  phoneHashes: string[];
  relatedIds: string[];
  since: Date;
  before: Date;
  category: string;
  region: string;
  clusterSince: Date;
  excludeId?: string;
}

export interface FactCounts {
  priorCount: number;
  anyDissatisfied: boolean;
  similarOpen: number;
}

const SORTS: Record<Exclude<CaseSort, 'dueAt'>, [string, 'ASC' | 'DESC']> = {
  '-dueAt': ['c.dueAt', 'DESC'],
  receivedAt: ['c.receivedAt', 'ASC'],
  '-receivedAt': ['c.receivedAt', 'DESC'],
  code: ['c.code', 'ASC'],
  '-code': ['c.code', 'DESC'],
};

/** The columns of the ledger export (src/reports/ledger-export.service.ts). */
const EXPORT_COLUMNS = [
  'id',
  'code',
  'channel',
  'receivedAt',
  'registeredAt',
  'status',
  'grade',
  'category',
  'region',
  'petitionerName',
  'headcount',
  'subject',
  'routeHandledBy',
  'routeMode',
  'routeCommittee',
  'acceptDueAt',
  'replyDueAt',
  'dueAt',
  'extensionUsed',
  'leadLeaderId',
  'feedback',
  'repliedAt',
  'closedAt',
] as const;

/**
 * SQL about the `cases` rows: intake, lookups for derived facts, the ledger, what meetings and the
 * look-back read. Private to the cases module: writes go through `CaseChanges`, other modules read
 * through `CaseReader`.
 */
@Injectable()
export class CaseRepository {
  private readonly mysql: boolean;
  private readonly driver: DataSource['driver'];
  private readonly caseRows: BulkInsert<PetitionCase>;
  private readonly keyRows: BulkInsert<IdempotencyKey>;

  constructor(
    @InjectRepository(PetitionCase) private readonly cases: Repository<PetitionCase>,
    @InjectRepository(IdempotencyKey) private readonly keys: Repository<IdempotencyKey>,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.mysql = dataSource.options.type !== 'better-sqlite3';
    this.driver = dataSource.driver;
    this.caseRows = new BulkInsert(dataSource, PetitionCase);
    this.keyRows = new BulkInsert(dataSource, IdempotencyKey);
  }

  /**
   * Reserves the next `count` numbers of the year inside the caller's transaction and returns the last
   * one (the first is `last - count + 1`). The counter row stays locked until commit, which keeps codes
   * gap-free; one statement, so the lock is taken as late and held as briefly as possible.
   */
  async reserveSequence(em: EntityManager, year: number, count: number): Promise<number> {
    if (this.mysql) {
      // LAST_INSERT_ID(expr) hands the new value back in the OK packet: no second statement.
      const result: { insertId?: number } = await em.query(
        'INSERT INTO case_counters (`year`, lastSeq) VALUES (?, LAST_INSERT_ID(?)) ON DUPLICATE KEY UPDATE lastSeq = LAST_INSERT_ID(lastSeq + ?)',
        [year, count, count],
      );
      const last = Number(result.insertId);
      if (!Number.isSafeInteger(last) || last < count) throw new Error(`case counter for ${year} returned ${String(result.insertId)}`);
      return last;
    }
    const rows: { lastSeq: number }[] = await em.query(
      'INSERT INTO case_counters ("year", lastSeq) VALUES (?, ?) ON CONFLICT("year") DO UPDATE SET lastSeq = lastSeq + excluded.lastSeq RETURNING lastSeq',
      [year, count],
    );
    return Number(rows[0].lastSeq);
  }

  /** New cases, one multi-row INSERT; nothing is read back (every column is set by the caller). */
  async insertMany(em: EntityManager, cases: PetitionCase[]): Promise<void> {
    await this.caseRows.run(em, cases);
  }

  /** Optimistic update: fails (returns false) when someone else changed the case since `version`. */
  async update(em: EntityManager, id: string, version: number, changes: Partial<PetitionCase>): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(PetitionCase)
      .set({ ...changes, version: () => 'version + 1' } as never)
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  findById(id: string): Promise<PetitionCase | null> {
    return this.cases.findOneBy({ id });
  }

  /**
   * The case inside the caller's transaction, its row locked until commit (MySQL/MariaDB: `FOR UPDATE`;
   * SQLite runs write transactions one at a time and takes no lock).
   */
  findForUpdate(em: EntityManager, id: string): Promise<PetitionCase | null> {
    const qb = em.createQueryBuilder(PetitionCase, 'c').where('c.id = :id', { id });
    if (this.mysql) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** Open cases not yet routed whose grade came from another rule-set version (for re-grading). */
  /** How many cases `unroutedGradedBefore` would page through (the re-grade job's total). */
  countUnroutedGradedBefore(version: number): Promise<number> {
    return this.cases.createQueryBuilder('c').where('c.status IN (:...statuses) AND c.ruleSetVersion <> :version', { statuses: UNROUTED_STATUSES, version }).getCount();
  }

  unroutedGradedBefore(version: number, afterId: string | null, limit: number): Promise<PetitionCase[]> {
    const qb = this.cases
      .createQueryBuilder('c')
      .where('c.status IN (:...statuses) AND c.ruleSetVersion <> :version', { statuses: UNROUTED_STATUSES, version })
      .orderBy('c.id', 'ASC')
      .limit(limit);
    if (afterId) qb.andWhere('c.id > :afterId', { afterId });
    return qb.getMany();
  }

  /**
   * Open cases the rules sent to a meeting of these types, most urgent first, one page at a time
   * (the meetings module leaves out those a confirmed or held meeting already covers).
   */
  meetingCandidates(types: string[], offset: number, limit: number): Promise<PetitionCase[]> {
    return this.cases
      .createQueryBuilder('c')
      .where('c.status IN (:...open) AND c.meetingType IS NOT NULL', { open: OPEN_STATUSES })
      .andWhere(types.includes('special') ? '(c.meetingType IN (:...types) OR c.flags LIKE :special)' : 'c.meetingType IN (:...types)', {
        types,
        special: '%"special-meeting-proposed"%',
      })
      .orderBy('c.dueAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getMany();
  }

  /**
   * Candidates for leaders' reception days (接访日): open cases in the charge of these leaders, and open
   * cases of repeat petitioners (repeatCount ≥ 1) no leader is in charge of; soonest deadline first.
   */
  receptionCandidates(leaderIds: string[], limit: number): Promise<PetitionCase[]> {
    const repeat = '(c.leadLeaderId IS NULL AND c.repeatCount >= 1)';
    return this.cases
      .createQueryBuilder('c')
      .where('c.status IN (:...open)', { open: OPEN_STATUSES })
      .andWhere(leaderIds.length ? `(c.leadLeaderId IN (:...leaderIds) OR ${repeat})` : repeat, { leaderIds })
      .orderBy('c.dueAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** The open cases of one category and region received since `since` (an emerging cluster). */
  openInCluster(category: string, region: string, since: Date): Promise<PetitionCase[]> {
    return this.cases
      .createQueryBuilder('c')
      .where('c.category = :category AND c.region = :region AND c.receivedAt >= :since', { category, region, since })
      .andWhere('c.status IN (:...open)', { open: OPEN_STATUSES })
      .orderBy('c.receivedAt', 'ASC')
      .limit(200)
      .getMany();
  }

  /** Transferred cases (incl. supervised items) closed in [from, to), for the look-back. */
  closedTransferred(from: Date, to: Date): Promise<PetitionCase[]> {
    return this.cases
      .createQueryBuilder('c')
      .select(['c.id', 'c.code', 'c.routeHandledBy', 'c.repliedOnTime', 'c.feedback', 'c.resupervisionCount', 'c.closedAt'])
      .where("c.status = 'closed' AND c.routeMode IN (:...modes) AND c.closedAt >= :from AND c.closedAt < :to", { modes: ['transfer', 'supervised'], from, to })
      .orderBy('c.id', 'ASC')
      .getMany();
  }

  /** Open cases per leader in charge. */
  async openLoadByLeader(): Promise<Map<string, number>> {
    const rows = await this.cases
      .createQueryBuilder('c')
      .select('c.leadLeaderId', 'leaderId')
      .addSelect('COUNT(*)', 'n')
      .where('c.leadLeaderId IS NOT NULL AND c.status IN (:...active)', { active: NOT_FINAL_STATUSES })
      .groupBy('c.leadLeaderId')
      .getRawMany<{ leaderId: string; n: number | string }>();
    return new Map(rows.map((r) => [r.leaderId, Number(r.n)]));
  }

  findManyByIds(ids: string[]): Promise<PetitionCase[]> {
    return ids.length ? this.cases.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async existingIds(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.cases.find({ select: { id: true }, where: { id: In(ids) } });
    return rows.map((r) => r.id);
  }

  /**
   * The stored-case facts of one case in one round trip (see CaseFactsService): earlier cases of the
   * same petitioner (ID number or phone) or explicitly related, received in `[since, before]`, and open
   * cases of the same category and region received since `clusterSince`. Each part of the UNION is an
   * index lookup; the cluster count is read from `idx_cases_category_region_received_status` alone.
   */
  async factCounts(input: FactCountsQuery): Promise<FactCounts> {
    const exclude = input.excludeId ? ' AND c.id <> :excludeId' : '';
    const window = ` AND c.receivedAt >= :since AND c.receivedAt <= :before${exclude}`;
    const parts = [
      input.idHashes.length ? `SELECT c.id, c.feedback FROM cases c WHERE c.petitionerIdHash IN (:...idHashes)${window}` : null,
      input.phoneHashes.length ? `SELECT c.id, c.feedback FROM cases c WHERE c.petitionerPhoneHash IN (:...phoneHashes)${window}` : null,
      input.relatedIds.length ? `SELECT c.id, c.feedback FROM cases c WHERE c.id IN (:...relatedIds)${window}` : null,
    ].filter((p): p is string => p !== null);
    const prior = parts.length
      ? `SELECT COUNT(*) AS priorCount, SUM(CASE WHEN u.feedback = 'dissatisfied' THEN 1 ELSE 0 END) AS priorDissatisfied FROM (${parts.join(' UNION ')}) u`
      : 'SELECT 0 AS priorCount, 0 AS priorDissatisfied';
    const similar = `SELECT COUNT(*) FROM cases c WHERE c.category = :category AND c.region = :region AND c.receivedAt >= :clusterSince AND c.status IN (:...open)${exclude}`;
    const sql = `SELECT p.priorCount, p.priorDissatisfied, (${similar}) AS similarOpen FROM (${prior}) p`;
    const [query, parameters] = this.driver.escapeQueryWithParameters(sql, { ...input, open: OPEN_STATUSES });
    const rows: Record<'priorCount' | 'priorDissatisfied' | 'similarOpen', unknown>[] = await this.cases.query(query, parameters);
    const row = rows[0];
    return { priorCount: Number(row.priorCount), anyDissatisfied: Number(row.priorDissatisfied) > 0, similarOpen: Number(row.similarOpen) };
  }

  /**
   * 信访人历史: the cases of one petitioner (ID number or phone, by their lookup hashes under the current
   * and previous keys, like `factCounts`) received since `since`, newest first, at most `limit`, with the total.
   */
  async petitionerHistory(input: { idHashes: string[]; phoneHashes: string[]; since: Date; limit: number }): Promise<{ items: PetitionCase[]; total: number }> {
    if (!input.idHashes.length && !input.phoneHashes.length) return { items: [], total: 0 };
    const matching = (): SelectQueryBuilder<PetitionCase> => {
      const qb = this.cases.createQueryBuilder('c').where('c.receivedAt >= :since', { since: input.since });
      return qb.andWhere(
        new Brackets((or) => {
          if (input.idHashes.length) or.orWhere('c.petitionerIdHash IN (:...idHashes)', { idHashes: input.idHashes });
          if (input.phoneHashes.length) or.orWhere('c.petitionerPhoneHash IN (:...phoneHashes)', { phoneHashes: input.phoneHashes });
        }),
      );
    };
    const [items, total] = await Promise.all([
      matching()
        .select(['c.id', 'c.code', 'c.subject', 'c.status', 'c.grade', 'c.receivedAt', 'c.registeredAt'])
        .orderBy('c.receivedAt', 'DESC')
        .addOrderBy('c.code', 'DESC')
        .limit(input.limit)
        .getMany(),
      matching().getCount(),
    ]);
    return { items, total };
  }

  countActiveForLeader(leaderId: string): Promise<number> {
    return this.cases
      .createQueryBuilder('c')
      .where('c.leadLeaderId = :leaderId', { leaderId })
      .andWhere('c.status IN (:...active)', { active: NOT_FINAL_STATUSES })
      .getCount();
  }

  findIdempotencyKey(scopedKey: string): Promise<IdempotencyKey | null> {
    return this.keys.findOneBy({ scopedKey });
  }

  async insertIdempotencyKeys(em: EntityManager, keys: IdempotencyKey[]): Promise<void> {
    await this.keyRows.run(em, keys);
  }

  /** The ledger: filtered, sorted by deadline (cases without a running deadline last), paginated. */
  async ledger(filter: LedgerFilter, now: Date, sort: CaseSort, page: number, pageSize: number): Promise<{ items: PetitionCase[]; total: number }> {
    const filtered = (): SelectQueryBuilder<PetitionCase> => {
      const qb = this.cases.createQueryBuilder('c');
      this.applyFilter(qb, filter, now);
      return qb;
    };
    const skip = (page - 1) * pageSize;
    if (sort !== 'dueAt') {
      const [column, direction] = SORTS[sort];
      const qb = filtered().orderBy(column, direction).addOrderBy('c.code', 'ASC').offset(skip).limit(pageSize);
      const [items, total] = await Promise.all([qb.getMany(), filtered().getCount()]);
      return { items, total };
    }
    // By deadline, cases without a running deadline last. Two index-ordered parts instead of one
    // ORDER BY over an expression (which sorted every matching row: seconds at 10^6 cases).
    const counts = await filtered()
      .select('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN c.dueAt IS NOT NULL THEN 1 ELSE 0 END)', 'running')
      .getRawOne<{ total: unknown; running: unknown }>();
    const total = Number(counts?.total ?? 0);
    const running = Number(counts?.running ?? 0);
    const items =
      skip < running ? await filtered().andWhere('c.dueAt IS NOT NULL').orderBy('c.dueAt', 'ASC').addOrderBy('c.code', 'ASC').offset(skip).limit(pageSize).getMany() : [];
    if (items.length < pageSize && total > running) {
      const rest = await filtered()
        .andWhere('c.dueAt IS NULL')
        .orderBy('c.code', 'ASC')
        .offset(Math.max(0, skip - running))
        .limit(pageSize - items.length)
        .getMany();
      items.push(...rest);
    }
    return { items, total };
  }

  /** One batch of the ledger export in code order after `afterCode`, with the ledger's filters. */
  exportBatch(filter: LedgerFilter, now: Date, afterCode: string | null, size: number): Promise<PetitionCase[]> {
    // Only the exported columns: the evaluation JSON and the content are most of a row's weight.
    const qb = this.cases.createQueryBuilder('c').select(EXPORT_COLUMNS.map((col) => `c.${col}`));
    this.applyFilter(qb, filter, now);
    if (afterCode) qb.andWhere('c.code > :afterCode', { afterCode });
    return qb.orderBy('c.code', 'ASC').limit(size).getMany();
  }

  private applyFilter(qb: SelectQueryBuilder<PetitionCase>, f: LedgerFilter, now: Date): void {
    if (f.status) qb.andWhere('c.status = :status', { status: f.status });
    if (f.grade) qb.andWhere('c.grade = :grade', { grade: f.grade });
    if (f.category) qb.andWhere('c.category = :category', { category: f.category });
    if (f.region) qb.andWhere('c.region = :region', { region: f.region });
    if (f.unit) qb.andWhere('c.routeHandledBy = :unit', { unit: f.unit });
    if (f.overdue === true) qb.andWhere('c.dueAt < :now', { now });
    if (f.overdue === false) qb.andWhere('(c.dueAt IS NULL OR c.dueAt >= :now)', { now });
    if (f.signOverdue === true) qb.andWhere("c.status = 'routed' AND c.signedAt IS NULL AND c.signDueAt < :now", { now });
    if (f.signOverdue === false) qb.andWhere("NOT (c.status = 'routed' AND c.signedAt IS NULL AND c.signDueAt IS NOT NULL AND c.signDueAt < :now)", { now });
    if (f.dueBefore) qb.andWhere('c.dueAt < :dueBefore', { dueBefore: f.dueBefore });
    if (f.receivedFrom) qb.andWhere('c.receivedAt >= :receivedFrom', { receivedFrom: f.receivedFrom });
    if (f.receivedTo) qb.andWhere('c.receivedAt < :receivedTo', { receivedTo: f.receivedTo });
    if (f.flag) qb.andWhere('c.flags LIKE :flag', { flag: `%"${f.flag}"%` });
    if (f.routedTo) qb.andWhere('c.routeHandledBy = :routedTo AND c.routedAt IS NOT NULL', { routedTo: f.routedTo });
    if (f.inChargeOf) qb.andWhere('c.leadLeaderId = :inChargeOf', { inChargeOf: f.inChargeOf });
    if (f.leadLeaderId) {
      // A leader sees the cases in his or her charge and those on confirmed meetings he or she attends
      // (their ids come from the meetings module: `LeaderMeetingCases`).
      const also = f.alsoCaseIds ?? [];
      qb.andWhere(
        new Brackets((or) => {
          or.where('c.leadLeaderId = :leader', { leader: f.leadLeaderId });
          if (also.length) or.orWhere('c.id IN (:...also)', { also });
        }),
      );
    }
    if (f.q) {
      const like = `%${f.q.replace(/[!%_]/g, (m) => '!' + m)}%`;
      qb.andWhere(
        new Brackets((or) => {
          or.where('c.code = :code', { code: f.q?.toUpperCase() }).orWhere("c.subject LIKE :like ESCAPE '!'", { like });
        }),
      );
    }
  }
}
