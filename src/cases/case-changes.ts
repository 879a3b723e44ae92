import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../domain/actor.js';
import { CASE_STATUSES } from '../domain/case-vocabulary.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Evaluation } from '../rules/evaluation.types.js';
import { caseEvent, type EventActor, overdueUrgeEvent, type OverdueRow } from './case-events.js';
import type { CaseEvent } from './case-event.entity.js';
import { CaseEventRepository } from './case-event.repository.js';
import type { PetitionCase } from './case.entity.js';
import { CaseErrors } from './case.errors.js';
import { CaseNoticeRepository, type OverdueSource } from './case-notice.repository.js';
import { CaseRepository } from './case.repository.js';
import { OfficeSettings } from '../settings/office-settings.js';
import type { DeadlineCalculator } from './deadlines.js';
import { deadlinesOf } from './office-deadlines.js';
import { transitionOf, type TimelineAction } from './lifecycle.js';
import { type ConversionRecord, type MeetingOutcomeRecord, planConversion, planMeetingOutcome, planRegrade } from './recorded-changes.js';

/** One change to a case: what happened (a timeline action), the fields it changes, and what the timeline says. */
export interface CaseChange {
  action: TimelineAction;
  /** Field changes; `status` comes from the state machine, `version` and `updatedAt` from the owner. */
  fields: Partial<PetitionCase>;
  reason: string | null;
  /** Details for the timeline; never personal data of the petitioner. */
  data: Record<string, unknown>;
}

/** Who changes the case, and when. */
export interface ChangeAuthor {
  actor: EventActor;
  at: Date;
}

/**
 * Which case: as the caller read it (its `version` is the one expected: optimistic), or by id, read
 * inside the transaction under a row lock (MySQL; SQLite runs write transactions one at a time), with
 * an optional expected version.
 */
export type CaseTarget = PetitionCase | { id: string; expectedVersion?: number };

/** A change described against the case as it is (e.g. a lifecycle plan, or a deadline it replaces). */
export type ChangeBuilder = CaseChange | ((current: PetitionCase) => CaseChange | Promise<CaseChange>);

export interface RecordedChange {
  /** The case after the change (the version bumped). */
  after: PetitionCase;
  event: CaseEvent;
}

/** What became of one case in a re-grade: a new grade, route or meeting (with an event), the same, or refused. */
export type RegradeOutcome = 'changed' | 'unchanged' | 'refused';

/**
 * The one owner of changes to a case (docs/architecture.md). Every path (intake, case actions, leader
 * assignment, meeting outcomes, conversions, re-grades, the deadline sweep) records its change here:
 * the lifecycle's state machine checks the transition (`transitionOf`, 409 `CASE_INVALID_TRANSITION`),
 * the update bumps `version` only if nobody changed the case since it was read (409
 * `CASE_CHANGED_CONCURRENTLY`), and the timeline event (built by `caseEvent`) is written in the same
 * transaction: the caller's (`…In(em, …)`), or one of its own. The sweep's bulk urge keeps the version
 * (see `urgeOverdueIn`).
 */
