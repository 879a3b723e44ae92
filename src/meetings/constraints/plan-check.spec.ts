import { DateTime } from 'luxon';
import { WorkingCalendar } from '../../common/time/working-calendar.js';
import { checkHardConstraints } from './plan-check.js';
import { planMeetings } from '../planner/planner.js';
import type { PlannerInput, PlanResult } from '../planner/planner.types.js';
import { randomInstance } from '../../../test/support/random-instance.js';

/** The checker must catch each broken rule in an otherwise valid plan. */
describe('checkHardConstraints', () => {
  const input: PlannerInput = randomInstance({ seed: 7, cases: 30, leaders: 6, days: 14, calendar: new WorkingCalendar(), mix: { supervision: 3, joint: 1, special: 1 }, busyRate: 0.2 });
  const valid = planMeetings(input);
  const copy = (): PlanResult => structuredClone(valid);
  const shift = (d: Date, minutes: number): Date => new Date(d.getTime() + minutes * 60_000);

  it('accepts the planner’s own plan', () => {
    expect(valid.meetings.length).toBeGreaterThan(3);
    expect(checkHardConstraints(input, valid)).toEqual([]);
  });

  it('catches a leader double-booked across two meetings', () => {
    const r = copy();
    const [a, b] = r.meetings.filter((m) => m.type === 'supervision');
    b.startAt = a.startAt;
    b.endAt = a.endAt;
    b.leaderIds.push(...a.leaderIds.filter((id) => !b.leaderIds.includes(id)));
    expect(checkHardConstraints(input, r)).toEqual(expect.arrayContaining([expect.stringMatching(/double-booked/)]));
  });

  it('catches a meeting during a leader’s busy period', () => {
    const r = copy();
    const m = r.meetings[0];
    const busy = { ...input, leaders: input.leaders.map((l) => (l.id === m.chairId ? { ...l, busy: [{ start: m.startAt, end: m.endAt }] } : l)) };
    expect(checkHardConstraints(busy, r)).toEqual([expect.stringMatching(/double-booked: meeting #0 overlaps busy period/)]);
  });

  it('catches a meeting moved to a weekend, out of office hours or off the step', () => {
    const r = copy();
    const m = r.meetings[0];
    const saturday = DateTime.fromISO('2026-11-07T08:30', { zone: input.timeZone }).toJSDate();
    m.startAt = saturday;
    m.endAt = shift(saturday, input.settings.meetingMinutes[m.type]);
    r.meetings[1].startAt = shift(r.meetings[1].startAt, 10);
    const out = checkHardConstraints(input, r);
    expect(out).toEqual(expect.arrayContaining([expect.stringContaining('2026-11-07 is not a working day'), expect.stringMatching(/#1 .*not aligned to 30 minutes/)]));
  });

  it('catches a chair of the wrong rank, a missing leader in charge and an agenda overflow', () => {
    const r = copy();
    const m = r.meetings.find((x) => x.type === 'supervision' && x.agenda.length > 0);
    if (!m) throw new Error('no supervision meeting');
    const low = input.leaders.find((l) => l.rank === 'committee-head' || l.rank === 'secretary-general');
    if (!low) throw new Error('no low-rank leader');
    m.chairId = low.id;
    m.leaderIds = [low.id];
    m.agenda[0].minutes = 500;
    const out = checkHardConstraints(input, r).join('\n');
    expect(out).toMatch(/has rank/);
    expect(out).toMatch(/does not attend/);
    expect(out).toMatch(/exceeds the meeting/);
  });

  it('catches a dropped case, a duplicated case and a lost leader in charge', () => {
    const r = copy();
    const dropped = r.meetings[0].agenda.pop();
    r.meetings[1].agenda.push({ ...r.meetings[2].agenda[0] });
    const out = checkHardConstraints(input, r).join('\n');
    expect(out).toContain(`case ${dropped?.caseId} is on 0 agenda(s) and unscheduled 0 time(s)`);
    expect(out).toMatch(/is on 2 agendas/);
  });

  it('catches a new assignment beyond maxActiveCases', () => {
    const r = copy();
    const a = r.assignments.find((x) => !x.kept);
    if (!a) throw new Error('no new assignment');
    const tight = { ...input, leaders: input.leaders.map((l) => (l.id === a.leaderId ? { ...l, maxActiveCases: l.activeCases } : l)) };
    expect(checkHardConstraints(tight, r)).toEqual([expect.stringMatching(new RegExp(`leader ${a.leaderId}: .* exceeds maxActiveCases`))]);
  });
});
