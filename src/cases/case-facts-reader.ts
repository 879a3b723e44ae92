import { Injectable } from '@nestjs/common';
import type { CaseFacts } from '../rules/evaluation.types.js';
import { storedCaseFacts } from './case-facts.js';
import { CaseSimulationRepository, type SimulationFilter } from './case-simulation.repository.js';

export type { SimulationFilter } from './case-simulation.repository.js';

/** A stored case as a rule simulation sees it: the facts the rules read, and what an example shows. */
export interface CaseWithFacts {
  id: string;
  code: string;
  subject: string;
  facts: CaseFacts;
}

/**
 * The read port `cases` offers for rule simulation (exported by `CasesModule`): the stored cases in
 * scope, in primary-key order, one batch at a time, each with the facts a rule set would see now
 * (the derived facts as stored at intake).
 */
@Injectable()
export class CaseFactsReader {
  constructor(private readonly rows: CaseSimulationRepository) {}

  /**
   * At most `size` cases after `afterId` (null: from the start). `withText`: load `content` too
   * (some rule reads free text; it is the bulk of a row).
   */
  async batch(filter: SimulationFilter, afterId: string | null, size: number, withText: boolean, now: Date): Promise<CaseWithFacts[]> {
    const rows = await this.rows.batch(filter, afterId, size, withText);
    return rows.map((c) => ({
      id: c.id,
      code: c.code,
      subject: c.subject,
      facts: storedCaseFacts(c, { repeatCount: c.repeatCount, similarOpenCases: c.similarOpenCases, relatedDissatisfied: c.relatedDissatisfied }, now),
    }));
  }

  /** How many stored cases are in scope (a simulation job's `total`). */
  count(filter: SimulationFilter): Promise<number> {
    return this.rows.count(filter);
  }

  /** The subjects of these cases, by id (unknown ids left out). */
  subjects(ids: string[]): Promise<Map<string, string>> {
    return this.rows.subjects(ids);
  }
}