@Injectable()
export class CaseChanges {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: CaseEventRepository,
    private readonly notices: CaseNoticeRepository,
    private readonly settings: OfficeSettings,
    private readonly tx: TransactionRunner,
  ) {}

  /** The calculator of the office settings in force now (a new version applies from the next computation). */
  private get deadlines(): DeadlineCalculator {
    return deadlinesOf(this.settings);
  }

  /** Records one change in a transaction of its own. */
  record(target: CaseTarget, change: ChangeBuilder, by: ChangeAuthor): Promise<RecordedChange> {
    return this.tx.run((em) => this.recordIn(em, target, change, by));
  }

  /** Records one change inside the caller's transaction. */
  async recordIn(em: EntityManager, target: CaseTarget, change: ChangeBuilder, by: ChangeAuthor): Promise<RecordedChange> {
    const current = await this.resolve(em, target);
    const planned = typeof change === 'function' ? await change(current) : change;
    const recorded = await this.apply(em, current, planned, by, true);
    return recorded as RecordedChange;
  }

  /** 会议要求 on a case of the meeting's agenda, in the meeting's transaction (the case read under a lock). */
  recordMeetingOutcomeIn(em: EntityManager, caseId: string, outcome: MeetingOutcomeRecord, by: ChangeAuthor): Promise<RecordedChange> {
    return this.recordIn(em, { id: caseId }, (current) => planMeetingOutcome(current, outcome), by);
  }

  /** 四个转化, in the caller's transaction (the conversion row commits with its event). */
  recordConversionIn(em: EntityManager, current: PetitionCase, conversion: ConversionRecord, by: ChangeAuthor): Promise<RecordedChange> {
    return this.recordIn(em, current, planConversion(conversion), by);
  }

  /**
   * Gives a case not yet routed the grade, route and meeting of a new rule set's `evaluation`, by the
   * system. Refused when the case changed since it was read, is routed by now, or `stillValid` (asked
   * first, in the same transaction) says no: a re-grade overtaken by a newer publish or rollback must not
   * overwrite the grades the newer set gave. A changed grade, route or meeting is a `regrade` event; an
   * unchanged one only records the new set's version on the case (no event).
   */
  async regrade(current: PetitionCase, evaluation: Evaluation, at: Date, stillValid: (em: EntityManager) => Promise<boolean> = () => Promise.resolve(true)): Promise<RegradeOutcome> {
    const plan = planRegrade(current, evaluation, this.deadlines);
    return this.tx.run(async (em) => {
      if (!(await stillValid(em))) return 'refused';
      try {
        await this.apply(em, current, plan, { actor: SYSTEM_ACTOR, at }, plan.changed);
      } catch (error) {
        if (isRefusal(error)) return 'refused';
        throw error;
      }
      return plan.changed ? 'changed' : 'unchanged';
    });
  }

  /**
   * Intake: new cases (version 1) with their `register` events, in the caller's transaction (the
   * registration writer's group commit: one multi-row INSERT per table).
   */
  async registerIn(em: EntityManager, cases: PetitionCase[], events: CaseEvent[]): Promise<void> {
    cases.forEach((c, i) => {
      const e = events[i];
      if (c.version !== 1 || e.caseId !== c.id || e.caseVersion !== 1 || e.action !== 'register' || transitionOf('register', null) !== c.status || e.toStatus !== c.status) {
        throw new Error(`registration of case ${c.id} must start at version 1 with its register event`);
      }
    });
    await this.cases.insertMany(em, cases);
    await this.events.append(em, events);
  }

  /**
   * 台账导入: cases of an office's existing ledger (version 1, in the status the ledger recorded) with
   * their `import` events, in the caller's transaction (one multi-row INSERT per table, like `registerIn`).
   */
  async importIn(em: EntityManager, cases: PetitionCase[], events: CaseEvent[]): Promise<void> {
    cases.forEach((c, i) => {
      const e = events[i];
      if (c.version !== 1 || e.caseId !== c.id || e.caseVersion !== 1 || e.action !== 'import' || e.fromStatus !== null || !CASE_STATUSES.includes(c.status) || e.toStatus !== c.status) {
        throw new Error(`import of case ${c.id} must start at version 1 with its import event`);
      }
    });
    await this.cases.insertMany(em, cases);
    await this.events.append(em, events);
  }

  /**
   * The deadline sweep, in bulk: the system's `urge` event (`overdueUrgeEvent`, in the statuses the
   * lifecycle allows it: `AUTOMATIC_URGE_STATUSES`) for every overdue notice the run created, in one
   * statement whatever the number of cases; the event takes the notice's id, so a repeated or
   * overlapping run adds nothing twice. Returns the events added.
   *
   * The one exception to the version bump: an automatic urge changes no field of the case, and bumping
   * the rows of every overdue case rewrites most pages of the table (measured at 10^6 cases, 250,000
   * overdue: 16.7–17.9 s more, against a 10 s target for the whole sweep). The event takes the case's
   * current version and orders after its previous events by time; the next change bumps as usual.
   */
  async urgeOverdueIn(em: EntityManager, now: Date, from: OverdueSource): Promise<number> {
    const perRow: { [K in keyof OverdueRow]: string } = { id: 'n.id', caseId: 'n.caseId', caseVersion: 'c.version', status: 'c.status', unitCode: 'n.unitCode' };
    return this.events.insertSelected(em, (row: OverdueRow) => overdueUrgeEvent(row, now), perRow, this.notices.overdueCreatedAt(em, now, from));
  }

  private async resolve(em: EntityManager, target: CaseTarget): Promise<PetitionCase> {
    if ('code' in target) return target;
    const current = await this.cases.findForUpdate(em, target.id);
    if (!current) throw CaseErrors.notFound();
    if (target.expectedVersion !== undefined && target.expectedVersion !== current.version) throw CaseErrors.changedConcurrently();
    return current;
  }

  private async apply(em: EntityManager, current: PetitionCase, change: CaseChange, by: ChangeAuthor, withEvent: boolean): Promise<RecordedChange | null> {
    const toStatus = transitionOf(change.action, current.status);
    const fields: Partial<PetitionCase> = { ...change.fields, status: toStatus, updatedAt: by.at };
    if (!(await this.cases.update(em, current.id, current.version, fields))) throw CaseErrors.changedConcurrently();
    const after: PetitionCase = { ...current, ...fields, version: current.version + 1 };
    if (!withEvent) return null;
    const event = caseEvent({
      caseId: current.id,
      caseVersion: after.version,
      action: change.action,
      fromStatus: current.status,
      toStatus,
      actor: by.actor,
      at: by.at,
      reason: change.reason,
      data: change.data,
    });
    await this.events.append(em, [event]);
    return { after, event };
  }
}

function isRefusal(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'CASE_CHANGED_CONCURRENTLY' || code === 'CASE_INVALID_TRANSITION';
}
