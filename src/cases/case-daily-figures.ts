import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import type { Policy } from '../../config/policy.js';
import { POLICY } from '../common/tokens.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { Clock } from '../domain/clock.js';
import { type CaseStatus, OPEN_STATUSES } from '../domain/case-vocabulary.js';
import { rawDate } from '../database/raw-values.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { JobState } from '../jobs/job-state.entity.js';
import { JobStateRepository } from '../jobs/job-state.repository.js';
import { CaseDailyFigure } from './case-daily-figure.entity.js';
import { PetitionCase } from './case.entity.js';

/** Half-open [from, to) in UTC (the same shape as CaseStatistics' Window). */
export interface Range {
  from: Date;
  to: Date;
}

export type RollupDimension = 'all' | 'channel' | 'category' | 'grade' | 'region' | 'routeHandledBy' | 'status' | 'category-region';
export const METRICS = ['received', 'accepted', 'rejected', 'grp', 'supervised', 'open', 'earlyWarningOpen'] as const;
export type Metric = (typeof METRICS)[number];
export type Figures = Record<Metric, number>;
export interface RollupRow extends Figures {
  k1: string;
  k2: string;
}

/** How a window is read: full office days `first`…`last` from the roll-up except `exclude`, and `live` ranges from `cases`. */
export interface WindowPlan {
  rollup: { first: string; last: string; exclude: string[] } | null;
  live: Range[];
}

/** job_state row of the roll-up: `watermark` (ISO): every case changed at or before it is in the roll-up. */
export const DAILY_FIGURES_STATE = 'case-daily-figures';
/**
 * A write that stamps `updatedAt` commits within this long: the watermark stays this far behind the run's
 * clock, so a case whose change committed after the run read `cases` is still newer than the watermark.
 */
export const DAILY_FIGURES_GRACE_MS = 5 * 60_000;

const SINGLE: Exclude<RollupDimension, 'all' | 'category-region'>[] = ['channel', 'category', 'grade', 'region', 'routeHandledBy', 'status'];
const num = (v: unknown): number => Number(v ?? 0);

/**
 * The daily roll-up of the received-window figures (`case_daily_figures`): per office day of receipt and
 * dimension, counts per metric. Exact by construction: a day is read from the roll-up only when none of its
 * cases changed after the watermark; such days, partial days at the window's edges, and everything when
 * there is no watermark yet, are read live. `refresh()` (job `case-daily-figures`) recomputes only the days
 * whose cases changed since the watermark; `rebuild()` recomputes every day (a new installation, a restore).
 */
