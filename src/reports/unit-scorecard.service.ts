import { Inject, Injectable } from '@nestjs/common';
import type { Policy } from '../../config/policy.js';
import type { Window } from '../cases/case-statistics.js';
import { redactPii } from '../common/pii/masking.js';
import { POLICY } from '../common/tokens.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { officeDays } from './office-months.js';
import { ReportsService } from './reports.service.js';
import { type EvaluationView, UnitEvaluationService } from './unit-evaluation.service.js';
import { UnitEvaluationErrors } from './unit-evaluation.errors.js';
import { periodOf } from './unit-evaluation-rules.js';
import { UnitScorecardAccess } from './unit-scorecard-access.js';
import { type ScorecardCaseRow, UnitScorecardRepository } from './unit-scorecard.repository.js';
import { scorecards, type UnitScorecard } from './unit-scorecard.js';

export interface ScorecardWindow {
  from: string;
  to: string;
  fromDay: string;
  toDay: string;
}

/** One case of a unit's scorecard as a reader sees it: dates and outcomes, never the petitioner. */
export interface ScorecardCaseView {
  id: string;
  code: string;
  /** The subject with ID numbers and phones masked; null for a reader who may not see the case (leaders; a unit once the case left it). */
  subject: string | null;
  status: string;
  /** The case is with this unit now. */
  withUnit: boolean;
  routedAt: string | null;
  signDueAt: string | null;
  signedAt: string | null;
  signedOnTime: boolean | null;
  replyDueAt: string | null;
  repliedAt: string | null;
  repliedOnTime: boolean | null;
  /** Open with the unit and past its running deadline now. */
  overdue: boolean;
  /** 签收 as of now: on time, late, not signed past its deadline, not signed yet, or nothing to sign. */
  signState: SignState;
  /** 答复: on time, late, not answered past the deadline, or none yet. */
  replyState: ReplyState;
  extensionUsed: boolean;
  extensionRequested: boolean;
  urgings: number;
  resupervisionCount: number;
  feedback: string | null;
}

/** A scorecard with the unit's evaluation (考评结果) for the period asked, if one was asked and recorded. */
export type EvaluatedScorecard = UnitScorecard & { evaluation: EvaluationView | null };

export const SIGN_STATES = ['on-time', 'late', 'overdue', 'pending', 'none'] as const;
export type SignState = (typeof SIGN_STATES)[number];
export const REPLY_STATES = ['on-time', 'late', 'overdue', 'none'] as const;
export type ReplyState = (typeof REPLY_STATES)[number];

export interface UnitScorecardList {
  window: ScorecardWindow;
  /** The evaluation period the window was given as, or null for from/to. */
  period: string | null;
  units: EvaluatedScorecard[];
}

export interface UnitScorecardDetail {
  window: ScorecardWindow;
  period: string | null;
  scorecard: EvaluatedScorecard;
  cases: ScorecardCaseView[];
}

