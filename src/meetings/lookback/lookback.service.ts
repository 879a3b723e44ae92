import { createHash, randomUUID } from 'node:crypto';
import { OfficeSettings } from '../../settings/office-settings.js';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { MeetingsConfig } from '../../../config/meetings-config.js';
import type { Policy } from '../../../config/policy.js';
import { CaseReader, type ClosedTransferredCase } from '../../cases/case-reader.js';
import { type LookbackNotice, UrgingNotices } from '../../cases/urging-notices.js';
import { Clock } from '../../domain/clock.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { JOB_NAMES } from '../../jobs/job-names.js';
import { JobRegistry } from '../../jobs/job-registry.js';
import { OutboxRelay } from '../../jobs/outbox-relay.js';
import { OutboxRepository } from '../../jobs/outbox.repository.js';
import { MeetingErrors } from '../meeting.errors.js';
import type { CallbackResult, LookbackReview } from './lookback-review.entity.js';
import { LookbackRepository } from './lookback.repository.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface UnitRecord {
  unitCode: string;
  closed: number;
  late: number;
  dissatisfied: number;
  /** Named in the urging notice (催办通报): missed a deadline or answered poorly. */
  named: boolean;
}

/** Why a case was drawn for a callback, in words (the stored `reason` is the code). */
export const LOOKBACK_REASON_LABELS: Readonly<Record<string, string>> = { late: '未按期答复', dissatisfied: '信访人不满意或经再督办', sample: '随机抽查' };

export interface LookbackReviewView {
  id: string;
  caseId: string;
  caseCode: string;
  unitCode: string;
  /** `late`, `dissatisfied` or `sample`. */
  reason: string;
  reasonLabel: string;
  callbackResult: CallbackResult | null;
  note: string | null;
}

export interface LookbackReport {
  period: string;
  window: { from: string; to: string };
  reviews: LookbackReviewView[];
  units: UnitRecord[];
}

export interface LookbackRequested {
  jobId: string | null;
  period: string;
}

/** Deterministic draw: the same case is drawn (or not) however often the period is reviewed. */
export function drawn(caseId: string, period: string, share: number): boolean {
  const h = createHash('sha256').update(`${period}|${caseId}`).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000 < share;
}

/**
 * 回头看: each month a share of the transferred cases closed in the window is drawn for a callback to
 * the petitioner; late and poorly answered ones are always reviewed, and their units are named in an
 * urging notice (催办通报) sent with the unit's digest. Running a period twice adds nothing.
 */
@Injectable()
export class LookbackService implements OnModuleInit {
  constructor(
    private readonly repo: LookbackRepository,
    private readonly cases: CaseReader,
    private readonly notices: UrgingNotices,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly registry: JobRegistry,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: OfficeSettings,
  ) {}

  /** The office policy in force now (a newly published settings version applies at once). */
  private get policy(): Policy {
    return this.settings.policy();
  }

  /** The meeting settings in force now. */
  private get config(): MeetingsConfig {
    return this.settings.meetings();
  }

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.lookback, async ({ period }) => {
      await this.run(period);
    });
  }

  currentPeriod(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: this.policy.timeZone }).toFormat('yyyy-MM');
  }

  async request(period: string | undefined): Promise<LookbackRequested> {
    const p = this.checkPeriod(period ?? this.currentPeriod());
    const now = this.clock.now();
    const jobId = await this.tx.run((em) => this.outbox.enqueue(em, JOB_NAMES.lookback, { period: p }, now, { dedupeKey: `${JOB_NAMES.lookback}:manual:${randomUUID()}` }));
    this.relay.kick();
    return { jobId, period: p };
  }

  async run(period: string): Promise<LookbackReport> {
    const p = this.checkPeriod(period);
    const { from, to } = this.window(p);
    const now = this.clock.now();
    const closed = await this.cases.closedTransferred(from, to);
    const reviews: LookbackReview[] = [];
    const notices: LookbackNotice[] = [];
    const periodStart = DateTime.fromFormat(p, 'yyyy-MM', { zone: this.policy.timeZone }).toJSDate();
    for (const c of closed) {
      const poor = c.feedback === 'dissatisfied' || c.resupervisionCount > 0;
      const reason = !c.repliedOnTime ? 'late' : poor ? 'dissatisfied' : drawn(c.id, p, this.config.lookback.sampleShare) ? 'sample' : null;
      if (!reason) continue;
      reviews.push({ id: randomUUID(), period: p, caseId: c.id, caseCode: c.code, unitCode: c.routeHandledBy, reason, callbackResult: null, note: null, createdAt: now, reviewedAt: null });
      if (reason !== 'sample') {
        notices.push({
          caseId: c.id,
          unitCode: c.routeHandledBy,
          periodStart, // one notice per case and period
          note: reason === 'late' ? '回头看：未按期答复' : '回头看：信访人不满意或经再督办',
        });
      }
    }
    const named = [...new Set(notices.map((n) => n.unitCode))];
    await this.tx.run(async (em) => {
      await this.repo.insertIgnoring(em, reviews);
      await this.notices.addLookbackIn(em, notices, now);
      for (const unitCode of named) {
        await this.outbox.enqueue(em, JOB_NAMES.dueSoonReminder, { unitCode }, now, { dedupeKey: `lookback-notice:${unitCode}:${p}` });
      }
    });
    if (named.length) this.relay.kick();
    return this.report(p, closed);
  }

  async report(period: string, closedInWindow?: ClosedTransferredCase[]): Promise<LookbackReport> {
    const p = this.checkPeriod(period);
    const { from, to } = this.window(p);
    const closed = closedInWindow ?? (await this.cases.closedTransferred(from, to));
    const units = new Map<string, UnitRecord>();
    for (const c of closed) {
      const u = units.get(c.routeHandledBy) ?? { unitCode: c.routeHandledBy, closed: 0, late: 0, dissatisfied: 0, named: false };
      u.closed++;
      if (!c.repliedOnTime) u.late++;
      if (c.feedback === 'dissatisfied' || c.resupervisionCount > 0) u.dissatisfied++;
      u.named = u.late + u.dissatisfied > 0;
      units.set(u.unitCode, u);
    }
    const reviews = await this.repo.forPeriod(p);
    return {
      period: p,
      window: { from: from.toISOString(), to: to.toISOString() },
      reviews: reviews.map((r) => ({ id: r.id, caseId: r.caseId, caseCode: r.caseCode, unitCode: r.unitCode, reason: r.reason, reasonLabel: LOOKBACK_REASON_LABELS[r.reason] ?? r.reason, callbackResult: r.callbackResult, note: r.note })),
      units: [...units.values()].sort((a, b) => b.late + b.dissatisfied - (a.late + a.dissatisfied) || a.unitCode.localeCompare(b.unitCode)),
    };
  }

  async recordCallback(id: string, result: CallbackResult, note: string | undefined): Promise<void> {
    const review = await this.repo.findById(id);
    if (!review) throw MeetingErrors.lookbackReviewNotFound();
    await this.repo.recordCallback(id, { callbackResult: result, note: note ?? null, reviewedAt: this.clock.now() });
  }

  /** The cases closed in the `windowDays` before the period's first day. */
  private window(period: string): { from: Date; to: Date } {
    const start = DateTime.fromFormat(period, 'yyyy-MM', { zone: this.policy.timeZone });
    return { from: start.minus({ days: this.config.lookback.windowDays }).toJSDate(), to: start.toJSDate() };
  }

  private checkPeriod(period: string): string {
    if (!PERIOD.test(period)) throw MeetingErrors.invalidLookbackPeriod();
    return period;
  }
}
