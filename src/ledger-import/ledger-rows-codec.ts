import type { Cell } from './ledger-values.js';

/** Rows as JSON with their date cells kept as dates (`{"$d": ms}`), for the encrypted chunks of an upload. */
export function encodeRows(rows: readonly Cell[][]): string {
  return JSON.stringify(rows.map((row) => row.map((c) => (c instanceof Date ? { $d: c.getTime() } : (c ?? null)))));
}

export function decodeRows(json: string): Cell[][] {
  const rows = JSON.parse(json) as unknown[][];
  return rows.map((row) =>
    row.map((c): Cell => {
      if (c !== null && typeof c === 'object') return new Date(Number((c as { $d: unknown }).$d));
      return c as Cell;
    }),
  );
}