/** The window of a scorecard: an evaluation period (`2026-Q4`), or from/to as on every report route. */
export interface ScorecardQuery {
  from?: string;
  to?: string;
  period?: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** 单位考评: the units' scorecards over a report window (figures from UnitScorecardRepository, arithmetic in unit-scorecard.ts). */
@Injectable()
export class UnitScorecardService {
  constructor(
    private readonly repo: UnitScorecardRepository,
    private readonly access: UnitScorecardAccess,
    private readonly evaluations: UnitEvaluationService,
    private readonly reports: ReportsService,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  windowOf(w: Window): ScorecardWindow {
    return { from: w.from.toISOString(), to: w.to.toISOString(), ...officeDays(w, this.policy.timeZone) };
  }

  /** The window asked: a period's office days, or from/to (not both). */
  resolve(query: ScorecardQuery): { w: Window; period: string | null } {
    if (query.period === undefined) return { w: this.reports.window(query.from, query.to), period: null };
    if (query.from !== undefined || query.to !== undefined) throw UnitEvaluationErrors.periodWithWindow();
    const period = periodOf(query.period);
    return { w: this.reports.window(period.fromDay, period.toDay), period: period.period };
  }

  /** Every unit's scorecard (a unit account: its own only), with each unit's evaluation for the period asked. */
  async list(query: ScorecardQuery, actor: Actor): Promise<UnitScorecardList> {
    const { w, period } = this.resolve(query);
    const units = await this.access.readableUnits(actor);
    const own = actor.role === 'unit' ? (units[0]?.code ?? '\u0000') : undefined;
    const [cards, evaluations] = await Promise.all([this.cards(w, units, own), period ? this.evaluations.forPeriod(period) : []]);
    const byUnit = new Map(evaluations.map((e) => [e.unitId, e]));
    return { window: this.windowOf(w), period, units: cards.map((c) => ({ ...c, evaluation: byUnit.get(c.unitId) ?? null })) };
  }

  async one(unitId: string, query: ScorecardQuery, actor: Actor): Promise<UnitScorecardDetail> {
    const { w, period } = this.resolve(query);
    const unit = await this.access.readableUnit(unitId, actor);
    const [cards, rows, evaluations] = await Promise.all([
      this.cards(w, [{ ...unit, active: true }], unit.code),
      this.repo.cases(w, unit.code),
      period ? this.evaluations.forPeriod(period) : [],
    ]);
    const now = this.clock.now();
    return {
      window: this.windowOf(w),
      period,
      scorecard: { ...cards[0], evaluation: evaluations.find((e) => e.unitId === unit.id) ?? null },
      cases: rows.map((r) => caseView(r, unit.code, actor, now)),
    };
  }

  private async cards(w: Window, units: { id: string; code: string; name: string; active: boolean }[], unitCode: string | undefined): Promise<UnitScorecard[]> {
    const now = this.clock.now();
    const [counts, casesUrged, unsignedOverdue, openOverdue] = await Promise.all([
      this.repo.eventCounts(w, unitCode),
      this.repo.casesUrged(w, unitCode),
      this.repo.unsignedOverdue(now, unitCode),
      this.repo.openOverdue(now, unitCode),
    ]);
    return scorecards(units, counts, { casesUrged, unsignedOverdue, openOverdue });
  }
}

/** What a reader sees of one case: the office and auditors its masked subject; a unit only while the case is with it; leaders figures only. */
export function caseView(r: ScorecardCaseRow, unitCode: string, actor: Pick<Actor, 'role' | 'unitCode'>, now: Date): ScorecardCaseView {
  const withUnit = r.routeHandledBy === unitCode && (r.status === 'routed' || r.status === 'in_handling' || r.status === 'replied');
  const seesSubject = actor.role === 'admin' || actor.role === 'secretariat' || actor.role === 'auditor' || (actor.role === 'unit' && r.routeHandledBy === actor.unitCode);
  const open = r.status === 'routed' || r.status === 'in_handling';
  const overdue = open && r.routeHandledBy === unitCode && r.dueAt !== null && r.dueAt < now;
  const signState: SignState = r.signedAt
    ? r.signedOnTime === false
      ? 'late'
      : 'on-time'
    : r.status !== 'routed' || r.signDueAt === null
      ? 'none'
      : r.signDueAt < now
        ? 'overdue'
        : 'pending';
  const replyState: ReplyState = r.repliedAt ? (r.repliedOnTime ? 'on-time' : 'late') : overdue ? 'overdue' : 'none';
  return {
    id: r.id,
    code: r.code,
    subject: seesSubject ? redactPii(r.subject) : null,
    status: r.status,
    withUnit,
    routedAt: iso(r.routedAt),
    signDueAt: iso(r.signDueAt),
    signedAt: iso(r.signedAt),
    signedOnTime: r.signedOnTime,
    replyDueAt: iso(r.replyDueAt),
    repliedAt: iso(r.repliedAt),
    repliedOnTime: r.repliedAt ? r.repliedOnTime : null,
    overdue,
    signState,
    replyState,
    extensionUsed: r.extensionUsed,
    extensionRequested: r.extensionRequested,
    urgings: r.urgings,
    resupervisionCount: r.resupervisionCount,
    feedback: r.feedback,
  };
}
