import { DateTime } from 'luxon';
import { loadPolicy } from '../../../config/policy.js';
import { DomainError } from '../../common/errors.js';
import { WorkingCalendar } from '../../common/time/working-calendar.js';
import { checkHardConstraints } from '../constraints/plan-check.js';
import { planMeetings } from './planner.js';
import type { PlannerCase, PlannerInput, PlannerLeader, PlanResult } from './planner.types.js';

const ZONE = 'Asia/Shanghai';
const policy = loadPolicy();
const calendar = new WorkingCalendar(policy.calendarOverrides);
const local = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const localText = (d: Date): string => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");

function leader(id: string, over: Partial<PlannerLeader> = {}): PlannerLeader {
  return { id, name: `领导${id}`, rank: 'deputy-director', portfolio: ['urban-construction'], regions: [], maxActiveCases: 10, activeCases: 0, busy: [], ...over };
}

let seq = 0;
function kase(over: Partial<PlannerCase> = {}): PlannerCase {
  seq++;
  const id = over.id ?? `c${String(seq).padStart(3, '0')}`;
  return {
    id,
    code: `XF-2026-${id}`,
    subject: '老旧小区改造进度缓慢',
    grade: 'escalated',
    category: 'urban-construction',
    region: '茅箭区',
    meetingType: 'supervision',
    replyDueAt: null,
    leadLeaderId: null,
    routeCommittee: 'UCEC',
    routeHandledBy: 'GOV',
    unitsInvolved: [],
    clusterKey: null,
    specialInvitees: [],
    ...over,
  };
}

/** A valid input: Mon 2026-11-02 .. Sat 2026-11-07 (local), policy office hours, shipped meeting settings. */
function input(over: Partial<PlannerInput> = {}): PlannerInput {
  return {
    from: local('2026-11-02T00:00'),
    to: local('2026-11-07T00:00'),
    types: ['special', 'joint', 'supervision'],
    cases: [],
    leaders: [leader('dir', { rank: 'director' }), leader('dep1'), leader('dep2')],
    calendar,
    timeZone: policy.timeZone,
    officeHours: policy.officeHours,
    settings: {
      minutesPerCase: { supervision: 20, joint: 30, special: 30 },
      meetingMinutes: { supervision: 120, joint: 120, special: 120 },
      slotStepMinutes: 30,
      leadRanks: ['director', 'deputy-director'],
    },
    ...over,
  };
}

function plan(i: PlannerInput): PlanResult {
  const result = planMeetings(i);
  expect(checkHardConstraints(i, result)).toEqual([]);
  return result;
}

const leaderOf = (r: PlanResult, caseId: string): string | undefined => r.assignments.find((a) => a.caseId === caseId)?.leaderId;
const meetingOf = (r: PlanResult, caseId: string) => r.meetings.find((m) => m.agenda.some((i) => i.caseId === caseId));

