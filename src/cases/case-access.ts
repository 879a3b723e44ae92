import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Actor, Role } from '../domain/actor.js';
import { CaseErrors } from './case.errors.js';
import { unitSees } from './case-permissions.js';
import type { PetitionCase } from './case.entity.js';
import { CaseRepository } from './case.repository.js';
import type { LedgerFilter } from './ledger-filter.js';
import { LEADER_MEETING_CASES, type LeaderMeetingCases } from './leader-meeting-cases.port.js';

/**
 * Which cases a role sees, decided explicitly for every role (a new role must choose):
 * `all` every case; `leader` the cases in the leader's charge and those on confirmed or held meetings
 * he or she attends; `unit` the cases routed or transferred to the account's unit (its current handling
 * unit, `routeHandledBy`, once routed).
 */
export type CaseScope = 'all' | 'leader' | 'unit';
export const CASE_SCOPES: Readonly<Record<Role, CaseScope>> = {
  admin: 'all',
  secretariat: 'all',
  auditor: 'all',
  leader: 'leader',
  unit: 'unit',
};

/**
 * Object-level access to cases, for every module: a case the actor may not see answers exactly like a
 * missing one (404 CASE_NOT_FOUND). The leaders' meeting cases come through the LeaderMeetingCases port
 * (provided by the meetings module, above this one: looked up once the application is built).
 */
@Injectable()
export class CaseAccess implements OnModuleInit {
  private meetingCases: LeaderMeetingCases | null = null;

  constructor(
    private readonly repo: CaseRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    try {
      this.meetingCases = this.moduleRef.get<LeaderMeetingCases>(LEADER_MEETING_CASES, { strict: false });
    } catch {
      throw new Error('No provider for the LeaderMeetingCases port (LEADER_MEETING_CASES): import MeetingsModule into the application');
    }
  }

  /** The case, when it exists and this actor may see it; 404 CASE_NOT_FOUND otherwise. */
  async findVisible(caseId: string, actor: Actor): Promise<PetitionCase> {
    const c = await this.repo.findById(caseId);
    if (!c || !(await this.maySee(c, actor))) throw CaseErrors.notFound();
    return c;
  }

  async maySee(c: PetitionCase, actor: Actor): Promise<boolean> {
    switch (CASE_SCOPES[actor.role]) {
      case 'all':
        return true;
      case 'leader':
        if (actor.leaderId === null) return false;
        return c.leadLeaderId === actor.leaderId || this.port().attends(c.id, actor.leaderId);
      case 'unit':
        return unitSees(c, actor);
    }
  }

  /** The ledger's restriction for this actor (added to its own filters). */
  async ledgerScope(actor: Actor): Promise<Pick<LedgerFilter, 'leadLeaderId' | 'alsoCaseIds' | 'routedTo'>> {
    switch (CASE_SCOPES[actor.role]) {
      case 'all':
        return {};
      case 'leader':
        return { leadLeaderId: actor.leaderId ?? 'none', alsoCaseIds: actor.leaderId ? await this.port().caseIds(actor.leaderId) : [] };
      case 'unit':
        return { routedTo: actor.unitCode ?? 'none' };
    }
  }

  private port(): LeaderMeetingCases {
    if (!this.meetingCases) throw new Error('the LeaderMeetingCases port is not resolved yet');
    return this.meetingCases;
  }
}
