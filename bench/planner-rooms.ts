/**
 * Benchmark: the meeting planner with rooms (issue 14) — run time at 1,000 cases × 20 leaders × 10
 * rooms over 4 weeks (target ≤ 10 s, median of `--runs` runs after a warm-up), the hard check with
 * rooms, and how rooms change the fairness of the leader assignment.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/planner-rooms.js [--runs 5] [--instances 5]
 *
 * Instances as bench/planner.ts (test/support/random-instance.ts: escalated supervision cases, 4 weeks
 * from Monday 2026-11-02, busy blocks, 15 % kept leaders in charge), plus seeded rooms: 10 rooms of 6–60
 * seats, three of them open only mornings or afternoons and a few with a busy block; a "scarce" scenario
 * has 2 rooms of 8 and 12 seats. Each instance is planned with its rooms and without (rooms left out).
 *
 * Fairness: Σ load² over the leaders who may take charge (load = open cases in charge + kept + new ones
 * of this plan), for the planner's final assignment with rooms, without rooms, and for the HiGHS optimum
 * of the same instance's assignment problem (bench/planner-highs.ts). Rooms constrain only the packing
 * of agendas into meetings, not the assignment problem, so the HiGHS optimum is a lower bound for the
 * instance with rooms; the gap is (planner − optimum) / optimum of the assignment objective, as in
 * bench/planner.ts.
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/common/seeded-random.js';
import { WorkingCalendar } from '../src/common/time/working-calendar.js';
import { checkHardConstraints } from '../src/meetings/constraints/plan-check.js';
import { type AssignmentProblem, assignmentObjective } from '../src/meetings/planner/leader-assignment.js';
import { planMeetingsWithDiagnostics } from '../src/meetings/planner/planner.js';
import type { PlannerInput, PlannerRoom, PlanResult } from '../src/meetings/planner/planner.types.js';
import { randomInstance } from '../test/support/random-instance.js';
import { median, round, table } from './lib/stats.js';
import { highsRuntime, solveAssignmentWithHighs } from './planner-highs.js';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, instances: { type: 'string', default: '5' } } });
const runs = Number(args.runs);
const instances = Number(args.instances);

const SCENARIOS = [
  { name: '1,000 cases × 20 leaders × 10 rooms × 4 weeks', rooms: [6, 8, 10, 12, 16, 20, 24, 30, 40, 60], targetMs: 10_000 },
  { name: '… × 3 rooms (10, 16, 40 seats)', rooms: [10, 16, 40], targetMs: 10_000 },
  { name: '… × 2 small rooms (8, 12 seats)', rooms: [8, 12], targetMs: 10_000 },
];

/** Rooms of these sizes; with more than three, some open half days and some with a busy day. */
function rooms(seed: number, seats: readonly number[], input: PlannerInput): PlannerRoom[] {
  const r = seededRandom(seed * 104_729);
  const varied = seats.length > 3;
  return seats.map((capacity, i) => {
    const start = input.from.getTime() + Math.floor(r() * 20) * 86_400_000 + 86_400_000 / 24;
    return {
      id: `room-${i}`,
      name: `会议室${i + 1}`,
      capacity,
      availableHours: varied && i % 4 === 1 ? [['08:30', '12:00']] : varied && i % 4 === 3 && i < 8 ? [['14:30', '17:30']] : null,
      busy: varied && r() < 0.3 ? [{ start: new Date(start), end: new Date(start + 8 * 3_600_000) }] : [],
    };
  });
}

/**
 * The assignment problem restricted to the cases the plan placed (same leaders, capacities and costs):
 * its optimum is the fairest way to hand out exactly those cases, what the plan with rooms is compared to.
 */
function restricted(p: AssignmentProblem, keep: ReadonlySet<number>): { problem: AssignmentProblem; index: number[] } {
  const index = p.caseIds.map((_, i) => i).filter((i) => keep.has(i));
  const at = new Map(index.map((old, i) => [old, i]));
  return {
    index,
    problem: {
      ...p,
      caseIds: index.map((i) => p.caseIds[i]),
      dropCost: index.map((i) => p.dropCost[i]),
      arcs: p.arcs.flatMap((a) => (at.has(a.caseIndex) ? [{ ...a, caseIndex: at.get(a.caseIndex) as number }] : [])),
    },
  };
}

/** Σ load² over the problem's leaders for an assignment (leader index per case, −1 = none). */
function sumOfSquares(p: AssignmentProblem, leaderOf: readonly number[]): number {
  const load = [...p.baseLoad];
  for (const l of leaderOf) if (l >= 0) load[l]++;
  return load.reduce((s, v) => s + v * v, 0);
}

/** The plan's final new assignments as leader indexes of the first-round problem. */
function finalLeaderOf(p: AssignmentProblem, result: PlanResult): number[] {
  const index = new Map(p.caseIds.map((id, i) => [id, i]));
  const leaderIndex = new Map(p.leaderIds.map((id, i) => [id, i]));
  const of = new Array<number>(p.caseIds.length).fill(-1);
  for (const a of result.assignments) {
    const i = index.get(a.caseId);
    if (i !== undefined && !a.kept) of[i] = leaderIndex.get(a.leaderId) ?? -1;
  }
  return of;
}

