import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { CaseConversion } from './case-conversion.entity.js';
import { CaseDailyFigures, type Range, type RollupRow, type WindowPlan } from './case-daily-figures.js';
import { CaseEvent } from './case-event.entity.js';
import { PetitionCase } from './case.entity.js';
import { OPEN_STATUSES } from '../domain/case-vocabulary.js';

/** A reporting window: half-open [from, to), in UTC. */
export interface Window {
  from: Date;
  to: Date;
}

/** The timestamps a trend can count by. */
export type TrendColumn = 'receivedAt' | 'acceptedAt' | 'closedAt' | 'repliedAt';

export type CaseDimension = 'channel' | 'category' | 'grade' | 'region' | 'routeHandledBy' | 'status';

export interface ReplyFigures {
  replied: number;
  onTime: number;
  withFeedback: number;
  satisfied: number;
}

export interface ClusterRow {
  category: string;
  region: string;
  current: number;
  open: number;
  previous: number;
  earlyWarning: number;
}

const count = (v: unknown): number => Number(v ?? 0);

/**
 * The queries behind the report figures about cases, their timelines and conversions (exported by
 * `CasesModule` for the reports module; documented one by one in docs/reports.md). Windows are
 * half-open [from, to) in UTC; each figure states which timestamp places a case in the window.
 */
