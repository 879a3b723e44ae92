import { describe, expect, it } from '@jest/globals';
import { alternatives, type AlternativesInput, type CandidateLeader } from './alternatives.js';

const leader = (id: string, overrides: Partial<CandidateLeader> = {}): CandidateLeader => ({
  id,
  name: id,
  rank: 'deputy-director',
  active: true,
  portfolio: [],
  regions: [],
  maxActiveCases: 10,
  activeCases: 2,
  ...overrides,
});

/** Monday 2026-12-07 … Friday 2026-12-18, Shanghai office hours 08:30–12:00 and 14:30–17:30. */
const base = (overrides: Partial<AlternativesInput> = {}): AlternativesInput => ({
  meeting: { type: 'supervision', startAt: new Date('2026-12-08T01:00:00Z'), endAt: new Date('2026-12-08T03:00:00Z') },
  subject: { category: 'urban-construction', region: '茅箭区' },
  decliningLeaderId: 'wang',
  attendingLeaderIds: ['director', 'wang'],
  leaders: [
    leader('wang', { portfolio: ['urban-construction'] }),
    leader('zhao', { portfolio: ['urban-construction'], activeCases: 5 }),
    leader('liu', { regions: ['茅箭区'] }),
    leader('chen'),
    leader('busy', { portfolio: ['urban-construction'] }),
    leader('full', { portfolio: ['urban-construction'], activeCases: 10 }),
    leader('off', { portfolio: ['urban-construction'], active: false }),
    leader('head', { portfolio: ['urban-construction'], rank: 'committee-head' }),
  ],
  commitmentsAtMeeting: [{ leaderId: 'busy', leaderName: 'busy', startAt: new Date('2026-12-08T02:00:00Z'), endAt: new Date('2026-12-08T04:00:00Z'), what: '另一已确认会议' }],
  decliningBusy: [{ startAt: new Date('2026-12-07T00:00:00Z'), endAt: new Date('2026-12-09T00:00:00Z') }],
  roomBusy: [{ startAt: new Date('2026-12-09T00:30:00Z'), endAt: new Date('2026-12-09T04:00:00Z') }],
  ctx: { timeZone: 'Asia/Shanghai', officeHours: [['08:30', '12:00'], ['14:30', '17:30']], calendar: { isWorkingDay: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) }, leadRanks: ['director', 'deputy-director'] },
  searchFrom: new Date('2026-12-07T00:00:00Z'),
  searchDays: 14,
  stepMinutes: 30,
  maxSlots: 3,
  ...overrides,
});

describe('alternatives', () => {
  it('offers free, active leaders of a lead rank under capacity: portfolio matches first, then region, then load', () => {
    expect(alternatives(base()).substitutes.map((s) => [s.leaderId, s.portfolioMatch, s.regionMatch])).toEqual([
      ['zhao', true, false],
      ['liu', false, true],
      ['chen', false, false],
    ]);
  });

  it('offers the next slots in office hours where the declining leader and the room are free', () => {
    expect(alternatives(base()).slots).toEqual([
      // 12-07 and 12-08 the leader is busy; 12-09 morning the room is taken.
      { startAt: '2026-12-09T06:30:00.000Z', endAt: '2026-12-09T08:30:00.000Z' },
      { startAt: '2026-12-09T07:00:00.000Z', endAt: '2026-12-09T09:00:00.000Z' },
      { startAt: '2026-12-09T07:30:00.000Z', endAt: '2026-12-09T09:30:00.000Z' },
    ]);
  });
});
