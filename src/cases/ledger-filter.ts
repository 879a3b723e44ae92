import type { CaseStatus, Category, Grade } from '../domain/case-vocabulary.js';

/** The ledger's filters (台账: `GET /cases` and its CSV export), as the repository applies them. */
export interface LedgerFilter {
  status?: CaseStatus;
  grade?: Grade;
  category?: Category;
  region?: string;
  unit?: string;
  overdue?: boolean;
  dueBefore?: Date;
  q?: string;
  flag?: string;
  /** Restricts to cases a leader is in charge of… */
  leadLeaderId?: string;
  /** …or that are among these (the cases on confirmed or held meetings the leader attends). */
  alsoCaseIds?: string[];
}