describe('planMeetings: leader assignment', () => {
  it('finds the known optimal assignment for three leaders with portfolios and regions', () => {
    const leaders = [
      leader('dir', { rank: 'director', portfolio: ['litigation', 'economy'], regions: [] }),
      leader('dep1', { portfolio: ['urban-construction'], regions: ['茅箭区'] }),
      leader('dep2', { portfolio: ['employment-social', 'urban-construction'], regions: ['郧阳区'] }),
    ];
    const cases = [
      kase({ id: 'lit', category: 'litigation', region: '张湾区' }),
      kase({ id: 'urb-mj', category: 'urban-construction', region: '茅箭区' }),
      kase({ id: 'urb-yy', category: 'urban-construction', region: '郧阳区' }),
      kase({ id: 'emp', category: 'employment-social', region: '郧阳区' }),
      kase({ id: 'eco', category: 'economy', region: '房县' }),
    ];
    const r = plan(input({ leaders, cases }));
    // Every case matches a portfolio and region; loads 2/1/2 over 5 cases are as even as possible.
    expect(Object.fromEntries(cases.map((c) => [c.id, leaderOf(r, c.id)]))).toEqual({
      lit: 'dir',
      eco: 'dir',
      'urb-mj': 'dep1',
      'urb-yy': 'dep2',
      emp: 'dep2',
    });
    expect(r.unmet.filter((u) => u.constraint !== 'before-deadline')).toEqual([]);
    expect(r.fairness).toEqual({ measure: 'sum-of-squared-loads', value: 4 + 1 + 4, loads: { dep1: 1, dep2: 2, dir: 2 } });
    expect(r.assignments.every((a) => !a.kept)).toBe(true);
  });

  it('balances load against a portfolio mismatch, counting activeCases', () => {
    // dep1 matches every case but already has 14 open cases; the k-th case costs 2k−1, a portfolio mismatch 20.
    const leaders = [
      leader('dep1', { portfolio: ['urban-construction'], activeCases: 14, maxActiveCases: 30 }),
      leader('dep2', { portfolio: ['economy'], maxActiveCases: 30 }),
    ];
    const cases = Array.from({ length: 4 }, () => kase());
    const r = plan(input({ leaders, cases }));
    // Marginal costs: dep1 29, 31, … vs dep2 20+1, 20+3, 20+5, 20+7 → all four go to dep2.
    expect(r.fairness.loads).toEqual({ dep1: 14, dep2: 4 });
    expect(r.unmet.filter((u) => u.constraint === 'portfolio-match')).toHaveLength(4);
  });

  it('keeps an existing leader in charge even when another leader would match better', () => {
    const leaders = [leader('dir', { rank: 'director', portfolio: ['economy'] }), leader('dep1', { portfolio: ['urban-construction'] })];
    const c = kase({ leadLeaderId: 'dir' });
    const r = plan(input({ leaders, cases: [c] }));
    expect(r.assignments).toEqual([{ caseId: c.id, leaderId: 'dir', kept: true }]);
    expect(r.unmet).toEqual([]);
  });

  it('never assigns beyond maxActiveCases − activeCases: the rest are LEADERS_AT_CAPACITY', () => {
    const leaders = [leader('dir', { rank: 'director', maxActiveCases: 3, activeCases: 2 }), leader('dep1', { maxActiveCases: 5, activeCases: 4 })];
    const cases = Array.from({ length: 4 }, (_, i) => kase({ replyDueAt: local(`2026-11-2${i}T17:00`) }));
    const r = plan(input({ leaders, cases }));
    expect(r.assignments).toHaveLength(2);
    // The most urgent cases get the two free places; the two latest deadlines are left out.
    expect(r.assignments.map((a) => a.caseId).sort()).toEqual([cases[0].id, cases[1].id].sort());
    expect(r.unscheduled.map((u) => [u.caseId, u.code])).toEqual([
      [cases[2].id, 'LEADERS_AT_CAPACITY'],
      [cases[3].id, 'LEADERS_AT_CAPACITY'],
    ]);
    expect(r.unscheduled[0].reason).toMatch(/上限/);
  });

  it('reports NO_ELIGIBLE_LEADER when no leader of a lead rank exists', () => {
    const leaders = [leader('sg', { rank: 'secretary-general' })];
    const r = plan(input({ leaders, cases: [kase()] }));
    expect(r.unscheduled.map((u) => u.code)).toEqual(['NO_ELIGIBLE_LEADER']);
    expect(r.unscheduled[0].reason).toMatch(/主任或副主任/);
  });

  it('does not put a leader busy for the whole window in charge', () => {
    const busy = [{ start: local('2026-11-01T00:00'), end: local('2026-11-08T00:00') }];
    const leaders = [leader('dir', { rank: 'director', portfolio: ['economy'] }), leader('dep1', { portfolio: ['urban-construction'], busy })];
    const r = plan(input({ leaders, cases: [kase(), kase()] }));
    expect(r.assignments.map((a) => a.leaderId)).toEqual(['dir', 'dir']);
    expect(r.meetings.every((m) => !m.leaderIds.includes('dep1'))).toBe(true);
  });

  it('reports NO_FREE_SLOT for a kept case whose leader is busy for the whole window', () => {
    const busy = [{ start: local('2026-11-01T00:00'), end: local('2026-11-08T00:00') }];
    const leaders = [leader('dir', { rank: 'director' }), leader('dep1', { busy })];
    const r = plan(input({ leaders, cases: [kase({ leadLeaderId: 'dep1' })] }));
    expect(r.meetings).toEqual([]);
    expect(r.unscheduled.map((u) => u.code)).toEqual(['NO_FREE_SLOT']);
    expect(r.unscheduled[0].reason).toContain('领导dep1');
  });

  it('lists a case whose leader in charge is unknown as LEAD_LEADER_UNKNOWN', () => {
    const r = plan(input({ cases: [kase({ leadLeaderId: 'gone' })] }));
    expect(r.unscheduled.map((u) => u.code)).toEqual(['LEAD_LEADER_UNKNOWN']);
  });
});

