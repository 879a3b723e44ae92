import { Injectable } from '@nestjs/common';
import type { CaseEvent } from './case-event.entity.js';
import { CaseEventRepository } from './case-event.repository.js';
import type { PetitionCase } from './case.entity.js';
import { CaseRepository } from './case.repository.js';
import type { LedgerFilter } from './ledger-filter.js';

/** A closed transferred case as the look-back reads it. */
export type ClosedTransferredCase = Pick<PetitionCase, 'id' | 'code' | 'routeHandledBy' | 'repliedOnTime' | 'feedback' | 'resupervisionCount' | 'closedAt'>;

/**
 * What other modules read of cases (exported by `CasesModule`; the repositories stay private): meetings
 * and the planner, the look-back, invites and briefs, the ledger export. Writes go through `CaseChanges`.
 */
@Injectable()
export class CaseReader {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: CaseEventRepository,
  ) {}

  findById(id: string): Promise<PetitionCase | null> {
    return this.cases.findById(id);
  }

  findManyByIds(ids: string[]): Promise<PetitionCase[]> {
    return this.cases.findManyByIds(ids);
  }

  /** The timelines of many cases, oldest event first. */
  timelines(caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
    return this.events.timelines(caseIds);
  }

  /** Open cases the rules sent to a meeting of these types, most urgent first, one page at a time. */
  meetingCandidates(types: string[], offset: number, limit: number): Promise<PetitionCase[]> {
    return this.cases.meetingCandidates(types, offset, limit);
  }

  /** The open cases of one category and region received since `since` (an emerging cluster). */
  openInCluster(category: string, region: string, since: Date): Promise<PetitionCase[]> {
    return this.cases.openInCluster(category, region, since);
  }

  /** Open cases in these leaders' charge and of repeat petitioners without a leader in charge (reception days), soonest deadline first. */
  receptionCandidates(leaderIds: string[], limit: number): Promise<PetitionCase[]> {
    return this.cases.receptionCandidates(leaderIds, limit);
  }

  /** Cases being dealt with per leader in charge. */
  openLoadByLeader(): Promise<Map<string, number>> {
    return this.cases.openLoadByLeader();
  }

  /** Transferred cases (incl. supervised items) closed in [from, to). */
  closedTransferred(from: Date, to: Date): Promise<ClosedTransferredCase[]> {
    return this.cases.closedTransferred(from, to);
  }

  /** One batch of the ledger in code order after `afterCode`, with the ledger's filters (the export's columns only). */
  exportBatch(filter: LedgerFilter, now: Date, afterCode: string | null, size: number): Promise<PetitionCase[]> {
    return this.cases.exportBatch(filter, now, afterCode, size);
  }
}
