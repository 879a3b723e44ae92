import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Policy } from '../../config/policy.js';
import { Clock } from '../common/clock.js';
import { POLICY } from '../common/tokens.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { OutboxRelay } from '../jobs/outbox-relay.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import { CaseNoticeRepository } from './case-notice.repository.js';

export interface SweepResult {
  overdueNotices: number;
  dueSoonNotices: number;
  reminderJobs: number;
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
    // Set-based: the database finds and inserts what is due in one statement per kind, whatever the
    // number of open cases; the unique key on (case, kind, deadline) makes a second run add nothing.
    const { overdueNotices, dueSoonNotices } = await this.tx.run(async (em) => {
      const overdue = await this.notices.insertNotices(em, 'overdue', null, now, now);
      if (overdue) await this.notices.insertOverdueEvents(em, now);
      return { overdueNotices: overdue, dueSoonNotices: await this.notices.insertNotices(em, 'due-soon', now, soon, now) };
    });
    const reminderJobs = await this.enqueueReminders(now);
    this.logger.log(`sweep: ${overdueNotices} overdue, ${dueSoonNotices} due soon, ${reminderJobs} reminder jobs`);
    return { overdueNotices, dueSoonNotices, reminderJobs };
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
