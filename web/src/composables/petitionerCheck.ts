import type { components } from '@/api/schema';
import { ApiError } from '@/api/errors';
import { problemsOf } from './intakeForm';

export type PetitionerHistory = components['schemas']['PetitionerHistoryResponse'];
export type LookupField = 'idNumber' | 'phone';
export type LookupBody = Partial<Record<LookupField, string>>;
type FormField = 'petitioner.idNumber' | 'petitioner.phone';

export interface CheckOutcome {
  /** The field's problem in words, or null when it passed (or was emptied). */
  problem: string | null;
  /** The petitioner's history by every number that passed; null: no hint; undefined: leave the hint as it is. */
  history: PetitionerHistory | null | undefined;
}

const FORM_FIELD: Record<LookupField, FormField> = { idNumber: 'petitioner.idNumber', phone: 'petitioner.phone' };

/**
 * The live check of the petitioner's ID number and phone (on leaving the field): the API checks the number
 * as intake would and answers the petitioner's cases of the last 12 months, found by every number that
 * passed so far. A failed lookup (network, 403) leaves things as they are: the hint is an aid, and intake
 * checks the numbers again.
 */
export class PetitionerCheck {
  private passed: LookupBody = {};
  private queue: Promise<unknown> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly lookup: (body: LookupBody) => Promise<PetitionerHistory>,
    private readonly language: () => string,
  ) {}

  /** Checks run one after another, so each lookup includes the numbers that passed before it; null once the form was reset meanwhile. */
  check(field: LookupField, value: string): Promise<CheckOutcome | null> {
    const generation = this.generation;
    const run = this.queue.then(() => (generation === this.generation ? this.run(field, value.trim()) : null));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A new form: nothing checked yet. */
  reset(): void {
    this.passed = {};
    this.generation++;
  }

  private async run(field: LookupField, text: string): Promise<CheckOutcome | null> {
    const generation = this.generation;
    const others: LookupBody = { ...this.passed };
    delete others[field];
    if (!text) {
      this.passed = others;
      if (!others.idNumber && !others.phone) return { problem: null, history: null };
    }
    const body: LookupBody = text ? { ...others, [field]: text } : others;
    try {
      const history = await this.lookup(body);
      if (generation !== this.generation) return null;
      this.passed = body;
      return { problem: null, history };
    } catch (error) {
      if (generation !== this.generation) return null;
      if (!(error instanceof ApiError) || error.status !== 400) return { problem: null, history: undefined };
      this.passed = others;
      const problems = problemsOf(error, this.language(), FORM_FIELD);
      return { problem: problems[FORM_FIELD[field]] ?? error.message, history: undefined };
    }
  }
}
