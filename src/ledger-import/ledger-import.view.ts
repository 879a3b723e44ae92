import { LEDGER_FIELDS, type LedgerMapping } from './ledger-fields.js';
import type { LedgerImport } from './ledger-import.entity.js';
import type { ReportCounts, ReportRow } from './ledger-report.js';

export interface LedgerFieldView {
  key: string;
  zh: string;
  en: string;
  required: boolean;
}

export interface LedgerImportView {
  id: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gb18030' | null;
  headers: string[];
  suggestedMapping: LedgerMapping;
  /** The mapping of the last dry run or commit (null before the first). */
  mapping: LedgerMapping | null;
  rowCount: number;
  status: LedgerImport['status'];
  counts: ReportCounts | null;
  createdCount: number;
  createdByName: string;
  createdAt: string;
  checkedAt: string | null;
  committedAt: string | null;
  /** The documented column layout, in order (the console's mapping table). */
  fields: LedgerFieldView[];
}

export interface LedgerReportView {
  import: LedgerImportView;
  counts: ReportCounts;
  /** Rows that are not a plain creation (invalid, duplicate, looks like a repeat), in file order, at most `reportRows`. */
  rows: ReportRow[];
  truncated: boolean;
}

export interface LedgerCommitView extends LedgerReportView {
  /** Cases created by this commit (0 when everything was imported before). */
  created: number;
}

export const FIELD_VIEWS: LedgerFieldView[] = LEDGER_FIELDS.map((f) => ({ key: f.key, zh: f.zh, en: f.en, required: f.required }));

export function importView(b: LedgerImport): LedgerImportView {
  return {
    id: b.id,
    fileName: b.fileName,
    format: b.format,
    encoding: b.encoding,
    headers: b.headers,
    suggestedMapping: b.suggestedMapping,
    mapping: b.mapping,
    rowCount: b.rowCount,
    status: b.status,
    counts: b.counts,
    createdCount: b.createdCount,
    createdByName: b.createdByName,
    createdAt: b.createdAt.toISOString(),
    checkedAt: b.checkedAt?.toISOString() ?? null,
    committedAt: b.committedAt?.toISOString() ?? null,
    fields: FIELD_VIEWS,
  };
}
