import { Injectable } from '@nestjs/common';
import { minusUtcMonths } from '../common/time/utc-months.js';
import { CaseRepository } from './case.repository.js';

/** Repeat petitions (重复信访) count the petitioner's earlier cases received within this many months. */
export const REPEAT_WINDOW_MONTHS = 12;
const CLUSTER_WINDOW_DAYS = 30;

export interface DerivedFacts {
  repeatCount: number;
  similarOpenCases: number;
  relatedDissatisfied: boolean;
}

export interface FactSubject {
  receivedAt: Date;
  category: string;
  region: string;
  petitionerIdHash: string | null;
  petitionerPhoneHash: string | null;
  /** The same ID number's and phone's hashes under keys being rotated away (earlier rows may still carry them). */
  previousIdHashes?: string[];
  previousPhoneHashes?: string[];
  relatedCaseIds: string[];
}

/**
 * The derived facts of docs/domain.md, computed once per evaluation from the stored cases:
 * `repeatCount` (earlier cases of the same petitioner or linked, 12 months before receipt),
 * `similarOpenCases` (other open cases, same category and region, last 30 days),
 * `relatedDissatisfied` (one of those earlier cases ended with a dissatisfied petitioner).
 */
@Injectable()
export class CaseFactsService {
  constructor(private readonly repo: CaseRepository) {}

  async derive(subject: FactSubject, asOf: Date, excludeCaseId?: string): Promise<DerivedFacts> {
    const counts = await this.repo.factCounts({
      idHashes: subject.petitionerIdHash ? [subject.petitionerIdHash, ...(subject.previousIdHashes ?? [])] : [],
      phoneHashes: subject.petitionerPhoneHash ? [subject.petitionerPhoneHash, ...(subject.previousPhoneHashes ?? [])] : [],
      relatedIds: subject.relatedCaseIds,
      since: minusUtcMonths(subject.receivedAt, REPEAT_WINDOW_MONTHS),
      before: asOf,
      category: subject.category,
      region: subject.region,
      clusterSince: new Date(asOf.getTime() - CLUSTER_WINDOW_DAYS * 86_400_000),
      excludeId: excludeCaseId,
    });
    return { repeatCount: counts.priorCount, similarOpenCases: counts.similarOpen, relatedDissatisfied: counts.anyDissatisfied };
  }
}
