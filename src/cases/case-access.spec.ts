import type { ModuleRef } from '@nestjs/core';
import { ROLES, type Actor, type Role } from '../domain/actor.js';
import { CASE_SCOPES, CaseAccess } from './case-access.js';
import type { PetitionCase } from './case.entity.js';
import type { CaseRepository } from './case.repository.js';
import type { LeaderMeetingCases } from './leader-meeting-cases.port.js';

const ROUTED = new Date('2026-11-26T02:00:00Z');
const caseOf = (overrides: Partial<PetitionCase>): PetitionCase => ({ id: 'c1', routeHandledBy: 'GOV', routedAt: ROUTED, leadLeaderId: null, ...overrides }) as PetitionCase;
const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({ id: `u-${role}`, username: role, displayName: role, role, leaderId: null, unitId: null, unitCode: null, ...extra });

function access(cases: PetitionCase[], attends: (caseId: string, leaderId: string) => boolean = () => false): CaseAccess {
  const repo = { findById: (id: string) => Promise.resolve(cases.find((c) => c.id === id) ?? null) } as unknown as CaseRepository;
  const port: LeaderMeetingCases = { attends: (c, l) => Promise.resolve(attends(c, l)), caseIds: () => Promise.resolve(['m1']) };
  const moduleRef = { get: () => port } as unknown as ModuleRef;
  const a = new CaseAccess(repo, moduleRef);
  a.onModuleInit();
  return a;
}

describe('CaseAccess', () => {
  it('decides a scope for every role', () => {
    expect(ROLES.map((r) => [r, CASE_SCOPES[r]])).toEqual([
      ['admin', 'all'],
      ['secretariat', 'all'],
      ['leader', 'leader'],
      ['auditor', 'all'],
      ['unit', 'unit'],
    ]);
  });

  it('lets a unit see the cases routed to it, not one proposed for it or handled by another', async () => {
    const a = access([]);
    const gov = actor('unit', { unitCode: 'GOV', unitId: 'g' });
    await expect(a.maySee(caseOf({}), gov)).resolves.toBe(true);
    await expect(a.maySee(caseOf({ routedAt: null }), gov)).resolves.toBe(false);
    await expect(a.maySee(caseOf({ routeHandledBy: 'LAC' }), gov)).resolves.toBe(false);
    await expect(a.maySee(caseOf({}), actor('unit'))).resolves.toBe(false);
  });

  it("keeps a leader's rule: in charge, or on a meeting attended", async () => {
    const a = access([], (caseId) => caseId === 'c2');
    const leader = actor('leader', { leaderId: 'L1' });
    await expect(a.maySee(caseOf({ leadLeaderId: 'L1' }), leader)).resolves.toBe(true);
    await expect(a.maySee(caseOf({ id: 'c2' }), leader)).resolves.toBe(true);
    await expect(a.maySee(caseOf({}), leader)).resolves.toBe(false);
    await expect(a.maySee(caseOf({ leadLeaderId: 'L1' }), actor('leader'))).resolves.toBe(false);
  });

  it('findVisible answers a case not visible exactly like a missing one (404 CASE_NOT_FOUND)', async () => {
    const a = access([caseOf({ id: 'c1' })]);
    await expect(a.findVisible('c1', actor('auditor'))).resolves.toMatchObject({ id: 'c1' });
    await expect(a.findVisible('c1', actor('unit', { unitCode: 'LAC' }))).rejects.toMatchObject({ code: 'CASE_NOT_FOUND', status: 404 });
    await expect(a.findVisible('nope', actor('admin'))).rejects.toMatchObject({ code: 'CASE_NOT_FOUND', status: 404 });
  });

  it('scopes the ledger: nothing for the office, the leader’s cases, the unit’s code', async () => {
    const a = access([]);
    await expect(a.ledgerScope(actor('secretariat'))).resolves.toEqual({});
    await expect(a.ledgerScope(actor('leader', { leaderId: 'L1' }))).resolves.toEqual({ leadLeaderId: 'L1', alsoCaseIds: ['m1'] });
    await expect(a.ledgerScope(actor('unit', { unitCode: 'GOV' }))).resolves.toEqual({ routedTo: 'GOV' });
    await expect(a.ledgerScope(actor('unit'))).resolves.toEqual({ routedTo: 'none' });
  });
});
