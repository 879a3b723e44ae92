import { DateTime } from 'luxon';
import { loadPolicy } from '../../../config/policy.js';
import { WorkingCalendar } from '../../common/time/working-calendar.js';
import type { MeetingType } from '../../domain/case-vocabulary.js';
import type { LeaderRank } from '../../domain/leader-ranks.js';
import { checkHardConstraints } from '../constraints/plan-check.js';
import { planMeetings } from './planner.js';
import type { PlannerInput, PlannerRoom, PlanResult } from './planner.types.js';
import { seededRandom } from '../../common/seeded-random.js';
import { randomInstance } from '../../../test/support/random-instance.js';

const policy = loadPolicy();
const calendar = new WorkingCalendar(policy.calendarOverrides);
const INSTANCES = 400;

/** Windows around National Day 2026, an ordinary month, and the 2026/2027 new year (2027 has no data). */
const STARTS = ['2026-09-14', '2026-09-28T10:10', '2026-10-05', '2026-11-02T09:00', '2026-12-21', '2026-12-30T15:00'];
const OFFICE_HOURS: [string, string][][] = [
  policy.officeHours,
  [
    ['09:00', '11:00'],
    ['13:00', '18:00'],
  ],
  [['08:00', '17:00']],
];

function instance(seed: number): PlannerInput {
  const r = seededRandom(seed * 7919);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  const types = (['special', 'joint', 'supervision'] as MeetingType[]).filter(() => r() < 0.8);
  const meetingMinutes = pick([60, 90, 120, 180]);
  const perCase = (): number => (r() < 0.03 ? meetingMinutes + 15 : pick([15, 20, 30, 45]));
  const leadRanks: LeaderRank[] = r() < 0.8 ? ['director', 'deputy-director'] : ['deputy-director', 'committee-head'];
  const base = randomInstance({
    seed,
    cases: Math.floor(r() * 41),
    leaders: 1 + Math.floor(r() * 8),
    days: 1 + Math.floor(r() * 21),
    start: pick(STARTS),
    calendar,
    mix: { supervision: r(), joint: r() * 0.6, special: r() * 0.6 },
    busyRate: r(),
    keptRate: r() * 0.5,
    slack: 0.2 + r() * 2,
    officeHours: pick(OFFICE_HOURS),
    settings: {
      minutesPerCase: { supervision: perCase(), joint: perCase(), special: perCase() },
      meetingMinutes: { supervision: meetingMinutes, joint: pick([60, 120]), special: pick([90, 120]) },
      slotStepMinutes: pick([15, 30, 60]),
      leadRanks,
    },
  });
  return { ...base, types: types.length ? types : ['supervision'], rooms: r() < 0.75 ? randomRooms(r, base.from, base.to) : undefined };
}

/** 1–4 rooms: small to large, some open only in the morning or the afternoon, some with a busy block. */
function randomRooms(r: () => number, from: Date, to: Date): PlannerRoom[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
  return Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => {
    const hours = r();
    const start = from.getTime() + Math.floor(r() * Math.max(1, (to.getTime() - from.getTime()) / 3_600_000)) * 3_600_000;
    return {
      id: `room-${i}`,
      name: `会议室${i + 1}`,
      capacity: pick([2, 3, 5, 8, 12, 40]),
      availableHours: hours < 0.2 ? [['08:30', '12:00']] : hours < 0.35 ? [['14:00', '18:00']] : null,
      busy: r() < 0.3 ? [{ start: new Date(start), end: new Date(start + pick([1, 3, 8]) * 3_600_000) }] : [],
    };
  });
}

