import { readSheet } from 'read-excel-file/node';
import { decodeCsv, parseCsv } from './ledger-csv.js';
import { LedgerImportErrors } from './ledger-import.errors.js';
import { LEDGER_LIMITS } from './ledger-limits.js';
import type { Cell } from './ledger-values.js';

export type LedgerFormat = 'xlsx' | 'csv';

/** A ledger file as read: its headers (made unique and non-empty) and its data rows. */
export interface LedgerSheet {
  format: LedgerFormat;
  encoding: 'utf-8' | 'gb18030' | null;
  headers: string[];
  rows: Cell[][];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads an .xlsx (first sheet) or a .csv, told apart by content, not by name; throws the 4xx DomainErrors. */
export async function readLedgerFile(buffer: Buffer): Promise<LedgerSheet> {
  if (buffer.length === 0) throw LedgerImportErrors.empty();
  if (buffer.subarray(0, 4).equals(OLE)) throw LedgerImportErrors.unsupportedType();
  let format: LedgerFormat;
  let encoding: LedgerSheet['encoding'] = null;
  let table: Cell[][];
  if (buffer.subarray(0, 4).equals(ZIP)) {
    format = 'xlsx';
    try {
      table = (await readSheet(buffer)) as Cell[][];
    } catch {
      throw LedgerImportErrors.unreadable();
    }
  } else {
    if (buffer.subarray(0, 8192).includes(0)) throw LedgerImportErrors.unsupportedType();
    format = 'csv';
    const decoded = decodeCsv(buffer);
    encoding = decoded.encoding;
    try {
      table = parseCsv(decoded.text);
    } catch {
      throw LedgerImportErrors.unreadable();
    }
  }
  const start = table.findIndex((row) => row.some((c) => c !== null && String(c).trim() !== ''));
  if (start < 0 || start === table.length - 1) throw LedgerImportErrors.empty();
  const width = Math.max(...table.slice(start, start + 50).map((r) => r.length));
  if (width > LEDGER_LIMITS.maxColumns) throw LedgerImportErrors.tooManyColumns(LEDGER_LIMITS.maxColumns);
  const rows = table.slice(start + 1).filter((row) => row.some((c) => c !== null && String(c).trim() !== ''));
  if (rows.length === 0) throw LedgerImportErrors.empty();
  if (rows.length > LEDGER_LIMITS.maxRows) throw LedgerImportErrors.tooManyRows(LEDGER_LIMITS.maxRows, rows.length);
  return { format, encoding, headers: uniqueHeaders(table[start], width), rows };
}

/** Header texts, trimmed; an empty one becomes 第N列, a repeated one gets (2), (3)… */
export function uniqueHeaders(cells: readonly Cell[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const text = (cells[i] === null || cells[i] === undefined ? '' : String(cells[i])).replace(/^\uFEFF/, '').trim().slice(0, 56) || `第${i + 1}列`;
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text}(${n})`;
  });
}
