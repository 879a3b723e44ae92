import { Injectable } from '@nestjs/common';
import type { MeetingOutcome } from './meeting-outcome.entity.js';
import { MeetingsRepository } from './meetings.repository.js';
import { type MeetingAggregate, type MeetingFilter } from './meeting-aggregate.js';

/**
 * What other modules read of meetings (exported by `MeetingsModule`; its repository stays private):
 * the calendar's invites and feeds, the reports' figures. Access rules stay with the caller's
 * `MeetingAccess` checks; changes go through `MeetingsService`.
 */
@Injectable()
export class MeetingReader {
  constructor(private readonly repo: MeetingsRepository) {}

  find(id: string): Promise<MeetingAggregate | null> {
    return this.repo.find(id);
  }

  list(filter: MeetingFilter): Promise<MeetingAggregate[]> {
    return this.repo.list(filter);
  }

  /** All outcomes recorded for these cases, newest first. */
  outcomesForCases(caseIds: string[]): Promise<MeetingOutcome[]> {
    return this.repo.outcomesForCases(caseIds);
  }

  /** Meetings starting in [from, to), counted by type and status. */
  countByTypeAndStatus(from: Date, to: Date): Promise<{ type: string; status: string; n: number }[]> {
    return this.repo.countByTypeAndStatus(from, to);
  }
}
