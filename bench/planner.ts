/**
 * Benchmark: the meeting planner (src/meetings/planner) — run time, hard-constraint check, and the
 * leader-assignment objective against the exact MIP optimum found by HiGHS on the same instances.
 *
 *   npx tsc -p bench/tsconfig.json && node dist/bench/planner.js [--runs 5] [--instances 5]
 *
 * Instances are seeded-random (test/support/random-instance.ts): escalated cases only,
 * 4 weeks from Monday 2026-11-02 (Asia/Shanghai, chinese-days 2026 calendar), office hours 08:30–12:00
 * and 14:30–17:30, 120-minute supervision meetings of 20 minutes per case, busy blocks on about half
 * of the leaders, 15 % of the cases with a leader in charge already, capacities that bind for some
 * leaders (a third scenario makes them too small for all cases). Per instance the planner runs `--runs` times (after one warm-up) and the median is kept;
 * the figures printed are medians (and maxima) over the instances. The gap is
 * (planner objective − HiGHS objective) / HiGHS objective on the first-round assignment problem.
 */
import { parseArgs } from 'node:util';
import { WorkingCalendar } from '../src/common/time/working-calendar.js';
import { checkHardConstraints } from '../src/meetings/constraints/plan-check.js';
import { assignmentObjective, solveAssignment } from '../src/meetings/planner/leader-assignment.js';
import { planMeetingsWithDiagnostics } from '../src/meetings/planner/planner.js';
import { randomInstance } from '../test/support/random-instance.js';
import { median, round, table } from './lib/stats.js';
import { highsRuntime, solveAssignmentWithHighs } from './planner-highs.js';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    instances: { type: 'string', default: '5' },
  },
});
const runs = Number(args.runs);
const instances = Number(args.instances);

const SCENARIOS = [
  { name: '200 cases × 12 leaders × 4 weeks', cases: 200, leaders: 12, days: 28, targetMs: 2000 },
  { name: '1,000 cases × 20 leaders × 4 weeks', cases: 1000, leaders: 20, days: 28, targetMs: 10000 },
  // Capacities that cannot take every case: the objective then includes the urgency-ranked drop costs.
  { name: '200 cases × 12 leaders, tight capacity', cases: 200, leaders: 12, days: 28, targetMs: 2000, slack: 0.6 },
];

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
}

async function main(): Promise<void> {
  const highs = await highsRuntime();
  const calendar = new WorkingCalendar();
  const rows: Record<string, string | number>[] = [];
  for (const s of SCENARIOS) {
    const planMs: number[] = [];
    const assignMs: number[] = [];
    const highsMs: number[] = [];
    const gaps: number[] = [];
    const finalGaps: number[] = [];
    let violations = 0;
    let unscheduled = 0;
    let late = 0;
    let meetings = 0;
    const codes = new Map<string, number>();
    for (let seed = 1; seed <= instances; seed++) {
      const input = randomInstance({ seed, cases: s.cases, leaders: s.leaders, days: s.days, calendar, slack: 'slack' in s ? s.slack : undefined });
      planMeetingsWithDiagnostics(input); // warm-up
      const samples: number[] = [];
      let last = planMeetingsWithDiagnostics(input);
      for (let r = 0; r < runs; r++) {
        const [d, ms] = timed(() => planMeetingsWithDiagnostics(input));
        samples.push(ms);
        last = d;
      }
      planMs.push(median(samples));
      violations += checkHardConstraints(input, last.result).length;
      unscheduled += last.result.unscheduled.length;
      for (const u of last.result.unscheduled) codes.set(u.code, (codes.get(u.code) ?? 0) + 1);
      late += last.result.unmet.filter((u) => u.constraint === 'before-deadline').length;
      meetings += last.result.meetings.length;
      const first = last.assignment;
      if (!first) continue;
      assignMs.push(median(Array.from({ length: runs }, () => timed(() => solveAssignment(first.problem))[1])));
      const exact = solveAssignmentWithHighs(highs, first.problem);
      if (exact.status !== 'optimal') throw new Error(`HiGHS: ${exact.status} on seed ${seed}`);
      highsMs.push(exact.milliseconds);
      gaps.push((first.solution.objective - exact.objective) / Math.abs(exact.objective));
      // The final plan's assignment (after re-assigning cases whose leader had no time) on the same problem.
      const index = new Map(first.problem.caseIds.map((id, i) => [id, i]));
      const leaderIndex = new Map(first.problem.leaderIds.map((id, i) => [id, i]));
      const finalOf = new Array<number>(first.problem.caseIds.length).fill(-1);
      for (const a of last.result.assignments) {
        const i = index.get(a.caseId);
        if (i !== undefined && !a.kept) finalOf[i] = leaderIndex.get(a.leaderId) ?? -1;
      }
      finalGaps.push((assignmentObjective(first.problem, finalOf) - exact.objective) / Math.abs(exact.objective));
    }
    rows.push({
      scenario: s.name,
      'plan ms (median)': round(median(planMs), 0),
      'plan ms (max)': round(Math.max(...planMs), 0),
      target: `≤ ${s.targetMs}`,
      'assign ms': round(median(assignMs), 1),
      'HiGHS ms': round(median(highsMs), 0),
      'gap max %': round(100 * Math.max(...gaps), 4),
      'final gap max %': round(100 * Math.max(...finalGaps), 4),
      meetings: round(meetings / instances, 1),
      unscheduled: round(unscheduled / instances, 1),
      codes: [...codes].map(([c, n]) => `${c}:${n}`).join(' ') || '-',
      'late/inst': round(late / instances, 1),
      violations,
    });
  }
  process.stdout.write(`planner benchmark: ${instances} instances × ${runs} runs, node ${process.version}\n\n${table(rows)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
