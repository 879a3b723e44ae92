/** Small statistics helpers: exact percentiles over raw samples, medians over runs. */

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export function median(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

/** A fixed-width text table for the console. */
export function table(rows: Record<string, string | number>[]): string {
  if (!rows.length) return '';
  const columns = Object.keys(rows[0]);
  const width = (c: string): number => Math.max(c.length, ...rows.map((r) => String(r[c]).length));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(width(columns[i]))).join('  ');
  return [line(columns), line(columns.map((c) => '-'.repeat(width(c)))), ...rows.map((r) => line(columns.map((c) => String(r[c]))))].join('\n');
}