@Injectable()
export class CaseDailyFigures implements OnModuleInit {
  private readonly logger = new Logger('CaseDailyFigures');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly state: JobStateRepository,
    private readonly registry: JobRegistry,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.caseDailyFigures, async () => {
      const r = await this.refresh();
      this.logger.log(`case_daily_figures: ${r.days} day(s) recomputed${r.full ? ' (full build)' : ''}`);
    });
  }

  private get zone(): string {
    return this.policy.timeZone;
  }

  /** The office day (`yyyy-MM-dd`) an instant falls on. */
  dayOf(at: Date): string {
    return DateTime.fromJSDate(at, { zone: this.zone }).toISODate() ?? '';
  }

  private dayStart(day: string): DateTime {
    return DateTime.fromISO(day, { zone: this.zone }).startOf('day');
  }

  async watermark(em: EntityManager = this.ds.manager): Promise<Date | null> {
    const value = await this.state.get(em, DAILY_FIGURES_STATE);
    return value?.watermark ? new Date(value.watermark) : null;
  }

  /** The office days of receipt of the cases changed after `since`. */
  async changedDays(since: Date): Promise<Set<string>> {
    const rows = await this.ds
      .getRepository(PetitionCase)
      .createQueryBuilder('c')
      .select('c.receivedAt', 'at')
      .where('c.updatedAt > :since', { since })
      .getRawMany<{ at: unknown }>();
    return new Set(rows.map((r) => this.dayOf(rawDate(r.at))));
  }

  /** Splits a window into roll-up days and live ranges (see the class). */
  async plan(w: Range): Promise<WindowPlan> {
    const mark = await this.watermark();
    if (!mark) return { rollup: null, live: w.from < w.to ? [w] : [] };
    return splitWindow(w, this.zone, await this.changedDays(mark));
  }

  /** The roll-up's sums per value of one dimension over the plan's days. */
  async read(plan: WindowPlan, dimension: RollupDimension): Promise<RollupRow[]> {
    if (!plan.rollup) return [];
    const qb = this.ds
      .getRepository(CaseDailyFigure)
      .createQueryBuilder('f')
      .select('f.k1', 'k1')
      .addSelect('f.k2', 'k2')
      .where('f.dimension = :dimension AND f.day >= :first AND f.day <= :last', { dimension, ...plan.rollup })
      .groupBy('f.k1')
      .addGroupBy('f.k2');
    for (const m of METRICS) qb.addSelect(`SUM(f.${m})`, m);
    if (plan.rollup.exclude.length) qb.andWhere('f.day NOT IN (:...exclude)', { exclude: plan.rollup.exclude });
    const rows = await qb.getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({ k1: String(r.k1), k2: String(r.k2), ...figures(r) }));
  }

  /** Cases received per roll-up day of the plan (dimension `all`), with each day's start. */
  async receivedPerDay(plan: WindowPlan): Promise<{ start: Date; received: number }[]> {
    if (!plan.rollup) return [];
    const qb = this.ds
      .getRepository(CaseDailyFigure)
      .createQueryBuilder('f')
      .select('f.day', 'day')
      .addSelect('f.received', 'received')
      .where("f.dimension = 'all' AND f.day >= :first AND f.day <= :last", plan.rollup);
    if (plan.rollup.exclude.length) qb.andWhere('f.day NOT IN (:...exclude)', { exclude: plan.rollup.exclude });
    const rows = await qb.getRawMany<{ day: string; received: unknown }>();
    return rows.map((r) => ({ start: this.dayStart(r.day).toJSDate(), received: num(r.received) }));
  }

  /** Recomputes the days whose cases changed since the watermark (a full build without one). */
  async refresh(): Promise<{ days: number; full: boolean }> {
    const mark = await this.watermark();
    if (!mark) return { days: await this.rebuild(), full: true };
    const next = new Date(this.clock.now().getTime() - DAILY_FIGURES_GRACE_MS);
    const days = await this.changedDays(mark);
    for (const day of [...days].sort()) await this.recompute(day);
    if (next > mark) await this.tx.run((em) => this.state.set(em, DAILY_FIGURES_STATE, { watermark: next.toISOString() }, this.clock.now()));
    return { days: days.size, full: false };
  }

  /**
   * Recomputes every day from the first case to the last; the reports read live until it is done. Each day
   * is replaced in its own transaction and nothing is cleared up front, so two overlapping builds (a job
   * whose lease ran out) still leave every day computed when either sets the watermark.
   */
  async rebuild(): Promise<number> {
    const next = new Date(this.clock.now().getTime() - DAILY_FIGURES_GRACE_MS);
    await this.tx.run((em) => em.delete(JobState, { name: DAILY_FIGURES_STATE }));
    const span = await this.ds
      .getRepository(PetitionCase)
      .createQueryBuilder('c')
      .select('MIN(c.receivedAt)', 'first')
      .addSelect('MAX(c.receivedAt)', 'last')
      .getRawOne<{ first: unknown; last: unknown }>();
    let n = 0;
    const clear = this.ds.createQueryBuilder().delete().from(CaseDailyFigure);
    if (span?.first && span.last) {
      const first = this.dayOf(rawDate(span.first));
      const last = this.dayOf(rawDate(span.last));
      for (let d = this.dayStart(first); (d.toISODate() ?? '') <= last; d = d.plus({ days: 1 })) {
        await this.recompute(d.toISODate() ?? '');
        n++;
      }
      clear.where('day < :first OR day > :last', { first, last });
    }
    await clear.execute();
    await this.tx.run((em) => this.state.set(em, DAILY_FIGURES_STATE, { watermark: next.toISOString() }, this.clock.now()));
    return n;
  }

  /** Replaces one office day's rows with what `cases` holds now. */
  async recompute(day: string): Promise<void> {
    const start = this.dayStart(day);
    await this.tx.run(async (em) => {
      const groups = await em
        .getRepository(PetitionCase)
        .createQueryBuilder('c')
        .select(['c.channel AS channel', 'c.category AS category', 'c.grade AS grade', 'c.region AS region', 'c.routeHandledBy AS routeHandledBy', 'c.status AS status'])
        .addSelect('c.routeMode', 'routeMode')
        .addSelect('c.earlyWarning', 'early')
        .addSelect('CASE WHEN c.headcount >= 5 THEN 1 ELSE 0 END', 'grp')
        .addSelect('CASE WHEN c.acceptedAt IS NOT NULL THEN 1 ELSE 0 END', 'acc')
        .addSelect('COUNT(*)', 'n')
        .where('c.receivedAt >= :from AND c.receivedAt < :to', { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() })
        .groupBy('c.channel')
        .addGroupBy('c.category')
        .addGroupBy('c.grade')
        .addGroupBy('c.region')
        .addGroupBy('c.routeHandledBy')
        .addGroupBy('c.status')
        .addGroupBy('c.routeMode')
        .addGroupBy('c.earlyWarning')
        .addGroupBy('grp')
        .addGroupBy('acc')
        .getRawMany<Record<string, unknown>>();
      const rows = new Map<string, CaseDailyFigure>();
      const bump = (dimension: RollupDimension, k1: string, k2: string, g: Record<string, unknown>): void => {
        const key = `${dimension}\u0000${k1}\u0000${k2}`;
        let row = rows.get(key);
        if (!row) {
          row = Object.assign(new CaseDailyFigure(), { dimension, day, k1, k2, received: 0, accepted: 0, rejected: 0, grp: 0, supervised: 0, open: 0, earlyWarningOpen: 0 });
          rows.set(key, row);
        }
        const n = num(g.n);
        const open = OPEN_STATUSES.includes(String(g.status) as CaseStatus);
        row.received += n;
        row.accepted += num(g.acc) ? n : 0;
        row.rejected += g.status === 'rejected' ? n : 0;
        row.grp += num(g.grp) ? n : 0;
        row.supervised += g.routeMode === 'supervised' ? n : 0;
        row.open += open ? n : 0;
        row.earlyWarningOpen += open && num(g.early) ? n : 0;
      };
      for (const g of groups) {
        bump('all', '', '', g);
        for (const d of SINGLE) bump(d, String(g[d]), '', g);
        bump('category-region', String(g.category), String(g.region), g);
      }
      await em.createQueryBuilder().delete().from(CaseDailyFigure).where('day = :day', { day }).execute();
      const all = [...rows.values()];
      for (let i = 0; i < all.length; i += 500) await em.insert(CaseDailyFigure, all.slice(i, i + 500));
    });
  }
}

