import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Window } from '../cases/case-statistics.js';
import { rawBool, rawDate } from '../database/raw-values.js';
import { SCORECARD_ACTIONS, type UnitEventCount } from './unit-scorecard.js';

/** One case of a unit's scorecard, as stored (no petitioner data is read). */
export interface ScorecardCaseRow {
  id: string;
  code: string;
  subject: string;
  status: string;
  routeHandledBy: string;
  routedAt: Date | null;
  signDueAt: Date | null;
  signedAt: Date | null;
  signedOnTime: boolean | null;
  replyDueAt: Date | null;
  dueAt: Date | null;
  repliedAt: Date | null;
  repliedOnTime: boolean;
  extensionUsed: boolean;
  extensionRequested: boolean;
  resupervisionCount: number;
  feedback: string | null;
  /** Urgings of the case in the window attributed to the unit. */
  urgings: number;
}

const count = (v: unknown): number => Number(v ?? 0);
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : rawDate(v));
/** Statuses in which a unit holds a case and a deadline runs. */
const WITH_UNIT = ['routed', 'in_handling'];
const CASE_LIST_LIMIT = 500;

/**
 * The read side of the scorecard (单位考评) over `case_events` and `cases`: counts only, one statement
 * per figure family. An event belongs to the unit its data names (`handledBy`; the sweep's automatic
 * urge: `unit`), else to the case's handling unit now (extension requests and decisions, feedback).
 * The JSON of `case_events.data` is read with the database's JSON functions: `json_extract` on SQLite,
 * `JSON_VALUE` on MySQL/MariaDB.
 */
