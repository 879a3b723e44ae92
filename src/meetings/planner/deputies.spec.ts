import { describe, expect, it } from '@jest/globals';
import { chooseDeputies, type DeputyCandidate, type DeputyCase, type DeputyChoiceInput, deputyDoubleBookings, type DeputyMeeting } from './deputies.js';

const at = (hhmm: string, day = '2026-12-01'): Date => new Date(`${day}T${hhmm}:00+08:00`);
const meeting = (caseIds: string[], start = '08:30', end = '10:30', type: DeputyMeeting['type'] = 'supervision', day?: string): DeputyMeeting => ({
  type,
  startAt: at(start, day),
  endAt: at(end, day),
  caseIds,
});
const kase = (id: string, professions: string[], extra: Partial<DeputyCase> = {}): DeputyCase => ({ id, region: '茅箭区', inviteDeputyProfessions: professions, reportedByDeputyId: null, ...extra });
const deputy = (id: string, profession: string, extra: Partial<DeputyCandidate> = {}): DeputyCandidate => ({ id, profession, region: null, active: true, ...extra });

function input(over: Partial<DeputyChoiceInput>): DeputyChoiceInput {
  return { meetings: [], cases: new Map(), deputies: [], commitments: [], recentInvitations: new Map(), maxPerMeeting: 2, ...over };
}
const cases = (...list: DeputyCase[]): Map<string, DeputyCase> => new Map(list.map((c) => [c.id, c]));
const ids = (choice: ReturnType<typeof chooseDeputies>, i = 0): string[] => choice.invitations[i].map((x) => x.deputyId);

