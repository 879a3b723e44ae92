/** Scratch profiling of the property-test instances (temporary). */
import { WorkingCalendar } from '../src/common/time/working-calendar.js';
import { checkHardConstraints } from '../src/meetings/planner/constraints.js';
import { planMeetings } from '../src/meetings/planner/planner.js';
import { randomInstance } from '../src/meetings/planner/random-instance.js';

const calendar = new WorkingCalendar();
let tPlan = 0;
let tCheck = 0;
let tGen = 0;
for (let seed = 1; seed <= 400; seed++) {
  const t0 = performance.now();
  const input = randomInstance({ seed, cases: seed % 41, leaders: 1 + (seed % 8), days: 1 + (seed % 21), calendar, mix: { supervision: 1, joint: 0.3, special: 0.3 }, start: '2026-09-28' });
  const t1 = performance.now();
  const r = planMeetings(input);
  const t2 = performance.now();
  checkHardConstraints(input, r);
  const t3 = performance.now();
  tGen += t1 - t0;
  tPlan += t2 - t1;
  tCheck += t3 - t2;
}
process.stdout.write(`gen ${tGen.toFixed(0)} plan ${tPlan.toFixed(0)} check ${tCheck.toFixed(0)}\n`);
