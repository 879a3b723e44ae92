import { type Highs, highsRuntime, solveAssignmentWithHighs } from '../../../bench/planner-highs.js';
import { type AssignmentProblem, assignmentObjective, dropCosts, marginalLoadCost, solveAssignment } from './leader-assignment.js';
import { seededRandom } from '../../common/seeded-random.js';

/** A random assignment problem: some arcs missing, capacities that sometimes bind. */
function randomProblem(seed: number, n: number, m: number): AssignmentProblem {
  const r = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
  const arcs: AssignmentProblem['arcs'] = [];
  for (let i = 0; i < n; i++) for (let l = 0; l < m; l++) if (r() < 0.75) arcs.push({ caseIndex: i, leaderIndex: l, cost: [0, 5, 20, 25][int(0, 3)] });
  const baseLoad = Array.from({ length: m }, () => int(0, 6));
  const capacity = Array.from({ length: m }, () => int(0, Math.ceil((1.5 * n) / m)));
  const maxLoad = Math.max(...baseLoad.map((b, l) => b + capacity[l]));
  return {
    caseIds: Array.from({ length: n }, (_, i) => `c${i}`),
    dropCost: dropCosts(Array.from({ length: n }, (_, i) => i), 25, marginalLoadCost(1, maxLoad), m),
    leaderIds: Array.from({ length: m }, (_, l) => `l${l}`),
    baseLoad,
    capacity,
    arcs,
    loadWeight: 1,
  };
}

/** Exhaustive optimum over every leader choice (or none) per case. */
function bruteForce(p: AssignmentProblem): number {
  const n = p.caseIds.length;
  const options = Array.from({ length: n }, (_, i) => [-1, ...p.arcs.filter((a) => a.caseIndex === i).map((a) => a.leaderIndex)]);
  const choice = new Array<number>(n).fill(-1);
  let best = Number.POSITIVE_INFINITY;
  const visit = (i: number): void => {
    if (i === n) {
      const load = new Array<number>(p.leaderIds.length).fill(0);
      for (const l of choice) if (l >= 0) load[l]++;
      if (load.every((x, l) => x <= p.capacity[l])) best = Math.min(best, assignmentObjective(p, choice));
      return;
    }
    for (const l of options[i]) {
      choice[i] = l;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

describe('solveAssignment (min-cost flow)', () => {
  it('matches the exhaustive optimum on 150 small random problems', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const p = randomProblem(seed, 1 + (seed % 6), 1 + (seed % 3));
      const s = solveAssignment(p);
      expect({ seed, objective: s.objective }).toEqual({ seed, objective: bruteForce(p) });
      expect(assignmentObjective(p, s.leaderOf)).toBe(s.objective);
    }
  });

  it('leaves out the least urgent case when capacity binds, even if the urgent one costs more', () => {
    const p: AssignmentProblem = {
      caseIds: ['urgent', 'later'],
      dropCost: dropCosts([0, 1], 25, 3, 1),
      leaderIds: ['l'],
      baseLoad: [0],
      capacity: [1],
      arcs: [
        { caseIndex: 0, leaderIndex: 0, cost: 25 },
        { caseIndex: 1, leaderIndex: 0, cost: 0 },
      ],
      loadWeight: 1,
    };
    expect(solveAssignment(p).leaderOf).toEqual([0, -1]);
  });

  it('prices the k-th case of a leader at loadWeight·(2k−1) on top of the base load', () => {
    const p: AssignmentProblem = {
      caseIds: ['a', 'b', 'c'],
      dropCost: [1e6, 1e6, 1e6],
      leaderIds: ['busy', 'idle'],
      baseLoad: [3, 0],
      capacity: [5, 5],
      arcs: [0, 1, 2].flatMap((i) => [
        { caseIndex: i, leaderIndex: 0, cost: 0 },
        { caseIndex: i, leaderIndex: 1, cost: 5 },
      ]),
      loadWeight: 1,
    };
    // idle: 5+1, 5+3, 5+5 vs busy: 7, 9, 11 → two to idle (6, 8), one to busy (7): 21.
    const s = solveAssignment(p);
    expect(s.objective).toBe(21);
    expect([...s.leaderOf].sort()).toEqual([0, 1, 1]);
  });
});

describe('solveAssignment against HiGHS (exact MIP)', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await highsRuntime();
  });

  it('reaches the HiGHS optimum on 20 random 40-case × 6-leader problems', () => {
    for (let seed = 1000; seed < 1020; seed++) {
      const p = randomProblem(seed, 40, 6);
      const exact = solveAssignmentWithHighs(highs, p);
      expect(exact.status).toBe('optimal');
      const ours = solveAssignment(p).objective;
      expect({ seed, gap: Math.abs(ours - exact.objective) / exact.objective < 1e-9 }).toEqual({ seed, gap: true });
      expect(assignmentObjective(p, exact.leaderOf)).toBeCloseTo(exact.objective, 6);
    }
  });
});
