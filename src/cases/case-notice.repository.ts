import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, LessThanOrEqual, type Repository } from 'typeorm';
import { CaseNotice, type NoticeKind } from './case-notice.entity.js';
import { PetitionCase } from './case.entity.js';
import type { CaseStatus } from './case.types.js';

export interface PendingNotice {
  id: string;
  kind: NoticeKind;
  note: string | null;
  caseCode: string;
  caseSubject: string;
  caseStatus: CaseStatus;
  dueAt: Date | null;
}

/** A version-4 UUID made by SQLite itself (MySQL/MariaDB have UUID()). */
const SQLITE_UUID =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

/** SQL of the deadline sweep and of the reminders: set-based, keyset-paged, safe to run twice. */
@Injectable()
export class CaseNoticeRepository {
  constructor(
    @InjectRepository(PetitionCase) private readonly cases: Repository<PetitionCase>,
    @InjectRepository(CaseNotice) private readonly notices: Repository<CaseNotice>,
  ) {}

  /**
   * One set-based statement per kind: a notice for every open case whose running deadline lies in
   * [from, to) and has none of this kind for that deadline yet. The unique key (caseId, kind, dueAt)
   * makes a concurrent or repeated run add nothing; ids come from the database. Returns the count added.
   */
  async insertNotices(em: EntityManager, kind: NoticeKind, from: Date | null, to: Date, now: Date, only?: { changedSince: Date } | { dueFrom: Date }): Promise<number> {
    const sqlite = this.isSqlite(em);
    const id = sqlite ? SQLITE_UUID : 'UUID()';
    const narrow = only === undefined ? '' : 'changedSince' in only ? ' AND c.updatedAt >= ?' : ' AND c.dueAt >= ?';
    const sql =
      `${sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE'} INTO case_notices (id, caseId, kind, dueAt, unitCode, note, createdAt, deliveredAt) ` +
      `SELECT ${id}, c.id, ?, c.dueAt, c.routeHandledBy, NULL, ?, NULL FROM cases c ` +
      `WHERE c.status IN ('registered', 'accepted', 'routed', 'in_handling') AND c.dueAt < ?${from ? ' AND c.dueAt >= ?' : ''}${narrow} ` +
      'AND NOT EXISTS (SELECT 1 FROM case_notices n WHERE n.caseId = c.id AND n.kind = ? AND n.dueAt = c.dueAt)';
    const bound = only === undefined ? [] : [this.time(em, 'changedSince' in only ? only.changedSince : only.dueFrom)];
    const params = [kind, this.time(em, now), this.time(em, to), ...(from ? [this.time(em, from)] : []), ...bound, kind];
    return this.run(em, sql, params);
  }

  /** The timeline event (a system urge) of every overdue notice this run created, identified by its time. */
  async insertOverdueEvents(em: EntityManager, now: Date): Promise<number> {
    const sqlite = this.isSqlite(em);
    const data = sqlite
      ? `'{"automatic":true,"kind":"overdue","unit":"' || n.unitCode || '"}'`
      : `CONCAT('{"automatic":true,"kind":"overdue","unit":"', n.unitCode, '"}')`;
    const sql =
      `${sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE'} INTO case_events (id, caseId, at, caseVersion, action, fromStatus, toStatus, actorId, actorName, actorRole, reason, data) ` +
      `SELECT n.id, n.caseId, ?, c.version, 'urge', c.status, c.status, 'system', '系统', 'system', '办理期限已过，系统自动催办。', ${data} ` +
      "FROM case_notices n INNER JOIN cases c ON c.id = n.caseId WHERE n.createdAt = ? AND n.kind = 'overdue'";
    const when = this.time(em, now);
    return this.run(em, sql, [when, when]);
  }

  private isSqlite(em: EntityManager): boolean {
    return em.connection.options.type === 'better-sqlite3';
  }

  /** Raw parameters: MySQL takes a Date (the connection is UTC); better-sqlite3 the text TypeORM stores. */
  private time(em: EntityManager, at: Date): Date | string {
    return this.isSqlite(em) ? at.toISOString().replace('T', ' ').replace('Z', '') : at;
  }

  /** Runs a write in the caller's transaction and returns the rows it changed (both drivers). */
  private async run(em: EntityManager, sql: string, params: unknown[]): Promise<number> {
    if (!em.queryRunner) throw new Error('the sweep writes inside a transaction');
    const result = await em.queryRunner.query(sql, params, true);
    return result.affected ?? 0;
  }

  async unitsWithPendingNotices(): Promise<string[]> {
    const rows = await this.notices
      .createQueryBuilder('n')
      .select('DISTINCT n.unitCode', 'unitCode')
      .where('n.deliveredAt IS NULL')
      .getRawMany<{ unitCode: string }>();
    return rows.map((r) => r.unitCode);
  }

  async pendingForUnit(unitCode: string, limit: number): Promise<PendingNotice[]> {
    const notices = await this.notices.find({ where: { unitCode, deliveredAt: IsNull() }, order: { createdAt: 'ASC' }, take: limit });
    const ids = [...new Set(notices.map((n) => n.caseId))];
    const cases = ids.length ? await this.cases.find({ select: { id: true, code: true, subject: true, status: true }, where: { id: In(ids) } }) : [];
    const byId = new Map(cases.map((c) => [c.id, c]));
    return notices.flatMap((n) => {
      const c = byId.get(n.caseId);
      return c ? [{ id: n.id, kind: n.kind, note: n.note, dueAt: n.dueAt, caseCode: c.code, caseSubject: c.subject, caseStatus: c.status }] : [];
    });
  }

  countPendingForUnit(unitCode: string): Promise<number> {
    return this.notices.countBy({ unitCode, deliveredAt: IsNull() });
  }

  /** Marks a unit's pending notices up to `upTo` delivered (the digest sent covers them all). */
  async markDeliveredForUnit(unitCode: string, upTo: Date, at: Date): Promise<void> {
    await this.notices.update({ unitCode, deliveredAt: IsNull(), createdAt: LessThanOrEqual(upTo) }, { deliveredAt: at });
  }
}
