import { minusUtcMonths } from '../common/time/utc-months.js';
import type { FieldProblem, LedgerRow, RowCheck } from './ledger-row.js';

/** Earlier cases of the petitioner count as repeats within this many months before receipt (as intake: REPEAT_WINDOW_MONTHS). */
export const REPEAT_WINDOW_MONTHS = 12;

export type RowOutcome = 'create' | 'invalid' | 'duplicate';

export interface ReportCounts {
  total: number;
  create: number;
  invalid: number;
  duplicate: number;
  /** Rows to create whose petitioner has an earlier case (stored, or an earlier row of the file). */
  repeats: number;
}

export interface ReportRow {
  rowNumber: number;
  outcome: RowOutcome;
  externalCode: string | null;
  problems: FieldProblem[];
  /** duplicate: the row number of the same row earlier in the file, or the case already imported. */
  duplicateOfRow: number | null;
  duplicateOfCaseId: string | null;
  /** create: the petitioner's earlier cases (stored / earlier rows of the file); null when none. */
  repeat: { existingCases: number; earlierRows: number } | null;
}

/** A row that will be created, with what the case stores of it. */
export interface PlannedRow {
  row: LedgerRow;
  importKey: string;
  idHash: string | null;
  phoneHash: string | null;
  /** Earlier cases of the same petitioner within the repeat window (the case's `repeatCount`). */
  repeatCount: number;
}

/** The petitioner of a checked row as lookup hashes, and its import key. */
export interface RowIdentity {
  importKey: string;
  idHash: string | null;
  phoneHash: string | null;
}

/** A stored case of a petitioner found by lookup hash. */
export interface StoredCase {
  id: string;
  receivedAt: Date;
}

export interface LedgerPlan {
  counts: ReportCounts;
  /** Every row that is not a plain creation (invalid, duplicate, looks like a repeat), in file order. */
  rows: ReportRow[];
  create: PlannedRow[];
}

/**
 * The dry run's verdict on every row, pure: invalid rows (their reasons), duplicates (an import key already
 * imported, or seen earlier in this file), and the rest to create, each counted as a repeat when the same
 * petitioner (ID number or phone, by lookup hash) has a stored case or another row received before it.
 */
export function planLedger(
  checks: readonly RowCheck[],
  identityOf: (row: LedgerRow) => RowIdentity,
  imported: ReadonlyMap<string, string>,
  storedByPetitioner: ReadonlyMap<string, readonly StoredCase[]>,
): LedgerPlan {
  const rows: ReportRow[] = [];
  const create: PlannedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  const counts: ReportCounts = { total: checks.length, create: 0, invalid: 0, duplicate: 0, repeats: 0 };
  const base = { externalCode: null, problems: [], duplicateOfRow: null, duplicateOfCaseId: null, repeat: null };
  for (const check of checks) {
    if (!check.ok) {
      counts.invalid++;
      rows.push({ ...base, rowNumber: check.rowNumber, outcome: 'invalid', externalCode: check.externalCode ?? null, problems: check.problems });
      continue;
    }
    const identity = identityOf(check.row);
    const caseId = imported.get(identity.importKey) ?? null;
    const earlierRow = firstRowOfKey.get(identity.importKey) ?? null;
    if (caseId !== null || earlierRow !== null) {
      counts.duplicate++;
      rows.push({ ...base, rowNumber: check.row.rowNumber, outcome: 'duplicate', externalCode: check.row.externalCode, duplicateOfRow: earlierRow, duplicateOfCaseId: caseId });
      continue;
    }
    firstRowOfKey.set(identity.importKey, check.row.rowNumber);
    create.push({ row: check.row, ...identity, repeatCount: 0 });
  }
  countRepeats(create, storedByPetitioner, rows, counts);
  counts.create = create.length;
  rows.sort((a, b) => a.rowNumber - b.rowNumber);
  return { counts, rows, create };
}

/** Earlier cases of each row's petitioner: stored ones and other rows to create, received before it. */
function countRepeats(create: PlannedRow[], stored: ReadonlyMap<string, readonly StoredCase[]>, rows: ReportRow[], counts: ReportCounts): void {
  const byPetitioner = new Map<string, PlannedRow[]>();
  for (const p of create) {
    for (const hash of hashesOf(p)) {
      const list = byPetitioner.get(hash);
      if (list) list.push(p);
      else byPetitioner.set(hash, [p]);
    }
  }
  for (const p of create) {
    const at = p.row.receivedAt.getTime();
    const since = minusUtcMonths(p.row.receivedAt, REPEAT_WINDOW_MONTHS).getTime();
    const before = (other: PlannedRow): boolean => other !== p && (other.row.receivedAt.getTime() < at || (other.row.receivedAt.getTime() === at && other.row.rowNumber < p.row.rowNumber));
    const earlier = new Set<PlannedRow>();
    let inWindow = 0;
    for (const hash of hashesOf(p)) {
      for (const other of byPetitioner.get(hash) ?? []) if (before(other)) earlier.add(other);
    }
    const storedEarlier = new Map<string, number>();
    for (const hash of hashesOf(p)) for (const c of stored.get(hash) ?? []) if (c.receivedAt.getTime() < at) storedEarlier.set(c.id, c.receivedAt.getTime());
    const existing = storedEarlier.size;
    for (const other of earlier) if (other.row.receivedAt.getTime() >= since) inWindow++;
    for (const t of storedEarlier.values()) if (t >= since) inWindow++;
    p.repeatCount = inWindow;
    if (existing || earlier.size) {
      counts.repeats++;
      rows.push({ rowNumber: p.row.rowNumber, outcome: 'create', externalCode: p.row.externalCode, problems: [], duplicateOfRow: null, duplicateOfCaseId: null, repeat: { existingCases: existing, earlierRows: earlier.size } });
    }
  }
}

const hashesOf = (p: Pick<PlannedRow, 'idHash' | 'phoneHash'>): string[] => [p.idHash, p.phoneHash].filter((h): h is string => h !== null);
