import type { CaseStatus, Category, Grade } from '../domain/case-vocabulary.js';

/** The ledger's filters (台账: `GET /cases` and its CSV export), as the repository applies them. */
export interface LedgerFilter {
  status?: CaseStatus;
  grade?: Grade;
  category?: Category;
  region?: string;
  unit?: string;
  overdue?: boolean;
  /** 签收超期: routed, not signed, the sign deadline passed (true), or not in that state (false). */
  signOverdue?: boolean;
  dueBefore?: Date;
  /** Received in [receivedFrom, receivedTo) (the report window of the CSV export). */
  receivedFrom?: Date;
  receivedTo?: Date;
  q?: string;
  flag?: string;
  /** Only the cases this leader is in charge of (包案): the `leadLeaderId` query, e.g. a leader's 我的包案. */
  inChargeOf?: string;
  /** Access scope of a leader: restricts to cases he or she is in charge of… */
  leadLeaderId?: string;
  /** …or that are among these (the cases on confirmed or held meetings the leader attends). */
  alsoCaseIds?: string[];
  /** Access scope of a unit account: only the cases routed or transferred to this unit (its current handling unit). */
  routedTo?: string;
}
