import { describe, expect, it } from '@jest/globals';
import { caseView } from './unit-scorecard.service.js';
import type { ScorecardCaseRow } from './unit-scorecard.repository.js';
import { emptyFigures, ratesOf, ratio, scorecards, type UnitEventCount } from './unit-scorecard.js';

const units = [
  { id: 'u-gov', code: 'GOV', name: '市人民政府', active: true },
  { id: 'u-court', code: 'COURT', name: '市中级人民法院', active: true },
  { id: 'u-old', code: 'OLD', name: '已撤销单位', active: false },
];
const row = (unitCode: string, action: string, outcome: string | null, events: number, cases = events): UnitEventCount => ({ unitCode, action, outcome, events, cases });
const none = { unsignedOverdue: new Map<string, number>(), openOverdue: new Map<string, number>(), casesUrged: new Map<string, number>() };

describe('the unit scorecard’s arithmetic', () => {
  it('adds each event family to its figure and rates sign, reply and satisfaction', () => {
    const [gov] = scorecards(
      units,
      [
        row('GOV', 'route', null, 2),
        row('GOV', 'transfer', null, 4, 3),
        row('GOV', 'sign', 'on-time', 3),
        row('GOV', 'sign', 'late', 1),
        row('GOV', 'reply', 'on-time', 2),
        row('GOV', 'reply', 'late', 2),
        row('GOV', 'request-extension', null, 2),
        row('GOV', 'extend', null, 1),
        row('GOV', 'refuse-extension', null, 1),
        row('GOV', 'urge', 'manual', 2),
        row('GOV', 'urge', 'automatic', 3),
        row('GOV', 'resupervise', null, 1),
        row('GOV', 'feedback', 'satisfied', 3),
        row('GOV', 'feedback', 'dissatisfied', 1),
      ],
      { unsignedOverdue: new Map([['GOV', 1]]), openOverdue: new Map([['GOV', 2]]), casesUrged: new Map([['GOV', 4]]) },
    );
    expect(gov.unitCode).toBe('GOV');
    expect(gov.figures).toEqual({
      received: 5, // distinct cases: route 2 + transfer 3
      signedOnTime: 3,
      signedLate: 1,
      unsignedOverdue: 1,
      repliedOnTime: 2,
      repliedLate: 2,
      openOverdue: 2,
      extensionsRequested: 2,
      extensionsApproved: 1,
      extensionsRefused: 1,
      urgedManually: 2,
      urgedAutomatically: 3,
      urgings: 5,
      casesUrged: 4,
      resupervisions: 1,
      feedback: { satisfied: 3, dissatisfied: 1 },
    });
    // 3 on time of 3 + 1 late + 1 never signed; 2 of 4 replies; 3 of 4 satisfied
    expect(gov.rates).toEqual({ signOnTime: 0.6, replyOnTime: 0.5, satisfaction: 0.75 });
  });

  it('rates nothing when there is nothing to rate, and rounds to four decimals', () => {
    expect(ratesOf(emptyFigures())).toEqual({ signOnTime: null, replyOnTime: null, satisfaction: null });
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(0, 0)).toBeNull();
  });

  it('a unit never signed for its cases in time rates 0, not null', () => {
    const [gov] = scorecards(units.slice(0, 1), [], { ...none, unsignedOverdue: new Map([['GOV', 2]]) });
    expect(gov.rates.signOnTime).toBe(0);
  });

  it('lists every active unit, an inactive one only with figures, drops unknown codes, most received first', () => {
    const cards = scorecards(units, [row('COURT', 'route', null, 1), row('NOPE', 'route', null, 9)], none);
    expect(cards.map((c) => c.unitCode)).toEqual(['COURT', 'GOV']);
    const withOld = scorecards(units, [row('OLD', 'urge', 'automatic', 1)], none);
    expect(withOld.map((c) => c.unitCode)).toEqual(['COURT', 'GOV', 'OLD']);
  });

  it('counts basically-satisfied feedback as satisfied', () => {
    const [gov] = scorecards(units.slice(0, 1), [row('GOV', 'feedback', 'basically-satisfied', 1), row('GOV', 'feedback', 'dissatisfied', 1)], none);
    expect(gov.rates.satisfaction).toBe(0.5);
  });
});

describe('a scorecard case as each reader sees it', () => {
  const now = new Date('2026-11-26T02:00:00Z');
  const stored: ScorecardCaseRow = {
    id: 'c1',
    code: 'XF-2026-000001',
    subject: '小区漏水 身份证420302198001011234 电话13912345678',
    status: 'in_handling',
    routeHandledBy: 'GOV',
    routedAt: new Date('2026-11-01T02:00:00Z'),
    signDueAt: new Date('2026-11-04T10:00:00Z'),
    signedAt: new Date('2026-11-03T02:00:00Z'),
    signedOnTime: true,
    replyDueAt: new Date('2026-11-20T10:00:00Z'),
    dueAt: new Date('2026-11-20T10:00:00Z'),
    repliedAt: null,
    repliedOnTime: false,
    extensionUsed: false,
    extensionRequested: true,
    resupervisionCount: 0,
    feedback: null,
    urgings: 2,
  };

  it('the office sees the subject masked; the case is overdue with the unit', () => {
    const v = caseView(stored, 'GOV', { role: 'secretariat', unitCode: null }, now);
    expect(v.subject).not.toMatch(/420302198001011234|13912345678/);
    expect(v.subject).toContain('小区漏水');
    expect(v).toMatchObject({ withUnit: true, overdue: true, repliedOnTime: null, urgings: 2, extensionRequested: true, signState: 'on-time', replyState: 'overdue' });
  });

  it('a leader sees no subject; a unit sees it only while the case is with it', () => {
    expect(caseView(stored, 'GOV', { role: 'leader', unitCode: null }, now).subject).toBeNull();
    expect(caseView(stored, 'GOV', { role: 'unit', unitCode: 'GOV' }, now).subject).toContain('小区漏水');
    const moved = { ...stored, routeHandledBy: 'COURT' };
    const seen = caseView(moved, 'GOV', { role: 'unit', unitCode: 'GOV' }, now);
    expect(seen).toMatchObject({ subject: null, withUnit: false, overdue: false });
  });

  it('dates the sign-for and the answer by the service’s clock', () => {
    const routed = { ...stored, status: 'routed', signedAt: null, signedOnTime: null };
    expect(caseView(routed, 'GOV', { role: 'secretariat', unitCode: null }, now).signState).toBe('overdue');
    expect(caseView(routed, 'GOV', { role: 'secretariat', unitCode: null }, new Date('2026-11-02T02:00:00Z')).signState).toBe('pending');
    expect(caseView({ ...stored, signedOnTime: false }, 'GOV', { role: 'secretariat', unitCode: null }, now).signState).toBe('late');
    const answered = { ...stored, status: 'replied', repliedAt: new Date('2026-11-21T02:00:00Z'), repliedOnTime: false, dueAt: null };
    expect(caseView(answered, 'GOV', { role: 'secretariat', unitCode: null }, now)).toMatchObject({ replyState: 'late', overdue: false });
    expect(caseView({ ...stored, status: 'accepted', signedAt: null, signDueAt: null }, 'GOV', { role: 'secretariat', unitCode: null }, now).signState).toBe('none');
  });
});