function figures(r: Record<string, unknown>): Figures {
  return Object.fromEntries(METRICS.map((m) => [m, num(r[m])])) as Figures;
}

/**
 * The office days (in `zone`) lying wholly inside `w` are read from the roll-up, except the `changed` ones;
 * the changed days and the partial days at the edges become live ranges (adjacent ones merged, in order).
 */
export function splitWindow(w: Range, zone: string, changed: ReadonlySet<string>): WindowPlan {
  const whole: WindowPlan = { rollup: null, live: w.from < w.to ? [w] : [] };
  let start = DateTime.fromJSDate(w.from, { zone }).startOf('day');
  if (start.toMillis() < w.from.getTime()) start = start.plus({ days: 1 });
  const days: { day: string; from: Date; to: Date }[] = [];
  for (let d = start; d.plus({ days: 1 }).toMillis() <= w.to.getTime(); d = d.plus({ days: 1 })) {
    days.push({ day: d.toISODate() ?? '', from: d.toJSDate(), to: d.plus({ days: 1 }).toJSDate() });
  }
  if (!days.length) return whole;
  const live: Range[] = [];
  const add = (r: Range): void => {
    if (r.from >= r.to) return;
    const last = live[live.length - 1];
    if (last && last.to.getTime() === r.from.getTime()) last.to = r.to;
    else live.push({ from: r.from, to: r.to });
  };
  add({ from: w.from, to: days[0].from });
  const exclude: string[] = [];
  for (const d of days) {
    if (changed.has(d.day)) {
      exclude.push(d.day);
      add(d);
    }
  }
  add({ from: days[days.length - 1].to, to: w.to });
  return { rollup: exclude.length === days.length ? null : { first: days[0].day, last: days[days.length - 1].day, exclude }, live };
}
