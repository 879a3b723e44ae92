import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseFacts, Evaluation } from '../rules/evaluation.types.js';
import { CaseChanges, type RegradeOutcome } from './case-changes.js';
import type { PetitionCase } from './case.entity.js';
import { storedCaseFacts } from './case-facts.js';
import { CaseRepository } from './case.repository.js';

export type { RegradeOutcome } from './case-changes.js';

/**
 * The port `cases` offers for re-grading after a publish or rollback (exported by `CasesModule`): the
 * open cases not yet routed, their facts, and the one way to give such a case a new grade, through the
 * owner of case changes (`CaseChanges.regrade`): the state machine allows it only before routing, the
 * case's version is bumped, the accept deadline follows the new set, and a change of grade, route or
 * meeting is a `regrade` timeline event, in one transaction.
 */
@Injectable()
export class CaseRegrading {
  constructor(
    private readonly repo: CaseRepository,
    private readonly changes: CaseChanges,
  ) {}

  /** Open cases not yet routed (registered, accepted) graded by another version, in id order after `afterId`. */
  candidates(version: number, afterId: string | null, limit: number): Promise<PetitionCase[]> {
    return this.repo.unroutedGradedBefore(version, afterId, limit);
  }

  /** How many candidates there are now (the re-grade's total, read before the first page). */
  countCandidates(version: number): Promise<number> {
    return this.repo.countUnroutedGradedBefore(version);
  }

  /** The facts of a stored case as a rule set sees them now, from the derived facts stored at intake. */
  factsOf(c: PetitionCase, now: Date): CaseFacts {
    return storedCaseFacts(c, { repeatCount: c.repeatCount, similarOpenCases: c.similarOpenCases, relatedDissatisfied: c.relatedDissatisfied }, now);
  }

  /**
   * Gives `c` the grade, route and meeting of `evaluation`. Refused when the case changed since it was
   * read (or was routed meanwhile), or when `stillValid` (asked first, inside the same transaction) says
   * no: a re-grade overtaken by a newer publish or rollback must not overwrite the grades the newer set gave.
   */
  applyGrade(c: PetitionCase, evaluation: Evaluation, now: Date, stillValid: (em: EntityManager) => Promise<boolean>): Promise<RegradeOutcome> {
    return this.changes.regrade(c, evaluation, now, stillValid);
  }
}
