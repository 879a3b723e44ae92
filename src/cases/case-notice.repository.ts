import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, LessThanOrEqual, type Repository } from 'typeorm';
import { asRow, asRows } from '../database/rows.js';
import { CaseNotice, type NoticeKind } from './case-notice.entity.js';
import { PetitionCase } from './case.entity.js';
import type { SqlSource } from './case-event.repository.js';
import { OPEN_STATUSES, type CaseStatus } from '../domain/case-vocabulary.js';
import { AUTOMATIC_URGE_STATUSES } from './lifecycle.js';

export interface PendingNotice {
  id: string;
  kind: NoticeKind;
  note: string | null;
  caseCode: string;
  caseSubject: string;
  caseStatus: CaseStatus;
  dueAt: Date | null;
}

/** A version-4 UUID made by SQLite itself (a single writer: the order of the ids costs nothing there). */
const SQLITE_UUID =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || " +
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

/** `c.status IN (…)` for statuses of the vocabulary (constants of the code, written as literals for the optimizer). */
const statusIn = (statuses: readonly CaseStatus[]): string => {
  if (!statuses.every((s) => /^[a-z_]+$/.test(s))) throw new Error('unexpected status');
  return `c.status IN (${statuses.map((s) => `'${s}'`).join(', ')})`;
};

/** The open statuses, whose running deadline the sweep watches. */
const OPEN = statusIn(OPEN_STATUSES);
/** The statuses the lifecycle lets the system urge (the sweep's timeline events). */
const URGED = statusIn(AUTOMATIC_URGE_STATUSES);

/** The kinds one sweep statement creates; `both` reads the cases once for the two kinds. */
export type SweepKinds = 'overdue' | 'due-soon' | 'both';

/** How the sweep finds the overdue notices it created (see `overdueCreatedAt`). */
export type OverdueSource = 'new notices' | 'overdue cases';

/**
 * Narrows an incremental statement to cases changed since the watermark (a deadline may have moved),
 * or to deadlines from the given instant on (those that have since passed or come within the window).
 */
export type SweepNarrowing = { changedSince: Date } | { dueFrom: Date };

/**
 * A time-ordered version-7 UUID made by MySQL/MariaDB for row `ROW_NUMBER() OVER (ORDER BY c.id)` of one
 * statement: `tttttttt-tttt-7rrr-8ccc-cccccrrrrrrr`, t the statement's instant in ms, c the row number
 * (32 bits), r 40 random bits drawn once per statement (so two statements in the same millisecond differ).
 * The rows are inserted in case-id order, so each new id lands at the end of the primary key, of the
 * unique key (caseId, kind, dueAt), and later of case_events' keys (the event takes the notice's id):
 * appends instead of random inserts into indexes larger than the buffer pool. MariaDB's UUID() is
 * version 1 (time_low first): ordered only in the order rows are produced, not in case-id order.
 */
function mysqlOrderedUuid(at: Date): string {
  const ms = at.getTime().toString(16).padStart(12, '0');
  const random = randomBytes(5).toString('hex');
  const row = "INSERT(LPAD(LOWER(HEX(ROW_NUMBER() OVER (ORDER BY c.id))), 8, '0'), 4, 0, '-')";
  return `CONCAT('${ms.slice(0, 8)}-${ms.slice(8)}-7${random.slice(0, 3)}-8', ${row}, '${random.slice(3)}')`;
}

/** SQL of the deadline sweep and of the reminders: set-based, keyset-paged, safe to run twice. */
@Injectable()
export class CaseNoticeRepository {
  constructor(
    @InjectRepository(PetitionCase) private readonly cases: Repository<PetitionCase>,
    @InjectRepository(CaseNotice) private readonly notices: Repository<CaseNotice>,
  ) {}

