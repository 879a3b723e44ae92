import type { CaseStatus, HandlingMode } from '../domain/case-vocabulary.js';
import { runningDeadline } from './running-deadline.js';

const ACCEPT = new Date('2026-12-05T15:59:59.999Z');
const REPLY = new Date('2027-01-25T15:59:59.999Z');

const facts = (status: CaseStatus, routeMode: HandlingMode = 'transfer', resupervisionCount = 0, running: Date | null = REPLY) => ({
  status,
  routeMode,
  resupervisionCount,
  acceptDueAt: ACCEPT,
  replyDueAt: status === 'registered' ? null : running,
  dueAt: status === 'registered' ? ACCEPT : running,
});

describe('the deadline running on a case, named for what it is', () => {
  it('is the acceptance deadline (受理期限) while the case is registered', () => {
    expect(runningDeadline(facts('registered'))).toEqual({ kind: 'accept', dueAt: ACCEPT });
    expect(runningDeadline(facts('registered', 'supervised'))).toEqual({ kind: 'accept', dueAt: ACCEPT });
  });

  it.each<[CaseStatus, HandlingMode]>([
    ['accepted', 'transfer'],
    ['accepted', 'supervised'],
    ['routed', 'transfer'],
    ['routed', 'internal'],
    ['in_handling', 'transfer'],
  ])('is the reply deadline (答复期限) for a case %s (%s)', (status, mode) => {
    expect(runningDeadline(facts(status, mode))).toEqual({ kind: 'reply', dueAt: REPLY });
  });

  it.each<[CaseStatus, HandlingMode, number]>([
    ['routed', 'supervised', 0],
    ['in_handling', 'supervised', 0],
    ['in_handling', 'transfer', 1],
  ])('is the supervision deadline (督办期限) for a case %s as %s item, re-supervised %i times', (status, mode, resupervised) => {
    expect(runningDeadline(facts(status, mode, resupervised))).toEqual({ kind: 'supervision', dueAt: REPLY });
  });

  it.each<CaseStatus>(['rejected', 'replied', 'closed', 'withdrawn'])('is none once the case is %s', (status) => {
    expect(runningDeadline(facts(status, 'supervised', 0, null))).toBeNull();
  });

  it('is none when an open case has no deadline recorded', () => {
    expect(runningDeadline(facts('accepted', 'transfer', 0, null))).toBeNull();
  });
});
