import { DateTime, IANAZone } from 'luxon';
import type { WorkingCalendar } from '../common/time/working-calendar.js';
import { daysBetween, localTime } from '../common/time/zoned-time.js';
import { DEFAULT_SIGN_DAYS, type DeadlinePolicy } from '../domain/office-policy.js';
import { CaseErrors } from './case.errors.js';

/** Bound on the memo of deadline instants per last day (a few years of days). */
const MAX_MEMO_DAYS = 4_000;

/**
 * Statutory deadlines of a petition case (信访工作条例 2022). Every number is policy
 * (`config/policy.json`), none is code.
 *
 * Counting rule (Chinese administrative practice, cf. 民法典 arts. 201–203):
 * - a period of N days starts the day after the start event: last day = local start date + N;
 * - a period of months ends on the corresponding day of the target month (or its last day
 *   when there is none: 08-31 + 2 months = 10-31);
 * - when the last day is not a working day (statutory holiday, or a weekend that is not a
 *   make-up workday) it moves to the next working day;
 * - the deadline instant is the end of that local day (23:59:59.999 in `timeZone`), as UTC.
 */
export class DeadlineCalculator {
  /** Last day (`YYYY-MM-DD`) → end of the first working day from it: the calendar and zone never change. */
  private readonly endOfWorkingDayMemo = new Map<string, Date>();

  constructor(
    private readonly policy: DeadlinePolicy,
    private readonly calendar: WorkingCalendar,
  ) {
    if (!IANAZone.isValidZone(policy.timeZone)) throw new Error(`invalid time zone "${policy.timeZone}"`);
  }

  /** The policy in force (day counts, time zone), e.g. to show limits to users. */
  limits(): Readonly<DeadlinePolicy> {
    const p = this.policy;
    return {
      acceptDays: p.acceptDays,
      handleDays: p.handleDays,
      supervisedReplyMonths: p.supervisedReplyMonths,
      extensionMaxDays: p.extensionMaxDays,
      resupervisionDays: p.resupervisionDays,
      reviewRequestDays: p.reviewRequestDays,
      dueSoonDays: p.dueSoonDays,
      timeZone: p.timeZone,
    };
  }

  /** Decide on acceptance and tell the petitioner (default 15 days after registration). */
  acceptDue(registeredAt: Date, days: number = this.policy.acceptDays): Date {
    return this.afterDays(registeredAt, days);
  }

  /** Handle the case (default 60 days after acceptance). */
  handleDue(acceptedAt: Date, days: number = this.policy.handleDays): Date {
    return this.afterDays(acceptedAt, days);
  }

  /** Supervised item: reply within N calendar months of the transfer (default 2). */
  supervisedReplyDue(transferredAt: Date, months: number = this.policy.supervisedReplyMonths): Date {
    assertPositiveInteger('months', months);
    const lastDay = DateTime.fromISO(this.localDate(transferredAt), { zone: 'UTC' }).plus({ months });
    return this.endOfWorkingDay(lastDay.toISODate() as string);
  }

  /** The one extension: N more calendar days counted from the current deadline's day. */
  extend(currentDue: Date, days: number): Date {
    const max = this.policy.extensionMaxDays;
    if (!Number.isInteger(days) || days < 1 || days > max) {
      throw CaseErrors.extensionTooLong(days, max);
    }
    return this.afterDays(currentDue, days);
  }

  /**
   * 签收期限: the handling unit signs within N working days of the routing (default 3): the end of the
   * N-th working day after the routing's day.
   */
  signDue(routedAt: Date, days: number = this.policy.signDays ?? DEFAULT_SIGN_DAYS): Date {
    assertPositiveInteger('days', days);
    let day = this.localDate(routedAt);
    for (let i = 0; i < days; i++) day = this.calendar.nextWorkingDay(nextDate(day));
    return this.endOfWorkingDay(day);
  }

  /** Re-supervision (再督办): a new reply deadline (default 30 days). */
  resupervisionDue(at: Date, days: number = this.policy.resupervisionDays): Date {
    return this.afterDays(at, days);
  }

  /** Last day for a dissatisfied petitioner to ask for review (复查), default 30 days after the reply. */
  reviewRequestDue(repliedAt: Date, days: number = this.policy.reviewRequestDays): Date {
    return this.afterDays(repliedAt, days);
  }

  /** Whole local days from today to the deadline's day: 0 on the last day, negative when overdue. */
  daysLeft(due: Date, now: Date): number {
    return daysBetween(this.localDate(now), this.localDate(due));
  }

  isOverdue(due: Date, now: Date): boolean {
    return now.getTime() > due.getTime();
  }

  /** Not overdue and at most `dueSoonDays` local days left. */
  isDueSoon(due: Date, now: Date): boolean {
    return !this.isOverdue(due, now) && this.daysLeft(due, now) <= this.policy.dueSoonDays;
  }

  /** False when the deadline's year has no holiday data: the date may move once it is published. */
  hasCalendarDataFor(due: Date): boolean {
    return this.calendar.hasDataForYear(Number(this.localDate(due).slice(0, 4)));
  }

  private afterDays(start: Date, days: number): Date {
    assertPositiveInteger('days', days);
    const lastDay = new Date(Date.parse(`${this.localDate(start)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    return this.endOfWorkingDay(lastDay);
  }

  /** Local calendar date (`YYYY-MM-DD`) of an instant in the office's time zone. */
  private localDate(at: Date): string {
    return localTime(at, this.policy.timeZone).date;
  }

  /** The end (23:59:59.999 local) of the first working day on or after `lastDay`, as an instant. */
  private endOfWorkingDay(lastDay: string): Date {
    let end = this.endOfWorkingDayMemo.get(lastDay);
    if (!end) {
      const working = this.calendar.nextWorkingDay(lastDay);
      end = DateTime.fromISO(working, { zone: this.policy.timeZone }).endOf('day').toUTC().toJSDate();
      if (this.endOfWorkingDayMemo.size >= MAX_MEMO_DAYS) this.endOfWorkingDayMemo.clear();
      this.endOfWorkingDayMemo.set(lastDay, end);
    }
    return new Date(end.getTime());
  }
}

/** The calendar day after `YYYY-MM-DD`. */
function nextDate(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function assertPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
}