  /**
   * One set-based statement: a notice for every open case whose running deadline is overdue at `now`
   * (kind `overdue`), or falls in [now, soon) (kind `due-soon`), or either (`both`: one scan of the cases
   * instead of two), and has no notice of that kind for that deadline yet. The unique key (caseId, kind,
   * dueAt) makes a concurrent or repeated run add nothing; ids come from the database. Returns the count added.
   */
  async insertNotices(em: EntityManager, kinds: SweepKinds, now: Date, soon: Date, only?: SweepNarrowing): Promise<number> {
    const sqlite = this.isSqlite(em);
    const at = this.time(em, now);
    // The kind of each row: a constant, or derived from the deadline when one statement makes both.
    const [kind, kindParams] = kinds === 'both' ? ["CASE WHEN c.dueAt < ? THEN 'overdue' ELSE 'due-soon' END", [at]] : ['?', [kinds]];
    const [range, rangeParams] = this.deadlineRange(em, kinds, now, soon);
    const [narrow, narrowParams] = this.narrowing(em, only);
    // The NOT EXISTS keeps a repeated full sweep cheap (1.5 s instead of 5.7 s at 10^6 open cases): without
    // it each existing notice is a duplicate-key insert, written to the primary key and then rolled back.
    // ORDER BY c.id writes the rows in unique-key order (see mysqlOrderedUuid).
    const sql =
      `${sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE'} INTO case_notices (id, caseId, kind, dueAt, unitCode, note, createdAt, deliveredAt) ` +
      `SELECT ${sqlite ? SQLITE_UUID : mysqlOrderedUuid(now)}, c.id, ${kind}, c.dueAt, c.routeHandledBy, NULL, ?, NULL FROM cases c ` +
      `WHERE ${OPEN} AND ${range}${narrow} ` +
      `AND NOT EXISTS (SELECT 1 FROM case_notices n WHERE n.caseId = c.id AND n.kind = ${kind} AND n.dueAt = c.dueAt) ORDER BY c.id`;
    return this.run(em, sql, [...kindParams, at, ...rangeParams, ...narrowParams, ...kindParams]);
  }

  /** The deadlines of the kinds swept: before `now` (overdue), in [now, soon) (due soon), before `soon` (both). */
  private deadlineRange(em: EntityManager, kinds: SweepKinds, now: Date, soon: Date): [string, unknown[]] {
    if (kinds === 'overdue') return ['c.dueAt < ?', [this.time(em, now)]];
    if (kinds === 'due-soon') return ['c.dueAt >= ? AND c.dueAt < ?', [this.time(em, now), this.time(em, soon)]];
    return ['c.dueAt < ?', [this.time(em, soon)]];
  }

  private narrowing(em: EntityManager, only: SweepNarrowing | undefined): [string, unknown[]] {
    if (only === undefined) return ['', []];
    if ('changedSince' in only) return [' AND c.updatedAt >= ?', [this.time(em, only.changedSince)]];
    return [' AND c.dueAt >= ?', [this.time(em, only.dueFrom)]];
  }

  /**
   * The overdue notices this run created (at `now`) with their open case, as the source of the sweep's
   * bulk timeline events (`CaseChanges.urgeOverdueIn`: `n` the notice, `c` the case). The cases' rows are
   * read (for `version`, in no index) in primary-key order, page after page, and the events are written
   * in that order too:
   * - `new notices` (an incremental run: few notices): from the notices created now, sorted by case id;
   * - `overdue cases` (a full run: a large share of the cases may be overdue): from the overdue cases,
   *   joined to their notice by the unique key. STRAIGHT_JOIN keeps the cases first: MariaDB then reads the
   *   table front to back with read-ahead when most of its pages hold an overdue case (1.8 s for 10^6 cases
   *   instead of 3.2 s of 250k key lookups), or takes the (status, dueAt) range when few do.
   */
  overdueCreatedAt(em: EntityManager, now: Date, from: OverdueSource): SqlSource {
    const sqlite = this.isSqlite(em);
    const when = this.time(em, now);
    return from === 'new notices'
      ? {
          sql: `FROM case_notices n INNER JOIN cases c ON c.id = n.caseId WHERE n.createdAt = ? AND n.kind = 'overdue' AND ${URGED} ORDER BY n.caseId`,
          params: [when],
        }
      : {
          sql:
            `FROM cases c ${sqlite ? 'INNER JOIN' : 'STRAIGHT_JOIN'} case_notices n ON n.caseId = c.id AND n.kind = 'overdue' AND n.dueAt = c.dueAt ` +
            `WHERE ${URGED} AND c.dueAt < ? AND n.createdAt = ? ORDER BY c.id`,
          params: [when, when],
        };
  }

  /** A secretary's urge: its notice (the id of its timeline event) for the handling unit. */
  async insertNotice(em: EntityManager, notice: CaseNotice): Promise<void> {
    await em.insert(CaseNotice, asRow(notice));
  }

  /** Notices made elsewhere (the look-back's); those already there (same case, kind and deadline) are skipped. */
  async insertIgnoring(em: EntityManager, notices: CaseNotice[]): Promise<void> {
    for (let i = 0; i < notices.length; i += 500) {
      await em.createQueryBuilder().insert().into(CaseNotice).values(asRows(notices.slice(i, i + 500))).orIgnore().execute();
    }
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