function timedPlan(input: PlannerInput): { ms: number; diagnostics: ReturnType<typeof planMeetingsWithDiagnostics> } {
  planMeetingsWithDiagnostics(input); // warm-up
  const samples: number[] = [];
  let diagnostics = planMeetingsWithDiagnostics(input);
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    diagnostics = planMeetingsWithDiagnostics(input);
    samples.push(performance.now() - t0);
  }
  return { ms: median(samples), diagnostics };
}

async function main(): Promise<void> {
  const highs = await highsRuntime();
  const calendar = new WorkingCalendar();
  const rows: Record<string, string | number>[] = [];
  for (const s of SCENARIOS) {
    const ms: number[] = [];
    const msWithout: number[] = [];
    const fairWith: number[] = [];
    const fairWithout: number[] = [];
    const fairOptimum: number[] = [];
    const gapWith: number[] = [];
    const gapWithout: number[] = [];
    const fairPlaced: number[] = [];
    const gapPlaced: number[] = [];
    let violations = 0;
    let scheduledWith = 0;
    let scheduledWithout = 0;
    let noRoom = 0;
    let meetings = 0;
    for (let seed = 1; seed <= instances; seed++) {
      const base = randomInstance({ seed, cases: 1000, leaders: 20, days: 28, calendar });
      const withRooms: PlannerInput = { ...base, rooms: rooms(seed, s.rooms, base) };
      const a = timedPlan(withRooms);
      const b = timedPlan(base);
      ms.push(a.ms);
      msWithout.push(b.ms);
      violations += checkHardConstraints(withRooms, a.diagnostics.result).length;
      meetings += a.diagnostics.result.meetings.length;
      noRoom += a.diagnostics.result.unscheduled.filter((u) => u.code === 'NO_FREE_ROOM').length;
      scheduledWith += a.diagnostics.result.meetings.reduce((n, m) => n + m.agenda.length, 0);
      scheduledWithout += b.diagnostics.result.meetings.reduce((n, m) => n + m.agenda.length, 0);
      const first = a.diagnostics.assignment;
      if (!first) continue;
      const exact = solveAssignmentWithHighs(highs, first.problem);
      if (exact.status !== 'optimal') throw new Error(`HiGHS: ${exact.status} on seed ${seed}`);
      const ofWith = finalLeaderOf(first.problem, a.diagnostics.result);
      const ofWithout = finalLeaderOf(first.problem, b.diagnostics.result);
      fairWith.push(sumOfSquares(first.problem, ofWith));
      fairWithout.push(sumOfSquares(first.problem, ofWithout));
      fairOptimum.push(sumOfSquares(first.problem, exact.leaderOf));
      gapWith.push((assignmentObjective(first.problem, ofWith) - exact.objective) / Math.abs(exact.objective));
      gapWithout.push((assignmentObjective(first.problem, ofWithout) - exact.objective) / Math.abs(exact.objective));
      // The same placed cases, handed out optimally: how much fairness the rooms' packing itself costs.
      const sub = restricted(first.problem, new Set(ofWith.flatMap((l, i) => (l >= 0 ? [i] : []))));
      const subExact = solveAssignmentWithHighs(highs, sub.problem);
      if (subExact.status !== 'optimal') throw new Error(`HiGHS: ${subExact.status} on seed ${seed} (placed cases)`);
      const subOf = sub.index.map((i) => ofWith[i]);
      fairPlaced.push(sumOfSquares(sub.problem, subExact.leaderOf));
      gapPlaced.push((assignmentObjective(sub.problem, subOf) - subExact.objective) / Math.abs(subExact.objective));
    }
    rows.push({
      scenario: s.name,
      'plan ms (median)': round(median(ms), 0),
      'plan ms (max)': round(Math.max(...ms), 0),
      target: `≤ ${s.targetMs}`,
      'no rooms ms': round(median(msWithout), 0),
      meetings: round(meetings / instances, 1),
      'on agenda / no rooms': `${round(scheduledWith / instances, 1)} / ${round(scheduledWithout / instances, 1)}`,
      NO_FREE_ROOM: round(noRoom / instances, 1),
      'Σload² rooms': round(median(fairWith), 0),
      'Σload² no rooms': round(median(fairWithout), 0),
      'Σload² HiGHS': round(median(fairOptimum), 0),
      'Σload² HiGHS placed': round(median(fairPlaced), 0),
      'gap no rooms max %': round(100 * Math.max(...gapWithout), 3),
      'gap rooms max %': round(100 * Math.max(...gapWith), 1),
      'gap placed max %': round(100 * Math.max(...gapPlaced), 3),
      violations,
    });
  }
  process.stdout.write(`planner benchmark with rooms: ${instances} instances × ${runs} runs, node ${process.version}\n\n${table(rows)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
