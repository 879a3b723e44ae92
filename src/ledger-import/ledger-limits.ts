/** Limits of one ledger import (docs/ledger-import.md). */
export const LEDGER_LIMITS = {
  /** Upload size: 10^5 rows of a typical ledger are 8–12 MB as .xlsx, 15–25 MB as .csv. */
  maxBytes: 40 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 100,
  /** Rows kept per encrypted chunk of a batch. */
  chunkRows: 5_000,
  /** Cases written per transaction of a commit. */
  commitBatch: 2_000,
  /** Rows listed in a dry-run report (invalid, duplicate, looks-like-repeat); the counts cover all. */
  reportRows: 5_000,
} as const;
