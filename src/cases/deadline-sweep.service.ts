import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Policy } from '../../config/policy.js';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { POLICY } from '../common/tokens.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { OutboxRelay } from '../jobs/outbox-relay.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import type { CaseEvent } from './case-event.entity.js';
import type { CaseNotice, NoticeKind } from './case-notice.entity.js';
import { CaseNoticeRepository, type SweepCandidate } from './case-notice.repository.js';
import { OPEN_STATUSES } from './case.types.js';

const BATCH = 2000;

export interface SweepResult {
  overdueNotices: number;
  dueSoonNotices: number;
  reminderJobs: number;
}

/** A deterministic id per (case, kind, deadline), so a notice and its timeline event are created once. */
function noticeId(caseId: string, kind: NoticeKind, dueAt: Date): string {
  const h = createHash('sha256').update(`${caseId}|${kind}|${dueAt.toISOString()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * 跟踪督办: the deadline sweep derives overdue and due-soon cases from their deadlines and the clock,
 * creates one urging notice per case and deadline (with a timeline event for overdue ones),
 * and enqueues one reminder per handling unit. Running it twice creates nothing twice.
 */
@Injectable()
export class DeadlineSweepService implements OnModuleInit {
  private readonly logger = new Logger('DeadlineSweep');

  constructor(
    private readonly notices: CaseNoticeRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly registry: JobRegistry,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.deadlineSweep, async () => {
      await this.sweep();
    });
  }

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const soon = DateTime.fromJSDate(now).plus({ days: this.policy.dueSoonDays }).toJSDate();
    let overdueNotices = 0;
    let dueSoonNotices = 0;
    for (const status of OPEN_STATUSES) {
      overdueNotices += await this.createNotices(status, 'overdue', null, now, now);
      dueSoonNotices += await this.createNotices(status, 'due-soon', now, soon, now);
    }
    const reminderJobs = await this.enqueueReminders(now);
    this.logger.log(`sweep: ${overdueNotices} overdue, ${dueSoonNotices} due soon, ${reminderJobs} reminder jobs`);
    return { overdueNotices, dueSoonNotices, reminderJobs };
  }

  private async createNotices(status: (typeof OPEN_STATUSES)[number], kind: NoticeKind, from: Date | null, to: Date, now: Date): Promise<number> {
    let created = 0;
    let after: { dueAt: Date; id: string } | null = null;
    for (;;) {
      const batch: SweepCandidate[] = await this.notices.candidates(status, kind, from, to, after, BATCH);
      if (!batch.length) return created;
      const notices: CaseNotice[] = batch.map((c) => ({
        id: noticeId(c.id, kind, c.dueAt),
        caseId: c.id,
        kind,
        dueAt: c.dueAt,
        unitCode: c.routeHandledBy,
        note: null,
        createdAt: now,
        deliveredAt: null,
      }));
      const events: CaseEvent[] = kind === 'overdue' ? batch.map((c) => this.overdueEvent(c, now)) : [];
      await this.tx.run((em) => this.notices.insertIgnoring(em, notices, events));
      created += batch.length;
      const last = batch[batch.length - 1];
      after = { dueAt: last.dueAt, id: last.id };
      if (batch.length < BATCH) return created;
    }
  }

  private overdueEvent(c: SweepCandidate, now: Date): CaseEvent {
    return {
      id: noticeId(c.id, 'overdue', c.dueAt),
      caseId: c.id,
      at: now,
      caseVersion: c.version,
      action: 'urge',
      fromStatus: c.status,
      toStatus: c.status,
      actorId: SYSTEM_ACTOR.id,
      actorName: SYSTEM_ACTOR.displayName,
      actorRole: 'system',
      reason: '办理期限已过，系统自动催办。',
      data: { automatic: true, kind: 'overdue', dueAt: c.dueAt.toISOString(), unit: c.routeHandledBy },
    };
  }

  private async enqueueReminders(now: Date): Promise<number> {
    const units = await this.notices.unitsWithPendingNotices();
    const day = DateTime.fromJSDate(now, { zone: this.policy.timeZone }).toISODate() ?? '';
    let added = 0;
    await this.tx.run(async (em) => {
      for (const unitCode of units) {
        const id = await this.outbox.enqueue(em, JOB_NAMES.dueSoonReminder, { unitCode }, now, { dedupeKey: `${JOB_NAMES.dueSoonReminder}:${unitCode}:${day}` });
        if (id) added++;
      }
    });
    if (added) this.relay.kick();
    return added;
  }
}
