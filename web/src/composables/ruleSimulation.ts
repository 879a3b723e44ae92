/**
 * 试运行 (simulation) of a rule set: the run's progress, the before → after matrices as tables (rows the
 * version in force, columns this version, changed cells marked), the words of a cell's values, and the
 * polling of a run until it settles. The numbers are the API's; nothing is recounted here.
 */

export type Dimension = 'grade' | 'route' | 'meeting';
export const DIMENSIONS: readonly Dimension[] = ['grade', 'route', 'meeting'];

export interface Cell {
  from: string;
  to: string;
  count: number;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface SimulationRun {
  id: string;
  ruleSetId: string;
  version: number;
  activeVersion: number;
  status: RunStatus;
  scanned: number;
  total: number;
  error: string | null;
  createdAt?: string;
  report: null | { scanned: number; changed: number; matrix: Record<Dimension, Cell[]> };
}

export interface Matrix {
  rows: string[];
  columns: string[];
  /** count[row][column], 0 where the API sent no cell. */
  count: Record<string, Record<string, number>>;
  rowTotals: Record<string, number>;
  columnTotals: Record<string, number>;
  changed: number;
}

/** The values of a dimension in a stable order: by `order` when given (e.g. the precedence), then by count. */
export function matrixOf(cells: readonly Cell[], order: readonly string[] = []): Matrix {
  const weight = new Map<string, number>();
  for (const cell of cells) {
    weight.set(cell.from, (weight.get(cell.from) ?? 0) + cell.count);
    weight.set(cell.to, (weight.get(cell.to) ?? 0) + cell.count);
  }
  const rank = (value: string): number => {
    const at = order.indexOf(value);
    return at === -1 ? order.length : at;
  };
  const sort = (values: Set<string>): string[] => [...values].sort((a, b) => rank(a) - rank(b) || (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || a.localeCompare(b));
  const rows = sort(new Set(cells.map((c) => c.from)));
  const columns = sort(new Set(cells.map((c) => c.to)));
  const count: Matrix['count'] = {};
  const rowTotals: Record<string, number> = {};
  const columnTotals: Record<string, number> = {};
  for (const row of rows) count[row] = Object.fromEntries(columns.map((column) => [column, 0]));
  let changed = 0;
  for (const cell of cells) {
    count[cell.from][cell.to] += cell.count;
    rowTotals[cell.from] = (rowTotals[cell.from] ?? 0) + cell.count;
    columnTotals[cell.to] = (columnTotals[cell.to] ?? 0) + cell.count;
    if (cell.from !== cell.to) changed += cell.count;
  }
  return { rows, columns, count, rowTotals, columnTotals, changed };
}

/** Whether a run simulated the draft as it is now: started no earlier than the draft's last save. */
export function runIsCurrent(run: Pick<SimulationRun, 'ruleSetId' | 'createdAt'>, set: { id: string; updatedAt: string }): boolean {
  if (run.ruleSetId !== set.id) return false;
  if (!run.createdAt) return true;
  return new Date(run.createdAt).getTime() >= new Date(set.updatedAt).getTime();
}

export function isSettled(run: Pick<SimulationRun, 'status'>): boolean {
  return run.status === 'done' || run.status === 'failed' || run.status === 'cancelled';
}

export function runPercent(run: Pick<SimulationRun, 'status' | 'scanned' | 'total'>): number {
  if (run.status === 'done') return 100;
  if (run.total <= 0) return 0;
  return Math.min(100, Math.round((run.scanned / run.total) * 100));
}

export interface ValueWords {
  grade(value: string): string;
  meetingType(value: string): string;
  mode(value: string): string;
  unit(code: string): string;
  none: string;
}

/** A matrix value in words: a grade, a meeting type (`none` for no meeting), a route `committee/handledBy/mode`. */
export function valueText(dimension: Dimension, value: string, words: ValueWords): string {
  if (dimension === 'grade') return words.grade(value);
  if (dimension === 'meeting') return value === 'none' ? words.none : words.meetingType(value);
  const [committee, handledBy, mode] = value.split('/');
  if (mode === undefined) return value;
  return `${words.unit(committee)} / ${words.unit(handledBy)} / ${words.mode(mode)}`;
}

/**
 * Asks for the run until it settles (or `stopped()` says so), reporting each answer; `wait` sleeps
 * between asks. Returns the last answer.
 */
export async function pollRun(first: SimulationRun, fetchRun: (id: string) => Promise<SimulationRun>, report: (run: SimulationRun) => void, wait: () => Promise<void>, stopped: () => boolean = () => false): Promise<SimulationRun> {
  let run = first;
  report(run);
  while (!isSettled(run) && !stopped()) {
    await wait();
    if (stopped()) break;
    run = await fetchRun(run.id);
    report(run);
  }
  return run;
}
