import { MinCostFlow } from './min-cost-flow.js';
import type { PlannerCase, PlannerLeader } from './planner.types.js';
import { PLANNER_WEIGHTS } from './weights.js';

/**
 * The leader-in-charge assignment as a transportation problem with convex per-leader load costs:
 * each case goes to one leader (arc cost = soft mismatch penalties) or is left out (drop cost), a
 * leader takes at most `capacity[l]` more cases, and the k-th case on top of a base load b costs
 * loadWeight·(2(b+k)−1), so the load part of the objective is loadWeight·Σ_l (load_l² − b_l²).
 */
export interface AssignmentProblem {
  caseIds: string[];
  /** Cost of leaving case i without a leader; large, and larger for more urgent cases. */
  dropCost: number[];
  leaderIds: string[];
  /** Load before this assignment (active cases, kept cases, cases placed in an earlier round). */
  baseLoad: number[];
  /** How many more cases each leader may take (HARD). */
  capacity: number[];
  arcs: { caseIndex: number; leaderIndex: number; cost: number }[];
  loadWeight: number;
}

export interface AssignmentSolution {
  /** Leader index of each case, or −1 when the case is left out. */
  leaderOf: number[];
  objective: number;
}

/** Cost of one more case on a leader who already carries `load` cases. */
export const marginalLoadCost = (loadWeight: number, load: number): number => loadWeight * (2 * load + 1);

/** Soft mismatch penalty of putting `leader` in charge of `c` (0 when portfolio and region match). */
export function pairCost(c: PlannerCase, leader: PlannerLeader): number {
  return (portfolioMatches(c, leader) ? 0 : PLANNER_WEIGHTS.portfolioMismatch) + (regionMatches(c, leader) ? 0 : PLANNER_WEIGHTS.regionMismatch);
}

export const portfolioMatches = (c: PlannerCase, leader: PlannerLeader): boolean => leader.portfolio.includes(c.category);
/** An empty region list means the leader covers the whole city. */
export const regionMatches = (c: PlannerCase, leader: PlannerLeader): boolean => leader.regions.length === 0 || leader.regions.includes(c.region);

/**
 * Drop costs that make the assignment lexicographic: first assign as many cases as capacity allows,
 * then leave out the least urgent ones, then minimise the soft costs. `urgencyRank` 0 is the most urgent.
 * A step larger than any augmenting chain (≤ one reassignment per leader) guarantees the order.
 */
export function dropCosts(urgencyRank: number[], maxArcCost: number, maxMarginal: number, leaderCount: number): number[] {
  const step = (leaderCount + 1) * (maxArcCost + maxMarginal + 1);
  const n = urgencyRank.length;
  return urgencyRank.map((rank) => step * (n - rank));
}

/** The objective of any assignment of the problem (used to compare with an exact MIP solver). */
export function assignmentObjective(p: AssignmentProblem, leaderOf: readonly number[]): number {
  const arcCost = new Map<number, number>();
  for (const a of p.arcs) arcCost.set(a.caseIndex * p.leaderIds.length + a.leaderIndex, a.cost);
  const added = new Array<number>(p.leaderIds.length).fill(0);
  let total = 0;
  leaderOf.forEach((l, i) => {
    if (l < 0) {
      total += p.dropCost[i];
      return;
    }
    const cost = arcCost.get(i * p.leaderIds.length + l);
    if (cost === undefined) throw new Error(`case ${p.caseIds[i]} assigned to a leader it has no arc to`);
    total += cost;
    added[l]++;
  });
  added.forEach((x, l) => {
    if (x > p.capacity[l]) throw new Error(`leader ${p.leaderIds[l]} over capacity`);
    const b = p.baseLoad[l];
    total += p.loadWeight * ((b + x) * (b + x) - b * b);
  });
  return total;
}

/** Exact optimum by min-cost flow (successive shortest paths); integral because capacities are. */
export function solveAssignment(p: AssignmentProblem): AssignmentSolution {
  const n = p.caseIds.length;
  const m = p.leaderIds.length;
  const source = 0;
  const caseNode = (i: number): number => 1 + i;
  const leaderNode = (l: number): number => 1 + n + l;
  const sink = 1 + n + m;
  const flow = new MinCostFlow(sink + 1);
  for (let i = 0; i < n; i++) {
    flow.addArc(source, caseNode(i), 1, 0);
    flow.addArc(caseNode(i), sink, 1, p.dropCost[i]);
  }
  const arcIds = p.arcs.map((a) => flow.addArc(caseNode(a.caseIndex), leaderNode(a.leaderIndex), 1, a.cost));
  // Convex load cost: one unit arc per extra case, with increasing marginal costs.
  const caseCount = new Array<number>(m).fill(0);
  for (const a of p.arcs) caseCount[a.leaderIndex]++;
  for (let l = 0; l < m; l++) {
    const units = Math.min(p.capacity[l], caseCount[l]);
    for (let k = 0; k < units; k++) flow.addArc(leaderNode(l), sink, 1, marginalLoadCost(p.loadWeight, p.baseLoad[l] + k));
  }
  const { flow: sent, cost } = flow.run(source, sink, n);
  if (sent !== n) throw new Error('assignment: every case must reach the sink');
  const leaderOf = new Array<number>(n).fill(-1);
  p.arcs.forEach((a, k) => {
    if (flow.flowOn(arcIds[k]) > 0) leaderOf[a.caseIndex] = a.leaderIndex;
  });
  return { leaderOf, objective: cost };
}
