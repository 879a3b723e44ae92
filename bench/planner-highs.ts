/**
 * The leader assignment (src/meetings/planner/leader-assignment.ts) as a MIP for HiGHS, the exact
 * reference the planner's min-cost flow is compared with (bench/planner.ts and a unit test).
 *
 *   columns: x[i,l] ∈ {0,1} for every arc (cost = mismatch penalty), z[i] ∈ {0,1} (case left out,
 *            cost = drop cost), y[l,k] ∈ [0,1] (k-th extra case of leader l, cost loadWeight·(2(b_l+k)+1))
 *   rows:    Σ_l x[i,l] + z[i] = 1 for every case;  Σ_i x[i,l] − Σ_k y[l,k] = 0 for every leader
 *
 * The y costs increase in k, so an optimal solution fills them in order and the objective equals
 * Σ arc costs + Σ drop costs + loadWeight·Σ_l ((b_l + x_l)² − b_l²) — the planner's objective.
 */
import * as highsModule from 'highs';
import type { Highs, InitOptions } from 'highs';
import { type AssignmentProblem, marginalLoadCost } from '../src/meetings/planner/leader-assignment.js';

export type { Highs };

/**
 * The package's types describe a CommonJS module while Node (and Jest) load its ESM build; both
 * expose the loader as the namespace's `default`.
 */
export function highsRuntime(options?: InitOptions): Promise<Highs> {
  type Loader = (options?: InitOptions) => Promise<Highs>;
  const outer: unknown = (highsModule as { default?: unknown }).default;
  const inner: unknown = (outer as { default?: unknown } | undefined)?.default;
  const loader = typeof outer === 'function' ? outer : inner;
  if (typeof loader !== 'function') throw new Error('highs: the package exports no loader');
  return (loader as Loader)(options);
}

export interface HighsAssignment {
  objective: number;
  leaderOf: number[];
  status: string;
  milliseconds: number;
}

export function solveAssignmentWithHighs(highs: Highs, p: AssignmentProblem): HighsAssignment {
  const n = p.caseIds.length;
  const m = p.leaderIds.length;
  const cost: number[] = [];
  const upper: number[] = [];
  const integrality: (0 | 1)[] = [];
  const starts: number[] = [0];
  const rows: number[] = [];
  const values: number[] = [];
  const column = (c: number, isInteger: boolean, entries: [number, number][]): void => {
    cost.push(c);
    upper.push(1);
    integrality.push(isInteger ? 1 : 0);
    for (const [row, value] of entries.sort((a, b) => a[0] - b[0])) {
      rows.push(row);
      values.push(value);
    }
    starts.push(rows.length);
  };
  for (const a of p.arcs) column(a.cost, true, [[a.caseIndex, 1], [n + a.leaderIndex, 1]]);
  for (let i = 0; i < n; i++) column(p.dropCost[i], true, [[i, 1]]);
  for (let l = 0; l < m; l++) {
    for (let k = 0; k < p.capacity[l]; k++) column(marginalLoadCost(p.loadWeight, p.baseLoad[l] + k), false, [[n + l, -1]]);
  }
  const numCols = cost.length;
  const numRows = n + m;
  const rhs = [...new Array<number>(n).fill(1), ...new Array<number>(m).fill(0)];
  const started = performance.now();
  return highs.withModel(
    {
      numCols,
      numRows,
      colCost: cost,
      colLower: new Array<number>(numCols).fill(0),
      colUpper: upper,
      rowLower: rhs,
      rowUpper: rhs,
      matrix: { format: 'csc', numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(rows), values: Float64Array.from(values) },
      integrality,
    },
    (model) => {
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 });
      model.run();
      const status = model.getModelStatus();
      const x = model.getSolution().colValue;
      const leaderOf = new Array<number>(n).fill(-1);
      p.arcs.forEach((a, k) => {
        if (x[k] > 0.5) leaderOf[a.caseIndex] = a.leaderIndex;
      });
      return {
        objective: model.getObjectiveValue(),
        leaderOf,
        status: status === highs.constants.modelStatus.optimal ? 'optimal' : `status ${status}`,
        milliseconds: performance.now() - started,
      };
    },
  );
}
