import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { OfficeSettings } from '../settings/office-settings.js';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { Policy } from '../../config/policy.js';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { JobStateRepository } from '../jobs/job-state.repository.js';
import { OutboxRelay } from '../jobs/outbox-relay.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import { CaseChanges } from './case-changes.js';
import { CaseNoticeRepository, type OverdueSource } from './case-notice.repository.js';

/** The sweep's watermark in job_state: the clock of the last run, and of the last full run. */
const SWEEP_STATE = 'deadline-sweep';
/** A full sweep at least weekly, as a safety net under the incremental ones. */
const FULL_SWEEP_EVERY_MS = 7 * 86_400_000;

interface NoticeCounts {
  overdue: number;
  dueSoon: number;
}

export interface SweepResult {
  overdueNotices: number;
  dueSoonNotices: number;
  reminderJobs: number;
}

/**
 * 跟踪督办: the deadline sweep derives overdue and due-soon cases from their deadlines and the clock,
 * creates one urging notice per case and deadline (with a timeline event for overdue ones, written in
 * bulk by the owner of case changes: `CaseChanges.urgeOverdueIn`),
 * and enqueues one reminder per handling unit. Running it twice creates nothing twice. A daily run
 * looks only at what changed since the previous one (its watermark); a full run happens when there is
 * no watermark, when the clock went back, and at least weekly.
 */
@Injectable()
export class DeadlineSweepService implements OnModuleInit {
  private readonly logger = new Logger('DeadlineSweep');

  constructor(
    private readonly notices: CaseNoticeRepository,
    private readonly changes: CaseChanges,
    private readonly state: JobStateRepository,
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

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.deadlineSweep, async () => {
      await this.sweep();
    });
  }

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const soon = DateTime.fromJSDate(now).plus({ days: this.policy.dueSoonDays }).toJSDate();
    // Set-based: a few statements whatever the number of open cases; the unique key on (case, kind,
    // deadline) makes any repeated or overlapping run add nothing.
    const { overdueNotices, dueSoonNotices, mode } = await this.tx.run(async (em) => {
      const state = await this.state.get(em, SWEEP_STATE);
      const lastAt = state?.lastAt ? new Date(state.lastAt) : null;
      const lastFullAt = state?.lastFullAt ? new Date(state.lastFullAt) : null;
      const incremental = lastAt !== null && lastFullAt !== null && lastAt <= now && now.getTime() - lastFullAt.getTime() < FULL_SWEEP_EVERY_MS;
      const { overdue, dueSoon } = incremental ? await this.incrementalNotices(em, lastAt, now, soon) : await this.fullNotices(em, now, soon);
      await this.state.set(em, SWEEP_STATE, { lastAt: now.toISOString(), lastFullAt: incremental && lastFullAt ? lastFullAt.toISOString() : now.toISOString() }, now);
      return { overdueNotices: overdue, dueSoonNotices: dueSoon, mode: incremental ? 'incremental' : 'full' };
    });
    const reminderJobs = await this.enqueueReminders(now);
    this.logger.log(`sweep (${mode}): ${overdueNotices} overdue, ${dueSoonNotices} due soon, ${reminderJobs} reminder jobs`);
    return { overdueNotices, dueSoonNotices, reminderJobs };
  }

  /** Every open case overdue or due soon: one pass over the cases for both kinds. */
  private async fullNotices(em: EntityManager, now: Date, soon: Date): Promise<NoticeCounts> {
    const added = await this.notices.insertNotices(em, 'both', now, soon);
    return this.addOverdueEvents(em, now, added, 'overdue cases');
  }

  /**
   * Only what changed since the last run: deadlines that have since passed (or come within the due-soon
   * window), and cases changed since then (a deadline may have moved: one pass for both kinds, since
   * each changed case costs a read of its row).
   */
  private async incrementalNotices(em: EntityManager, lastAt: Date, now: Date, soon: Date): Promise<NoticeCounts> {
    const lastSoonEdge = DateTime.fromJSDate(lastAt).plus({ days: this.policy.dueSoonDays }).toJSDate();
    const added =
      (await this.notices.insertNotices(em, 'overdue', now, soon, { dueFrom: lastAt })) +
      (await this.notices.insertNotices(em, 'due-soon', now, soon, { dueFrom: lastSoonEdge })) +
      (await this.notices.insertNotices(em, 'both', now, soon, { changedSince: lastAt }));
    return this.addOverdueEvents(em, now, added, 'new notices');
  }

  /**
   * The timeline events of the overdue notices just added. Each overdue notice created now gets exactly
   * one event, so the events added count those notices; the rest of the notices added are due soon.
   */
  private async addOverdueEvents(em: EntityManager, now: Date, added: number, from: OverdueSource): Promise<NoticeCounts> {
    const overdue = added ? await this.changes.urgeOverdueIn(em, now, from) : 0;
    return { overdue, dueSoon: added - overdue };
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