describe('planMeetings: slots and the working calendar', () => {
  const one = (from: string, to: string, over: Partial<PlannerInput> = {}): PlanResult =>
    plan(input({ from: local(from), to: local(to), cases: [kase()], ...over }));

  it('skips the National Day holiday (10-01..10-07) and plans on the first working day after it', () => {
    const r = one('2026-10-01T00:00', '2026-10-12T00:00');
    expect(r.meetings.map((m) => localText(m.startAt))).toEqual(['2026-10-08T08:30']);
  });

  it('plans on the make-up working days: Sunday 2026-09-20 and Saturday 2026-10-10', () => {
    expect(one('2026-09-19T00:00', '2026-09-21T00:00').meetings.map((m) => localText(m.startAt))).toEqual(['2026-09-20T08:30']);
    expect(one('2026-10-10T00:00', '2026-10-12T00:00').meetings.map((m) => localText(m.startAt))).toEqual(['2026-10-10T08:30']);
  });

  it('finds no slot over an ordinary weekend and says so', () => {
    const r = one('2026-10-17T00:00', '2026-10-19T00:00');
    expect(r.meetings).toEqual([]);
    expect(r.unscheduled.map((u) => u.code)).toEqual(['NO_FREE_SLOT']);
    expect(r.warnings.join('')).toMatch(/没有可用的会议时段/);
  });

  it('keeps every meeting inside one office period and on the slot step', () => {
    // 08:30–12:00 fits 120-minute meetings starting 08:30..10:00; 14:30–17:30 only 14:30..15:30.
    const busy = (from: string, to: string) => [{ start: local(from), end: local(to) }];
    const leaders = [leader('dir', { rank: 'director', busy: busy('2026-11-02T08:00', '2026-11-02T10:31') })];
    const r = plan(input({ leaders, cases: [kase()] }));
    // 08:30..10:00 overlap the busy block; the next start is 14:30 (12:00–14:30 is lunch).
    expect(r.meetings.map((m) => [localText(m.startAt), localText(m.endAt)])).toEqual([['2026-11-02T14:30', '2026-11-02T16:30']]);
  });

  it('aligns starts to slotStepMinutes on the local clock', () => {
    const r = one('2026-11-02T09:10', '2026-11-03T00:00', { settings: { ...input().settings, slotStepMinutes: 60 } });
    expect(r.meetings.map((m) => localText(m.startAt))).toEqual(['2026-11-02T10:00']);
  });

  it('warns when planning into a year without holiday data (2027)', () => {
    const r = one('2026-12-28T00:00', '2027-01-08T00:00');
    expect(r.warnings).toEqual([expect.stringContaining('2027 年的法定节假日和调休安排尚无数据')]);
    expect(one('2026-11-02T00:00', '2026-11-07T00:00').warnings).toEqual([]);
  });
});