@Injectable()
export class CaseStatistics {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly daily: CaseDailyFigures,
  ) {}

  private received(w: Window): SelectQueryBuilder<PetitionCase> {
    return this.ds.getRepository(PetitionCase).createQueryBuilder('c').where('c.receivedAt >= :from AND c.receivedAt < :to', w);
  }

  /** Cases received in any of these ranges (the live part of a window plan), or null for none. */
  private receivedIn(ranges: Range[]): SelectQueryBuilder<PetitionCase> | null {
    if (!ranges.length) return null;
    const params: Record<string, Date> = {};
    const terms = ranges.map((r, i) => {
      params[`rf${i}`] = r.from;
      params[`rt${i}`] = r.to;
      return `(c.receivedAt >= :rf${i} AND c.receivedAt < :rt${i})`;
    });
    return this.ds.getRepository(PetitionCase).createQueryBuilder('c').where(`(${terms.join(' OR ')})`, params);
  }

  /**
   * The received-window figures read full office days from the daily roll-up where it is exact and the rest
   * live (CaseDailyFigures.plan); both parts are summed.
   */
  private plan(w: Window): Promise<WindowPlan> {
    return this.daily.plan(w);
  }

  /** Cases received in the window, grouped by one column. */
  async receivedBy(w: Window, column: CaseDimension): Promise<Record<string, number>> {
    const plan = await this.plan(w);
    const live = this.receivedIn(plan.live);
    const [rows, rolled] = await Promise.all([
      live ? live.select(`c.${column}`, 'k').addSelect('COUNT(*)', 'n').groupBy(`c.${column}`).getRawMany<{ k: string; n: unknown }>() : [],
      this.daily.read(plan, column),
    ]);
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.k, (totals.get(r.k) ?? 0) + count(r.n));
    for (const r of rolled) if (r.received) totals.set(r.k1, (totals.get(r.k1) ?? 0) + r.received);
    return Object.fromEntries([...totals.entries()].sort((a, b) => b[1] - a[1]));
  }

  async receivedTotals(w: Window): Promise<{ received: number; accepted: number; rejected: number; group: number; supervised: number }> {
    const plan = await this.plan(w);
    const live = this.receivedIn(plan.live);
    const [row, rolled] = await Promise.all([
      live
        ? live
            .select('COUNT(*)', 'received')
            .addSelect('SUM(CASE WHEN c.acceptedAt IS NOT NULL THEN 1 ELSE 0 END)', 'accepted')
            .addSelect("SUM(CASE WHEN c.status = 'rejected' THEN 1 ELSE 0 END)", 'rejected')
            .addSelect('SUM(CASE WHEN c.headcount >= 5 THEN 1 ELSE 0 END)', 'grp')
            .addSelect("SUM(CASE WHEN c.routeMode = 'supervised' THEN 1 ELSE 0 END)", 'supervised')
            .getRawOne<Record<string, unknown>>()
        : undefined,
      this.daily.read(plan, 'all'),
    ]);
    const r: RollupRow | undefined = rolled[0];
    return {
      received: count(row?.received) + (r?.received ?? 0),
      accepted: count(row?.accepted) + (r?.accepted ?? 0),
      rejected: count(row?.rejected) + (r?.rejected ?? 0),
      group: count(row?.grp) + (r?.grp ?? 0),
      supervised: count(row?.supervised) + (r?.supervised ?? 0),
    };
  }

  /** Cases whose (latest) reply falls in the window: on time, with feedback, satisfied. */
  async replies(w: Window): Promise<ReplyFigures> {
    const row = await this.ds
      .getRepository(PetitionCase)
      .createQueryBuilder('c')
      .select('COUNT(*)', 'replied')
      .addSelect('SUM(CASE WHEN c.repliedOnTime = :yes THEN 1 ELSE 0 END)', 'onTime')
      .addSelect('SUM(CASE WHEN c.feedback IS NOT NULL THEN 1 ELSE 0 END)', 'withFeedback')
      .addSelect("SUM(CASE WHEN c.feedback = 'satisfied' THEN 1 ELSE 0 END)", 'satisfied')
      .where('c.repliedAt >= :from AND c.repliedAt < :to', w)
      .setParameter('yes', true)
      .getRawOne<Record<string, unknown>>();
    return { replied: count(row?.replied), onTime: count(row?.onTime), withFeedback: count(row?.withFeedback), satisfied: count(row?.satisfied) };
  }

  /** Timeline events of these actions in the window (action, and the leader for leaders' records). */
  async events(w: Window, actions: string[]): Promise<{ action: string; data: Record<string, unknown> }[]> {
    return (
      await this.ds
        .getRepository(CaseEvent)
        .createQueryBuilder('e')
        .select(['e.action', 'e.data'])
        .where('e.at >= :from AND e.at < :to AND e.action IN (:...actions)', { ...w, actions })
        .getMany()
    ).map((e) => ({ action: e.action, data: e.data }));
  }

  /** Open cases each leader is in charge of now, and cases received in the window each took charge of. */
  async leaderLoads(w: Window): Promise<{ leaderId: string; open: number; inWindow: number }[]> {
    const rows = await this.ds
      .getRepository(PetitionCase)
      .createQueryBuilder('c')
      .select('c.leadLeaderId', 'leaderId')
      .addSelect('SUM(CASE WHEN c.status IN (:...open) THEN 1 ELSE 0 END)', 'openN')
      .addSelect('SUM(CASE WHEN c.receivedAt >= :from AND c.receivedAt < :to THEN 1 ELSE 0 END)', 'inWindow')
      .where('c.leadLeaderId IS NOT NULL')
      .setParameters({ ...w, open: OPEN_STATUSES })
      .groupBy('c.leadLeaderId')
      .getRawMany<{ leaderId: string; openN: unknown; inWindow: unknown }>();
    return rows.map((r) => ({ leaderId: r.leaderId, open: count(r.openN), inWindow: count(r.inWindow) }));
  }

  async conversionsByKind(w: Window): Promise<Record<string, number>> {
    const rows = await this.ds
      .getRepository(CaseConversion)
      .createQueryBuilder('v')
      .select('v.kind', 'k')
      .addSelect('COUNT(*)', 'n')
      .where('v.createdAt >= :from AND v.createdAt < :to', w)
      .groupBy('v.kind')
      .getRawMany<{ k: string; n: unknown }>();
    return Object.fromEntries(rows.map((r) => [r.k, count(r.n)]));
  }

  /**
   * Per period (consecutive boundaries `bounds[i]` … `bounds[i + 1]`, e.g. office months), the cases whose
   * `column` timestamp falls in it; `repliedOnTime` counts only replies made by their deadline. One
   * range query; the period is picked by a CASE over the boundaries, so it is exact in any time zone.
   */
  async countPerPeriod(column: TrendColumn, bounds: Date[], onlyOnTime = false): Promise<number[]> {
    const n = bounds.length - 1;
    if (n < 1) return [];
    if (column === 'receivedAt' && !onlyOnTime) return this.receivedPerPeriod(bounds);
    return this.countPerPeriodLive(column, bounds, onlyOnTime, null);
  }

  /** Received per period: roll-up days bucketed by their start, plus the live ranges. */
  private async receivedPerPeriod(bounds: Date[]): Promise<number[]> {
    const n = bounds.length - 1;
    const plan = await this.plan({ from: bounds[0], to: bounds[n] });
    const [live, days] = await Promise.all([plan.live.length ? this.countPerPeriodLive('receivedAt', bounds, false, plan.live) : new Array<number>(n).fill(0), this.daily.receivedPerDay(plan)]);
    for (const d of days) {
      let i = 0;
      while (i < n - 1 && d.start >= bounds[i + 1]) i++;
      live[i] += d.received;
    }
    return live;
  }

  private async countPerPeriodLive(column: TrendColumn, bounds: Date[], onlyOnTime: boolean, ranges: Range[] | null): Promise<number[]> {
    const n = bounds.length - 1;
    const params: Record<string, unknown> = { first: bounds[0], last: bounds[n], yes: true };
    const branches = bounds.slice(1, n).map((b, i) => {
      params[`b${i}`] = b;
      return `WHEN c.${column} < :b${i} THEN ${i}`;
    });
    const bucket = branches.length ? `CASE ${branches.join(' ')} ELSE ${n - 1} END` : '0';
    const qb = this.ds
      .getRepository(PetitionCase)
      .createQueryBuilder('c')
      .select(bucket, 'p')
      .addSelect('COUNT(*)', 'n')
      .where(`c.${column} >= :first AND c.${column} < :last`)
      .groupBy('p')
      .setParameters(params);
    if (onlyOnTime) qb.andWhere('c.repliedOnTime = :yes');
    if (ranges) {
      const terms = ranges.map((r, i) => {
        qb.setParameter(`rf${i}`, r.from).setParameter(`rt${i}`, r.to);
        return `(c.${column} >= :rf${i} AND c.${column} < :rt${i})`;
      });
      qb.andWhere(`(${terms.join(' OR ')})`);
    }
    const rows = await qb.getRawMany<{ p: unknown; n: unknown }>();
    const out = new Array<number>(n).fill(0);
    for (const r of rows) out[count(r.p)] = count(r.n);
    return out;
  }

  /**
   * Category × region of the cases received in the window: how many, open now, and of the open ones
   * flagged early-warning. One statement read from an index alone (`idx_cases_received_figures`, which
   * carries `earlyWarning`, the trigger-kept mirror of the JSON `flags`; migration 1764000000018).
   */
  async categoryRegion(w: Window): Promise<{ category: string; region: string; count: number; open: number; earlyWarning: number }[]> {
    const plan = await this.plan(w);
    const live = this.receivedIn(plan.live);
    const [rows, rolled] = await Promise.all([
      live
        ? live
            .select('c.category', 'category')
            .addSelect('c.region', 'region')
            .addSelect('COUNT(*)', 'n')
            .addSelect('SUM(CASE WHEN c.status IN (:...open) THEN 1 ELSE 0 END)', 'openN')
            .addSelect('SUM(CASE WHEN c.status IN (:...open) AND c.earlyWarning = :yes THEN 1 ELSE 0 END)', 'early')
            .setParameters({ open: OPEN_STATUSES, yes: true })
            .groupBy('c.category')
            .addGroupBy('c.region')
            .getRawMany<{ category: string; region: string; n: unknown; openN: unknown; early: unknown }>()
        : [],
      this.daily.read(plan, 'category-region'),
    ]);
    const cells = new Map<string, { category: string; region: string; count: number; open: number; earlyWarning: number }>();
    const add = (category: string, region: string, n: number, open: number, early: number): void => {
      const key = `${category}\u0000${region}`;
      const cell = cells.get(key) ?? { category, region, count: 0, open: 0, earlyWarning: 0 };
      cell.count += n;
      cell.open += open;
      cell.earlyWarning += early;
      cells.set(key, cell);
    };
    for (const r of rows) add(r.category, r.region, count(r.n), count(r.openN), count(r.early));
    for (const r of rolled) if (r.received) add(r.k1, r.k2, r.received, r.open, r.earlyWarningOpen);
    return [...cells.values()];
  }

  /**
   * Category × region clusters: received in the current and the previous period, open now, flagged early
   * (`earlyWarning`, the indexed mirror of `flags`).
   */
  async clusters(current: Window, previous: Window, limit: number): Promise<ClusterRow[]> {
    const rows = await this.ds
      .getRepository(PetitionCase)
      .createQueryBuilder('c')
      .select('c.category', 'category')
      .addSelect('c.region', 'region')
      .addSelect('SUM(CASE WHEN c.receivedAt >= :cf THEN 1 ELSE 0 END)', 'cur')
      .addSelect('SUM(CASE WHEN c.receivedAt >= :cf AND c.status IN (:...open) THEN 1 ELSE 0 END)', 'openN')
      .addSelect('SUM(CASE WHEN c.receivedAt < :cf THEN 1 ELSE 0 END)', 'prev')
      .addSelect('SUM(CASE WHEN c.receivedAt >= :cf AND c.earlyWarning = :yes THEN 1 ELSE 0 END)', 'early')
      .where('c.receivedAt >= :pf AND c.receivedAt < :ct', { pf: previous.from, cf: current.from, ct: current.to, open: OPEN_STATUSES, yes: true })
      .groupBy('c.category')
      .addGroupBy('c.region')
      .getRawMany<{ category: string; region: string; cur: unknown; openN: unknown; prev: unknown; early: unknown }>();
    return rows
      .map((r) => ({ category: r.category, region: r.region, current: count(r.cur), open: count(r.openN), previous: count(r.prev), earlyWarning: count(r.early) }))
      .filter((r) => r.current > 0)
      .sort((a, b) => b.current - a.current || b.open - a.open || a.region.localeCompare(b.region))
      .slice(0, limit);
  }

  /**
   * The cases received in the window, oldest first, of one category and/or region when given (the
   * thematic report; without either, the whole office). At most `limit` rows.
   */
  clusterCases(filter: { category?: string; region?: string }, w: Window, limit: number): Promise<PetitionCase[]> {
    const qb = this.received(w);
    if (filter.category) qb.andWhere('c.category = :category', { category: filter.category });
    if (filter.region) qb.andWhere('c.region = :region', { region: filter.region });
    return qb.orderBy('c.receivedAt', 'ASC').limit(limit).getMany();
  }
}
