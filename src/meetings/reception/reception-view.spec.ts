import type { PetitionCase } from '../../cases/case.entity.js';
import type { Actor, Role } from '../../domain/actor.js';
import { ReceptionAccess } from './reception-access.js';
import type { ReceptionDay, ReceptionStatus } from './reception-day.entity.js';
import { receptionActions, toReceptionView } from './reception-view.js';

const actor = (role: Role, leaderId: string | null = null): Actor => ({ id: `u-${role}`, username: role, displayName: role, role, leaderId, unitId: null, unitCode: null });
const START = new Date('2026-12-08T00:30:00Z');
const day = (status: ReceptionStatus, over: Partial<ReceptionDay> = {}): ReceptionDay => ({
  id: 'r1',
  leaderId: 'L1',
  startAt: START,
  endAt: new Date('2026-12-08T04:00:00Z'),
  roomId: null,
  roomBooked: false,
  status,
  proposedCaseIds: ['c1', 'gone'],
  received: [],
  note: null,
  cancelReason: null,
  heldAt: null,
  createdBy: 'u',
  createdAt: START,
  updatedAt: START,
  version: 1,
  ...over,
});

describe('receptionActions', () => {
  const before = new Date(START.getTime() - 1);
  it.each([
    ['planned', before, ['edit', 'confirm', 'cancel']],
    ['confirmed', before, ['edit', 'cancel']],
    ['confirmed', START, ['edit', 'cancel', 'record-held']],
    ['held', START, []],
    ['cancelled', START, []],
  ] as const)('gives the secretariat on a %s day (now %s) %j', (status, now, expected) => {
    expect(receptionActions(day(status), actor('secretariat'), now)).toEqual(expected);
    expect(receptionActions(day(status), actor('admin'), now)).toEqual(expected);
  });

  it('gives auditors and leaders nothing to do', () => {
    for (const who of [actor('auditor'), actor('leader', 'L1')]) expect(receptionActions(day('planned'), who, START)).toEqual([]);
  });
});

describe('ReceptionAccess', () => {
  it('shows a leader only his or her own days past planning', () => {
    const me = actor('leader', 'L1');
    expect((['planned', 'confirmed', 'held', 'cancelled'] as const).map((s) => ReceptionAccess.visible(me, day(s)))).toEqual([false, true, true, true]);
    expect(ReceptionAccess.visible(me, day('confirmed', { leaderId: 'L2' }))).toBe(false);
    expect(ReceptionAccess.visible(actor('leader', null), day('confirmed'))).toBe(false);
    expect(ReceptionAccess.visible(actor('auditor'), day('planned'))).toBe(true);
  });

  it('narrows a leader’s list to his or her own days, whatever leader or status is asked for', () => {
    const window = { from: START, to: START };
    expect(ReceptionAccess.listScope(actor('leader', 'L1'), { ...window, leaderId: 'L2' })).toEqual({ ...window, leaderId: 'L1', statuses: ['confirmed', 'held', 'cancelled'] });
    expect(ReceptionAccess.listScope(actor('leader', 'L1'), { ...window, status: 'planned' })).toEqual({ ...window, leaderId: 'L1', statuses: [] });
    expect(ReceptionAccess.listScope(actor('secretariat'), { ...window, leaderId: 'L2', status: 'planned' })).toEqual({ ...window, leaderId: 'L2', statuses: ['planned'] });
  });
});

describe('toReceptionView', () => {
  const c = { id: 'c1', code: 'XF-1', subject: '物业', grade: 'normal', status: 'accepted', petitionerName: '王小五', repeatCount: 2, dueAt: null, leadLeaderId: null, category: 'urban-construction', region: '茅箭区' } as unknown as PetitionCase;
  const ctx = (viewer: Actor) => ({
    viewer,
    now: START,
    timeZone: 'Asia/Shanghai',
    leaders: new Map([['L1', { id: 'L1', name: '王建国', portfolio: ['urban-construction'], regions: [] }]]),
    rooms: new Map<string, { id: string; name: string }>(),
    cases: new Map([['c1', c]]),
  });

  it('masks the petitioner outside the secretariat, leaves out cases gone, and gives the local day and half-day', () => {
    const secretariat = toReceptionView(day('planned'), ctx(actor('secretariat')));
    const auditor = toReceptionView(day('planned'), ctx(actor('auditor')));
    expect(secretariat.proposedCases).toEqual([{ id: 'c1', code: 'XF-1', subject: '物业', grade: 'normal', status: 'accepted', petitionerName: '王小五', repeatCount: 2, dueAt: null, why: 'repeat' }]);
    expect(auditor.proposedCases.map((p) => p.petitionerName)).toEqual(['王**']);
    expect([secretariat.localDate, secretariat.halfDay, secretariat.leaderName, secretariat.proposedCaseIds]).toEqual(['2026-12-08', 'am', '王建国', ['c1', 'gone']]);
  });
});