describe('planMeetings: agendas and meeting types', () => {
  it('splits an agenda that overflows the meeting into several meetings', () => {
    const leaders = [leader('dir', { rank: 'director', maxActiveCases: 20 })];
    const cases = Array.from({ length: 8 }, () => kase());
    const r = plan(input({ leaders, cases }));
    expect(r.meetings.map((m) => m.agenda.length)).toEqual([6, 2]);
    expect(r.meetings.map((m) => m.agenda.reduce((s, i) => s + i.minutes, 0))).toEqual([120, 40]);
    // Titles say when (unique: a second one in the same half-day would be 督办会（11月2日上午·第2场）).
    expect(r.meetings.map((m) => m.title)).toEqual(['督办会（11月2日上午）', '督办会（11月2日下午）']);
    expect(r.meetings[1].startAt.getTime()).toBeGreaterThanOrEqual(r.meetings[0].endAt.getTime());
  });

  it('chairs a supervision meeting by a director or deputy and seats every leader in charge', () => {
    const leaders = [leader('dir', { rank: 'director' }), leader('head', { rank: 'committee-head' })];
    const settings = { ...input().settings, leadRanks: ['committee-head' as const] };
    const r = plan(input({ leaders, settings, cases: [kase()] }));
    expect(r.meetings).toHaveLength(1);
    expect(r.meetings[0].chairId).toBe('dir');
    expect(r.meetings[0].leaderIds).toEqual(['dir', 'head']);
    expect(r.meetings[0].agenda[0]).toMatchObject({ leadLeaderId: 'head', presenterUnit: 'GOV', minutes: 20 });
    expect(r.meetings[0].unitCodes).toEqual(['GOV', 'UCEC']);
  });

  it('lists a case whose deadline falls before any slot as unmet before-deadline, and still schedules it', () => {
    const c = kase({ replyDueAt: local('2026-11-01T17:00') });
    const r = plan(input({ cases: [c] }));
    expect(meetingOf(r, c.id)).toBeDefined();
    expect(r.unmet).toEqual([{ constraint: 'before-deadline', caseId: c.id, message: expect.stringMatching(/晚于答复期限 2026-11-01 17:00/) }]);
    expect(r.score).toBe(100);
  });

  it('names the deadline the case is late for: 受理期限 for a registered case', () => {
    const c = kase({ replyDueAt: local('2026-11-01T17:00'), deadlineLabel: '受理期限' });
    const r = plan(input({ cases: [c] }));
    expect(r.unmet).toEqual([{ constraint: 'before-deadline', caseId: c.id, message: expect.stringMatching(/晚于受理期限 2026-11-01 17:00/) }]);
  });

  it('schedules the most urgent cases first', () => {
    const leaders = [leader('dir', { rank: 'director', maxActiveCases: 20 })];
    const late = kase({ replyDueAt: local('2026-12-30T17:00') });
    const urgent = Array.from({ length: 6 }, (_, i) => kase({ replyDueAt: local(`2026-11-0${i + 2}T12:00`) }));
    const r = plan(input({ leaders, cases: [late, ...urgent] }));
    expect(r.meetings[0].agenda.map((i) => i.caseId)).toEqual(urgent.map((c) => c.id));
    expect(meetingOf(r, late.id)).toBe(r.meetings[1]);
  });

  it('invites every unit involved to a joint meeting and groups cases that share units', () => {
    const a = kase({ meetingType: 'joint', grade: 'joint-consultation', unitsInvolved: ['COURT', 'PROC'], routeHandledBy: 'COURT', routeCommittee: 'SJC' });
    const b = kase({ meetingType: 'joint', grade: 'joint-consultation', unitsInvolved: ['PROC', 'SUP'], routeHandledBy: 'SUP', routeCommittee: 'SJC' });
    const c = kase({ meetingType: 'joint', grade: 'joint-consultation', unitsInvolved: ['HOUSING', 'HRSS'], routeHandledBy: 'HOUSING', routeCommittee: 'UCEC' });
    const r = plan(input({ cases: [a, b, c] }));
    expect(r.meetings).toHaveLength(2);
    const ab = meetingOf(r, a.id);
    expect(meetingOf(r, b.id)).toBe(ab);
    expect(ab?.unitCodes.sort()).toEqual(['COURT', 'PROC', 'SJC', 'SUP']);
    expect(meetingOf(r, c.id)?.unitCodes.sort()).toEqual(['HOUSING', 'HRSS', 'UCEC']);
    for (const m of r.meetings) expect(['dir', 'dep1', 'dep2']).toContain(m.chairId);
    expect(r.assignments).toEqual([]);
  });

  it('holds one special meeting per cluster, chaired by the director, inviting the invitees and handling units', () => {
    const cluster = { meetingType: 'special' as const, clusterKey: 'urban-construction|茅箭区', specialInvitees: ['SUP', 'GOV'] };
    const cases = [kase({ ...cluster, routeHandledBy: 'HOUSING' }), kase({ ...cluster }), kase({ meetingType: 'special', clusterKey: 'litigation|房县', specialInvitees: ['COURT'], category: 'litigation', region: '房县' })];
    const r = plan(input({ cases }));
    expect(r.meetings.map((m) => [m.title, m.chairId, m.agenda.length, [...m.unitCodes].sort()])).toEqual([
      ['专题会议：城建·茅箭区（11月2日上午）', 'dir', 2, ['GOV', 'HOUSING', 'SUP']],
      ['专题会议：涉法涉诉·房县（11月2日下午）', 'dir', 1, ['COURT', 'GOV']],
    ]);
    // The director cannot chair both at once.
    expect(r.meetings[1].startAt.getTime()).toBeGreaterThanOrEqual(r.meetings[0].endAt.getTime());
  });

  it('splits a cluster whose agenda overflows one meeting and reports it', () => {
    const cases = Array.from({ length: 5 }, () => kase({ meetingType: 'special', clusterKey: 'economy|房县', category: 'economy', region: '房县' }));
    const r = plan(input({ cases }));
    expect(r.meetings.map((m) => m.agenda.length)).toEqual([4, 1]);
    expect(r.meetings.map((m) => m.title)).toEqual(['专题会议：经济发展·房县（11月2日上午）', '专题会议：经济发展·房县（11月2日下午）']);
    expect(r.unmet.map((u) => u.constraint)).toEqual(['one-meeting-per-cluster']);
  });

  it('reports NO_ELIGIBLE_CHAIR for special meetings without a director', () => {
    const r = plan(input({ leaders: [leader('dep1')], cases: [kase({ meetingType: 'special', clusterKey: 'x|y' })] }));
    expect(r.unscheduled.map((u) => u.code)).toEqual(['NO_ELIGIBLE_CHAIR']);
  });

  it('lists cases of meeting types not requested as TYPE_NOT_REQUESTED, without penalty', () => {
    const r = plan(input({ types: ['supervision'], cases: [kase({ meetingType: 'joint' })] }));
    expect(r.unscheduled.map((u) => u.code)).toEqual(['TYPE_NOT_REQUESTED']);
    expect(r.score).toBe(0);
  });

  it('lists a case longer than its meeting as AGENDA_TOO_LONG', () => {
    const settings = { ...input().settings, minutesPerCase: { supervision: 150, joint: 30, special: 30 } };
    expect(plan(input({ settings, cases: [kase()] })).unscheduled.map((u) => u.code)).toEqual(['AGENDA_TOO_LONG']);
  });
});

describe('planMeetings: purity', () => {
  it('gives the same plan for the same input, whatever the order of cases and leaders', () => {
    const leaders = [leader('dir', { rank: 'director', portfolio: ['economy'] }), leader('dep1', { portfolio: ['urban-construction'] }), leader('dep2')];
    const cases = Array.from({ length: 12 }, (_, i) => kase({ category: i % 2 ? 'economy' : 'urban-construction', replyDueAt: local(`2026-11-${10 + i}T12:00`) }));
    const a = plan(input({ leaders, cases }));
    const b = plan(input({ leaders: [...leaders].reverse(), cases: [...cases].reverse() }));
    expect(b).toEqual(a);
  });

  it('rejects a window that ends before it starts with PLANNER_INPUT_INVALID', () => {
    const bad = input({ from: local('2026-11-05T00:00'), to: local('2026-11-02T00:00') });
    expect(() => planMeetings(bad)).toThrow(DomainError);
    expect(() => planMeetings(bad)).toThrow(expect.objectContaining({ code: 'PLANNER_INPUT_INVALID' }) as Error);
  });
});
