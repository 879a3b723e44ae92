import { describe, expect, it } from 'vitest';
import { emptyUnitForm, unitActionBody, unitActionsOf, unitCaseMarks, unitDeadlines, urgingsOf } from './unitCase';

const deadlines = {
  acceptDueAt: '2026-12-10T15:59:59.999Z',
  replyDueAt: '2027-01-26T15:59:59.999Z',
  dueAt: '2027-01-26T15:59:59.999Z',
  daysLeft: 40,
  overdue: false,
  dueSoon: false,
  extensionUsed: false,
  reportRequired: true,
  signDueAt: '2026-12-01T15:59:59.999Z',
  signedAt: null,
  signedOnTime: null,
  signOverdue: false,
};
const event = (action: string, actorId: string, reason: string | null, at: string) => ({
  id: at,
  at,
  action,
  fromStatus: 'in_handling' as const,
  toStatus: 'in_handling' as const,
  actor: { id: actorId, name: '张秘书', role: 'secretariat' },
  reason,
  data: {},
});

describe('unitActionsOf', () => {
  it("keeps the unit's own steps the API allows, in the page's order, and nothing else", () => {
    expect(unitActionsOf({ allowedActions: ['request-extension', 'ask', 'sign'] })).toEqual(['sign', 'ask', 'request-extension']);
    expect(unitActionsOf({ allowedActions: ['close', 'urge', 'reply'] })).toEqual(['reply']);
    expect(unitActionsOf({ allowedActions: [] })).toEqual([]);
  });
});

describe('unitDeadlines', () => {
  it('lists 签收期限 (running while unsigned) and 答复期限 (with the API judgement when it is the running one)', () => {
    expect(unitDeadlines({ deadlines, repliedAt: null })).toEqual([
      { kind: 'sign', dueAt: deadlines.signDueAt, doneAt: null, running: { overdue: false, dueSoon: false, daysLeft: null } },
      { kind: 'reply', dueAt: deadlines.replyDueAt, doneAt: null, running: { overdue: false, dueSoon: false, daysLeft: 40 } },
    ]);
  });

  it('marks a late signature as the API says and shows when each step was done', () => {
    const rows = unitDeadlines({ deadlines: { ...deadlines, signOverdue: true }, repliedAt: null });
    expect(rows[0].running).toEqual({ overdue: true, dueSoon: false, daysLeft: null });
    const done = unitDeadlines({ deadlines: { ...deadlines, signedAt: '2026-11-27T02:00:00Z', dueAt: null }, repliedAt: '2026-12-20T02:00:00Z' });
    expect(done.map((r) => [r.kind, r.doneAt, r.running])).toEqual([
      ['sign', '2026-11-27T02:00:00Z', null],
      ['reply', '2026-12-20T02:00:00Z', null],
    ]);
  });

  it('shows no line for a deadline the case does not have', () => {
    expect(unitDeadlines({ deadlines: { ...deadlines, signDueAt: null, replyDueAt: null, dueAt: null }, repliedAt: null })).toEqual([]);
  });
});

describe('urgingsOf', () => {
  it("takes the timeline's urges, newest first, telling the sweep's automatic ones apart", () => {
    const timeline = [event('sign', 'u1', null, '2026-11-27T01:00:00Z'), event('urge', 'u2', '请加快办理', '2026-12-01T01:00:00Z'), event('urge', 'system', null, '2026-12-05T01:00:00Z')];
    expect(urgingsOf(timeline)).toEqual([
      { at: '2026-12-05T01:00:00Z', note: null, automatic: true },
      { at: '2026-12-01T01:00:00Z', note: '请加快办理', automatic: false },
    ]);
    expect(urgingsOf(undefined)).toEqual([]);
  });
});

describe('unitActionBody', () => {
  it('sends only what each step takes, trimmed, empty text left out', () => {
    const form = { reason: '  已完成改造  ', report: ' ', days: 15, attachmentIds: ['a1'] };
    expect(unitActionBody('sign', form)).toEqual({ action: 'sign' });
    expect(unitActionBody('ask', form)).toEqual({ action: 'ask', reason: '已完成改造' });
    expect(unitActionBody('request-extension', form)).toEqual({ action: 'request-extension', days: 15, reason: '已完成改造' });
    expect(unitActionBody('reply', form)).toEqual({ action: 'reply', reason: '已完成改造', report: undefined, attachmentIds: ['a1'] });
    expect(unitActionBody('reply', emptyUnitForm())).toEqual({ action: 'reply', reason: undefined, report: undefined, attachmentIds: [] });
  });
});

describe('unitCaseMarks', () => {
  const route = { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' as const };
  it('says what the API judged: late signature, overdue or due soon, supervised, an extension pending', () => {
    expect(unitCaseMarks({ deadlines, route, extensionRequest: null })).toEqual([]);
    expect(unitCaseMarks({ deadlines: { ...deadlines, signOverdue: true, overdue: true, dueSoon: true }, route: { ...route, mode: 'supervised' }, extensionRequest: { days: 10, reason: '资金', requestedAt: '2026-12-01T00:00:00Z' } }).map((m) => m.key)).toEqual([
      'signOverdue',
      'overdue',
      'supervised',
      'extensionPending',
    ]);
    expect(unitCaseMarks({ deadlines: { ...deadlines, dueSoon: true }, route, extensionRequest: null })).toEqual([{ key: 'dueSoon', tone: 'soon' }]);
  });
});
