import { DateTime } from 'luxon';
import { loadPolicy } from '../../../config/policy.js';
import { WorkingCalendar } from '../../common/time/working-calendar.js';
import { checkHardConstraints } from '../constraints/plan-check.js';
import { meetingTitle, titleBaseOf, uniqueMeetingTitle } from './meeting-title.js';
import { planMeetings } from './planner.js';
import type { PlannerCase, PlannerInput, PlannerLeader, PlannerRoom, PlanResult } from './planner.types.js';

const policy = loadPolicy();
const calendar = new WorkingCalendar(policy.calendarOverrides);
const local = (iso: string): Date => DateTime.fromISO(iso, { zone: policy.timeZone }).toJSDate();
const hhmm = (d: Date): string => DateTime.fromJSDate(d, { zone: policy.timeZone }).toFormat('HH:mm');

let n = 0;
const leader = (id: string, over: Partial<PlannerLeader> = {}): PlannerLeader => ({
  id,
  name: id,
  rank: 'deputy-director',
  portfolio: [],
  regions: [],
  maxActiveCases: 20,
  activeCases: 0,
  busy: [],
  ...over,
});
const kase = (over: Partial<PlannerCase> = {}): PlannerCase => {
  n++;
  return {
    id: `c${String(n).padStart(3, '0')}`,
    code: `XF-${n}`,
    subject: `事项 ${n}`,
    grade: 'escalated',
    category: 'urban-construction',
    region: '茅箭区',
    meetingType: 'supervision',
    replyDueAt: null,
    leadLeaderId: null,
    routeCommittee: 'UCEC',
    routeHandledBy: 'HOUSING',
    unitsInvolved: [],
    clusterKey: null,
    specialInvitees: [],
    ...over,
  };
};
const room = (id: string, capacity: number, over: Partial<PlannerRoom> = {}): PlannerRoom => ({ id, name: `会议室${id}`, capacity, availableHours: null, busy: [], ...over });

/** Mon 2026-11-02 only, office hours 08:30–12:00 and 14:30–17:30: two 120-minute supervision slots that do not overlap. */
function input(over: Partial<PlannerInput> = {}): PlannerInput {
  return {
    from: local('2026-11-02T00:00'),
    to: local('2026-11-03T00:00'),
    types: ['supervision', 'joint'],
    cases: [],
    leaders: [leader('dep1'), leader('dep2')],
    calendar,
    timeZone: policy.timeZone,
    officeHours: policy.officeHours,
    settings: { minutesPerCase: { supervision: 60, joint: 60, special: 60 }, meetingMinutes: { supervision: 60, joint: 60, special: 60 }, slotStepMinutes: 30, leadRanks: ['director', 'deputy-director'] },
    ...over,
  };
}

function plan(i: PlannerInput): PlanResult {
  const result = planMeetings(i);
  expect(checkHardConstraints(i, result)).toEqual([]);
  return result;
}

describe('planMeetings: rooms are hard, like leaders’ time', () => {
  it('never puts two meetings in one room at once: with one room, two leaders’ meetings follow each other', () => {
    const cases = [kase({ leadLeaderId: 'dep1' }), kase({ leadLeaderId: 'dep2' })];
    const one = plan(input({ cases, rooms: [room('r1', 20)] }));
    expect(one.meetings.map((m) => [m.roomId, hhmm(m.startAt)])).toEqual([
      ['r1', '08:30'],
      ['r1', '09:30'],
    ]);
    // Two rooms: both at 08:30, one in each.
    const two = plan(input({ cases, rooms: [room('r1', 20), room('r2', 20)] }));
    expect(two.meetings.map((m) => hhmm(m.startAt))).toEqual(['08:30', '08:30']);
    expect(new Set(two.meetings.map((m) => m.roomId)).size).toBe(2);
  });

  it('takes the smallest room that seats everyone, and a busy room is not free', () => {
    const cases = [kase({ leadLeaderId: 'dep1' })];
    // dep1 and two units (HOUSING reports, UCEC the committee): 3 seats.
    const r = plan(input({ cases, rooms: [room('big', 40), room('small', 3), room('tiny', 2)] }));
    expect(r.meetings.map((m) => m.roomId)).toEqual(['small']);
    const busy = plan(input({ cases, rooms: [room('big', 40), room('small', 3, { busy: [{ start: local('2026-11-02T08:00'), end: local('2026-11-02T12:00') }] })] }));
    expect(busy.meetings.map((m) => [m.roomId, hhmm(m.startAt)])).toEqual([['big', '08:30']]);
  });

  it('keeps to the room’s available hours', () => {
    const cases = [kase({ leadLeaderId: 'dep1' })];
    const r = plan(input({ cases, rooms: [room('pm', 10, { availableHours: [['14:30', '17:30']] })] }));
    expect(r.meetings.map((m) => [m.roomId, hhmm(m.startAt)])).toEqual([['pm', '14:30']]);
  });

  it('leaves a case unscheduled with NO_FREE_ROOM when no room seats its meeting, and fills a meeting only as far as its room allows', () => {
    const tooSmall = plan(input({ cases: [kase({ leadLeaderId: 'dep1' })], rooms: [room('tiny', 2)] }));
    expect(tooSmall.meetings).toEqual([]);
    expect(tooSmall.unscheduled.map((u) => u.code)).toEqual(['NO_FREE_ROOM']);
    expect(tooSmall.unscheduled[0].reason).toContain('会议室');

    // A joint meeting's units all need a seat: with 5 seats, the second case (3 new units) opens a meeting of its own.
    const joint = (units: string[]): PlannerCase => kase({ meetingType: 'joint', grade: 'joint-consultation', unitsInvolved: units, routeCommittee: '', routeHandledBy: units[0] });
    const r = plan(input({ cases: [joint(['GOV', 'COURT']), joint(['GOV', 'HRSS', 'TAX'])], rooms: [room('r5', 5)] }));
    expect(r.meetings.map((m) => m.agenda.length)).toEqual([1, 1]);
  });

  it('plans without rooms when the office has none (rooms: []), and says so', () => {
    const r = plan(input({ cases: [kase({ leadLeaderId: 'dep1' })], rooms: [] }));
    expect(r.meetings.map((m) => m.roomId)).toEqual([null]);
    expect(r.warnings.some((w) => w.includes('会议室'))).toBe(true);
  });
});

describe('meeting titles say when and are unique', () => {
  it('names the half-day, then numbers a second meeting of the same kind in it', () => {
    const at = local('2026-12-03T08:30');
    expect(meetingTitle('督办会', at, policy.timeZone)).toBe('督办会（12月3日上午）');
    expect(meetingTitle('督办会', local('2026-12-03T14:30'), policy.timeZone)).toBe('督办会（12月3日下午）');
    const taken = new Set(['督办会（12月3日上午）']);
    expect(uniqueMeetingTitle('督办会', at, policy.timeZone, (t) => taken.has(t))).toBe('督办会（12月3日上午·第2场）');
    expect(titleBaseOf('专题会议：物业（小区）（12月3日上午·第2场）')).toBe('专题会议：物业（小区）');
  });
});