/** Re-checks a few hard properties without the planner's own checker. */
function independentViolations(input: PlannerInput, result: PlanResult): string[] {
  const v: string[] = [];
  // Every case exactly once: on one agenda or unscheduled.
  const seen = new Map<string, number>();
  for (const m of result.meetings) for (const i of m.agenda) seen.set(i.caseId, (seen.get(i.caseId) ?? 0) + 1);
  for (const u of result.unscheduled) seen.set(u.caseId, (seen.get(u.caseId) ?? 0) + 1);
  for (const c of input.cases) if (seen.get(c.id) !== 1) v.push(`case ${c.id} seen ${seen.get(c.id) ?? 0} times`);
  if (seen.size !== input.cases.length) v.push('unknown case ids in the result');

  // No leader in two places at once.
  for (const l of input.leaders) {
    const spans = [
      ...l.busy.map((b) => [b.start.getTime(), b.end.getTime(), 0] as const),
      ...result.meetings.filter((m) => m.leaderIds.includes(l.id)).map((m) => [m.startAt.getTime(), m.endAt.getTime(), 1] as const),
    ];
    for (let a = 0; a < spans.length; a++) {
      for (let b = a + 1; b < spans.length; b++) {
        const [s1, e1, k1] = spans[a];
        const [s2, e2, k2] = spans[b];
        if (k1 + k2 > 0 && s1 < e2 && s2 < e1) v.push(`leader ${l.id} double-booked`);
      }
    }
  }

  // No room in two places at once, none too small, each open then; with rooms given, every meeting has one.
  for (const room of input.rooms ?? []) {
    const spans = [
      ...room.busy.map((b) => [b.start.getTime(), b.end.getTime(), 0] as const),
      ...result.meetings.filter((m) => m.roomId === room.id).map((m) => [m.startAt.getTime(), m.endAt.getTime(), 1] as const),
    ];
    for (let a = 0; a < spans.length; a++) {
      for (let b = a + 1; b < spans.length; b++) {
        if (spans[a][2] + spans[b][2] > 0 && spans[a][0] < spans[b][1] && spans[b][0] < spans[a][1]) v.push(`room ${room.id} double-booked`);
      }
    }
    for (const m of result.meetings.filter((x) => x.roomId === room.id)) {
      const seats = m.leaderIds.length + new Set([...m.unitCodes, ...m.agenda.map((i) => i.presenterUnit)]).size;
      if (seats > room.capacity) v.push(`room ${room.id} seats ${room.capacity} < ${seats}`);
      const [hs, he] = [m.startAt, m.endAt].map((d) => DateTime.fromJSDate(d, { zone: input.timeZone }).toFormat('HH:mm'));
      if (room.availableHours && !room.availableHours.some(([ps, pe]) => ps <= hs && he <= pe)) v.push(`room ${room.id} closed ${hs}–${he}`);
    }
  }
  if (input.rooms?.length && result.meetings.some((m) => !m.roomId)) v.push('a meeting without a room');

  // Working day, one office period (HH:mm strings compare in order), chair rank, agenda fits.
  for (const m of result.meetings) {
    const s = DateTime.fromJSDate(m.startAt, { zone: input.timeZone });
    const e = DateTime.fromJSDate(m.endAt, { zone: input.timeZone });
    if (!calendar.isWorkingDay(s.toISODate() as string)) v.push(`meeting on a day off ${s.toISO()}`);
    const [hs, he] = [s.toFormat('HH:mm'), e.toFormat('HH:mm')];
    if (s.toISODate() !== e.toISODate() || !input.officeHours.some(([ps, pe]) => ps <= hs && he <= pe)) v.push(`meeting ${hs}–${he} outside office hours`);
    if (m.startAt < input.from || m.endAt > input.to) v.push('meeting outside the window');
    const chair = input.leaders.find((l) => l.id === m.chairId);
    const ranks = m.type === 'special' ? ['director'] : ['director', 'deputy-director'];
    if (!chair || !ranks.includes(chair.rank)) v.push(`bad chair for ${m.type}`);
    if (m.agenda.reduce((sum, i) => sum + i.minutes, 0) > (m.endAt.getTime() - m.startAt.getTime()) / 60_000) v.push('agenda overflow');
  }

  // Supervision: one leader in charge per scheduled case, attending; new cases within capacity.
  const added = new Map<string, number>();
  const total = new Map<string, number>();
  for (const m of result.meetings) {
    if (m.type !== 'supervision') continue;
    for (const i of m.agenda) {
      const a = result.assignments.filter((x) => x.caseId === i.caseId);
      if (a.length !== 1 || !m.leaderIds.includes(a[0].leaderId)) v.push(`case ${i.caseId}: ${a.length} leaders in charge`);
      else {
        total.set(a[0].leaderId, (total.get(a[0].leaderId) ?? 0) + 1);
        if (!a[0].kept) added.set(a[0].leaderId, (added.get(a[0].leaderId) ?? 0) + 1);
      }
    }
  }
  for (const [id, n] of added) {
    const l = input.leaders.find((x) => x.id === id);
    if (!l || !input.settings.leadRanks.includes(l.rank) || l.activeCases + (total.get(id) ?? 0) > l.maxActiveCases) v.push(`leader ${id} over capacity (${n} new)`);
  }
  return v;
}

describe(`planMeetings on ${INSTANCES} seeded random instances`, () => {
  it('breaks no hard constraint and accounts for every case', () => {
    const codes = new Map<string, number>();
    let meetings = 0;
    for (let seed = 1; seed <= INSTANCES; seed++) {
      const input = instance(seed);
      const result = planMeetings(input);
      expect({ seed, violations: checkHardConstraints(input, result) }).toEqual({ seed, violations: [] });
      expect({ seed, violations: independentViolations(input, result) }).toEqual({ seed, violations: [] });
      for (const u of result.unscheduled) {
        expect(u.reason).toMatch(/[\u4e00-\u9fff]/);
        codes.set(u.code, (codes.get(u.code) ?? 0) + 1);
      }
      meetings += result.meetings.length;
      expect(planMeetings(input)).toEqual(result);
    }
    // The instances exercise the interesting paths, not only easy ones.
    expect(meetings).toBeGreaterThan(INSTANCES);
    expect([...codes.keys()].sort()).toEqual(expect.arrayContaining(['LEADERS_AT_CAPACITY', 'NO_FREE_ROOM', 'NO_FREE_SLOT', 'TYPE_NOT_REQUESTED']));
  });
});