@Injectable()
export class UnitScorecardRepository {
  private readonly sqlite: boolean;

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.sqlite = ds.options.type === 'better-sqlite3';
  }

  /** A statement with named parameters (`:from`, `:...actions`), dates bound as each driver stores them. */
  private run<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [query, parameters] = this.ds.driver.escapeQueryWithParameters(sql, params);
    return this.ds.query(query, parameters);
  }

  /** A text member of `e.data`. */
  private text(key: string): string {
    return this.sqlite ? `json_extract(e.data, '$.${key}')` : `JSON_VALUE(e.data, '$.${key}')`;
  }

  /** A boolean member of `e.data` is true (SQLite reads JSON true as 1; JSON_VALUE gives '1' on MariaDB, 'true' on MySQL). */
  private isTrue(key: string): string {
    return this.sqlite ? `json_extract(e.data, '$.${key}') = 1` : `JSON_VALUE(e.data, '$.${key}') IN ('1', 'true')`;
  }

  /**
   * The window's events with their case: read from `case_events` first. MariaDB otherwise drives the join
   * from `cases` through the timeline index, ~4× slower on a large timeline (bench/unit-scorecard.ts);
   * SQLite's planner starts from the events by itself.
   */
  private get eventsWithCase(): string {
    return `case_events e ${this.sqlite ? 'JOIN' : 'STRAIGHT_JOIN'} cases c ON c.id = e.caseId`;
  }

  private get unitOfEvent(): string {
    return `COALESCE(${this.text('handledBy')}, ${this.text('unit')}, c.routeHandledBy)`;
  }

  private get outcome(): string {
    return `CASE e.action WHEN 'sign' THEN (CASE WHEN ${this.isTrue('signedOnTime')} THEN 'on-time' ELSE 'late' END) WHEN 'reply' THEN (CASE WHEN ${this.isTrue('repliedOnTime')} THEN 'on-time' ELSE 'late' END) WHEN 'urge' THEN (CASE WHEN ${this.isTrue('automatic')} THEN 'automatic' ELSE 'manual' END) WHEN 'feedback' THEN ${this.text('feedback')} ELSE NULL END`;
  }

  /** The window's scorecard events per unit, action and outcome (one unit when `unitCode` is given). */
  async eventCounts(w: Window, unitCode?: string): Promise<UnitEventCount[]> {
    let sql = `SELECT ${this.unitOfEvent} AS unitCode, e.action AS action, ${this.outcome} AS outcome, COUNT(*) AS n, COUNT(DISTINCT e.caseId) AS nc FROM ${this.eventsWithCase} WHERE e.at >= :from AND e.at < :to AND e.action IN (:...actions)`;
    if (unitCode !== undefined) sql += ` AND ${this.unitOfEvent} = :unitCode`;
    sql += ' GROUP BY unitCode, action, outcome';
    const rows = await this.run<{ unitCode: string | null; action: string; outcome: string | null; n: unknown; nc: unknown }>(sql, { ...w, actions: SCORECARD_ACTIONS, unitCode });
    return rows
      .filter((r) => r.unitCode !== null)
      .map((r) => ({ unitCode: String(r.unitCode), action: r.action, outcome: r.outcome === null ? null : String(r.outcome), events: count(r.n), cases: count(r.nc) }));
  }

  /** Distinct cases urged in the window, per unit. */
  async casesUrged(w: Window, unitCode?: string): Promise<Map<string, number>> {
    let sql = `SELECT ${this.unitOfEvent} AS unitCode, COUNT(DISTINCT e.caseId) AS n FROM ${this.eventsWithCase} WHERE e.at >= :from AND e.at < :to AND e.action = 'urge'`;
    if (unitCode !== undefined) sql += ` AND ${this.unitOfEvent} = :unitCode`;
    const rows = await this.run<{ unitCode: string | null; n: unknown }>(`${sql} GROUP BY unitCode`, { ...w, unitCode });
    return new Map(rows.filter((r) => r.unitCode !== null).map((r) => [String(r.unitCode), count(r.n)]));
  }

  /** Routed to a unit, not signed for, the sign deadline passed at `now`: per unit. */
  async unsignedOverdue(now: Date, unitCode?: string): Promise<Map<string, number>> {
    let sql = "SELECT c.routeHandledBy AS unitCode, COUNT(*) AS n FROM cases c WHERE c.status = 'routed' AND c.signedAt IS NULL AND c.signDueAt < :now";
    if (unitCode !== undefined) sql += ' AND c.routeHandledBy = :unitCode';
    const rows = await this.run<{ unitCode: string; n: unknown }>(`${sql} GROUP BY c.routeHandledBy`, { now, unitCode });
    return new Map(rows.map((r) => [String(r.unitCode), count(r.n)]));
  }

  /** With a unit and past the running deadline at `now`: per unit. */
  async openOverdue(now: Date, unitCode?: string): Promise<Map<string, number>> {
    let sql = 'SELECT c.routeHandledBy AS unitCode, COUNT(*) AS n FROM cases c WHERE c.status IN (:...withUnit) AND c.dueAt < :now';
    if (unitCode !== undefined) sql += ' AND c.routeHandledBy = :unitCode';
    const rows = await this.run<{ unitCode: string; n: unknown }>(`${sql} GROUP BY c.routeHandledBy`, { withUnit: WITH_UNIT, now, unitCode });
    return new Map(rows.map((r) => [String(r.unitCode), count(r.n)]));
  }

  /**
   * The unit's cases for its scorecard: those with a scorecard event of the unit in the window, and
   * those it holds now with a deadline running; latest routed first, at most 500.
   */
  async cases(w: Window, unitCode: string): Promise<ScorecardCaseRow[]> {
    const params = { ...w, actions: SCORECARD_ACTIONS, unitCode, withUnit: WITH_UNIT };
    const inWindow = `SELECT e.caseId AS caseId FROM ${this.eventsWithCase} WHERE e.at >= :from AND e.at < :to AND e.action IN (:...actions) AND ${this.unitOfEvent} = :unitCode`;
    const rows = await this.run<Record<string, unknown>>(
      `SELECT c.id AS id, c.code AS code, c.subject AS subject, c.status AS status, c.routeHandledBy AS routeHandledBy, c.routedAt AS routedAt, c.signDueAt AS signDueAt, c.signedAt AS signedAt, c.signedOnTime AS signedOnTime, c.replyDueAt AS replyDueAt, c.dueAt AS dueAt, c.repliedAt AS repliedAt, c.repliedOnTime AS repliedOnTime, c.extensionUsed AS extensionUsed, c.extensionRequestedAt AS extensionRequestedAt, c.resupervisionCount AS resupervisionCount, c.feedback AS feedback FROM cases c WHERE c.id IN (SELECT ids.caseId FROM (${inWindow} UNION SELECT h.id AS caseId FROM cases h WHERE h.routeHandledBy = :unitCode AND h.status IN (:...withUnit)) ids) ORDER BY c.routedAt DESC, c.code DESC LIMIT ${CASE_LIST_LIMIT}`,
      params,
    );
    const urged = await this.run<{ caseId: string; n: unknown }>(
      `SELECT e.caseId AS caseId, COUNT(*) AS n FROM ${this.eventsWithCase} WHERE e.at >= :from AND e.at < :to AND e.action = 'urge' AND ${this.unitOfEvent} = :unitCode GROUP BY e.caseId`,
      params,
    );
    const urgings = new Map(urged.map((u) => [u.caseId, count(u.n)]));
    return rows.map((r) => ({
      id: String(r.id),
      code: String(r.code),
      subject: String(r.subject),
      status: String(r.status),
      routeHandledBy: String(r.routeHandledBy),
      routedAt: date(r.routedAt),
      signDueAt: date(r.signDueAt),
      signedAt: date(r.signedAt),
      signedOnTime: r.signedOnTime === null || r.signedOnTime === undefined ? null : rawBool(r.signedOnTime),
      replyDueAt: date(r.replyDueAt),
      dueAt: date(r.dueAt),
      repliedAt: date(r.repliedAt),
      repliedOnTime: rawBool(r.repliedOnTime),
      extensionUsed: rawBool(r.extensionUsed),
      extensionRequested: r.extensionRequestedAt !== null && r.extensionRequestedAt !== undefined,
      resupervisionCount: count(r.resupervisionCount),
      feedback: typeof r.feedback === 'string' ? r.feedback : null,
      urgings: urgings.get(String(r.id)) ?? 0,
    }));
  }
}