describe('chooseDeputies', () => {
  it('invites active deputies whose profession matches, case-insensitively, up to the limit', () => {
    const choice = chooseDeputies(
      input({
        meetings: [meeting(['c1'])],
        cases: cases(kase('c1', ['Law'])),
        deputies: [deputy('d1', 'law'), deputy('d2', ' LAW '), deputy('d3', 'law'), deputy('d4', 'medicine'), deputy('d0', 'law', { active: false })],
      }),
    );
    expect(ids(choice)).toEqual(['d1', 'd2']);
    expect(choice.invitations[0].every((x) => x.profession === 'Law' && x.caseId === 'c1')).toBe(true);
    expect(choice.unmet).toEqual([]);
  });

  it('never invites the deputy who reported a case on the agenda', () => {
    const choice = chooseDeputies(
      input({
        meetings: [meeting(['c1', 'c2'])],
        cases: cases(kase('c1', ['法律']), kase('c2', [], { reportedByDeputyId: 'd1' })),
        deputies: [deputy('d1', '法律'), deputy('d2', '法律')],
      }),
    );
    expect(ids(choice)).toEqual(['d2']);
  });

  it('lists a profession nobody can serve as unmet, in Chinese', () => {
    const choice = chooseDeputies(
      input({ meetings: [meeting(['c1'])], cases: cases(kase('c1', ['法律'], { reportedByDeputyId: 'd1' })), deputies: [deputy('d1', '法律'), deputy('d2', '医生')] }),
    );
    expect(ids(choice)).toEqual([]);
    expect(choice.unmet).toEqual([{ constraint: 'deputy-invite', caseId: 'c1', message: expect.stringContaining('无可邀请的法律专业代表') }]);
  });

  it('serves each profession once before a second deputy of any, and says which one the limit left out', () => {
    const choice = chooseDeputies(
      input({
        meetings: [meeting(['c1', 'c2'])],
        cases: cases(kase('c1', ['法律', '医疗']), kase('c2', ['教育'])),
        deputies: [deputy('a', '法律'), deputy('b', '法律'), deputy('m', '医疗'), deputy('e', '教育')],
        maxPerMeeting: 2,
      }),
    );
    expect(ids(choice)).toEqual(['a', 'm']);
    expect(choice.unmet).toEqual([{ constraint: 'deputy-invite', caseId: 'c2', message: '已达每场会议邀请代表上限（2 人），未邀请教育专业代表。' }]);
  });

  it('invites nobody when the limit is 0', () => {
    const choice = chooseDeputies(input({ meetings: [meeting(['c1'])], cases: cases(kase('c1', ['法律'])), deputies: [deputy('a', '法律')], maxPerMeeting: 0 }));
    expect(ids(choice)).toEqual([]);
    expect(choice.unmet.map((u) => u.message)).toEqual(['已达每场会议邀请代表上限（0 人），未邀请法律专业代表。']);
  });

  it('prefers the fewest invitations in the last 90 days, then the case region, then the id', () => {
    const base = { meetings: [meeting(['c1'])], cases: cases(kase('c1', ['法律'], { region: '张湾区' })), maxPerMeeting: 1 };
    const deputies = [deputy('a', '法律', { region: '茅箭区' }), deputy('b', '法律', { region: '张湾区' }), deputy('c', '法律', { region: '张湾区' })];
    expect(ids(chooseDeputies(input({ ...base, deputies })))).toEqual(['b']);
    expect(ids(chooseDeputies(input({ ...base, deputies, recentInvitations: new Map([['b', 1]]) })))).toEqual(['c']);
    expect(ids(chooseDeputies(input({ ...base, deputies, recentInvitations: new Map([['b', 1], ['c', 2]]) })))).toEqual(['a']);
  });

  it('never takes a deputy whose time is committed, nor one already in an overlapping meeting of the plan', () => {
    const choice = chooseDeputies(
      input({
        meetings: [meeting(['c1'], '08:30', '10:30'), meeting(['c2'], '09:30', '11:30', 'joint'), meeting(['c3'], '10:30', '12:00')],
        cases: cases(kase('c1', ['法律']), kase('c2', ['法律']), kase('c3', ['法律'])),
        deputies: [deputy('a', '法律'), deputy('b', '法律'), deputy('c', '法律')],
        commitments: [{ deputyId: 'c', startAt: at('08:00'), endAt: at('09:00') }],
        maxPerMeeting: 1,
      }),
    );
    expect(choice.invitations.map((x) => x.map((d) => d.deputyId))).toEqual([['a'], ['b'], ['c']]);
    expect(deputyDoubleBookings(choice.invitations.map((x, i) => ({ startAt: [at('08:30'), at('09:30'), at('10:30')][i], endAt: [at('10:30'), at('11:30'), at('12:00')][i], deputyIds: x.map((d) => d.deputyId) })))).toEqual([]);
  });

  it('spreads invitations across the plan: a later meeting prefers the deputy not yet invited', () => {
    const choice = chooseDeputies(
      input({
        meetings: [meeting(['c2'], '14:30', '16:30'), meeting(['c1'], '08:30', '10:30')],
        cases: cases(kase('c1', ['法律']), kase('c2', ['法律'])),
        deputies: [deputy('a', '法律'), deputy('b', '法律')],
        maxPerMeeting: 1,
      }),
    );
    // The earlier meeting (index 1) chooses first.
    expect(ids(choice, 1)).toEqual(['a']);
    expect(ids(choice, 0)).toEqual(['b']);
  });

  it('leaves meetings without requests alone', () => {
    const choice = chooseDeputies(input({ meetings: [meeting(['c1'])], cases: cases(kase('c1', [])), deputies: [deputy('a', '法律')] }));
    expect(choice).toEqual({ invitations: [[]], unmet: [] });
  });
});

describe('deputyDoubleBookings', () => {
  it('finds a deputy in two overlapping meetings and one committed elsewhere, not one in back-to-back meetings', () => {
    const m = (s: string, e: string, deputyIds: string[]) => ({ startAt: at(s), endAt: at(e), deputyIds });
    expect(deputyDoubleBookings([m('08:30', '10:30', ['a']), m('10:30', '11:30', ['a'])])).toEqual([]);
    expect(deputyDoubleBookings([m('08:30', '10:30', ['a']), m('10:00', '11:30', ['a'])])).toEqual(['meetings #0 and #1: deputy a double-booked']);
    expect(deputyDoubleBookings([m('08:30', '10:30', ['a'])], [{ deputyId: 'a', startAt: at('10:00'), endAt: at('10:15') }])).toEqual([
      'meeting #0: deputy a is committed elsewhere at that time',
    ]);
  });
});
