import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import type { Page } from '../common/http/pagination.js';
import type { CaseEvent } from './case-event.entity.js';
import { CaseEventRepository } from './case-event.repository.js';
import { CaseErrors } from './case.errors.js';
import type { PetitionCase } from './case.entity.js';
import { CaseRepository } from './case.repository.js';
import { type ListCasesQuery, toLedgerFilter } from './dto/list-cases.query.js';
import { LEADER_MEETING_CASES, type LeaderMeetingCases } from './leader-meeting-cases.port.js';

/** Reading cases, with object-level access: a leader sees only his or her cases (in charge, or on a meeting attended). */
@Injectable()
export class CaseQueriesService implements OnModuleInit {
  private meetingCases: LeaderMeetingCases | null = null;

  constructor(
    private readonly repo: CaseRepository,
    private readonly events: CaseEventRepository,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The port is provided by the meetings module, above this one: looked up once the application is built. */
  onModuleInit(): void {
    try {
      this.meetingCases = this.moduleRef.get<LeaderMeetingCases>(LEADER_MEETING_CASES, { strict: false });
    } catch {
      throw new Error('No provider for the LeaderMeetingCases port (LEADER_MEETING_CASES): import MeetingsModule into the application');
    }
  }

  async get(id: string, actor: Actor): Promise<{ petitionCase: PetitionCase; timeline: CaseEvent[] }> {
    const petitionCase = await this.repo.findById(id);
    // A case the leader may not see answers exactly like a missing one.
    if (!petitionCase || !(await this.maySee(petitionCase, actor))) throw CaseErrors.notFound();
    return { petitionCase, timeline: await this.events.timeline(id) };
  }

  async ledger(query: ListCasesQuery, actor: Actor): Promise<Page<PetitionCase>> {
    const filter = toLedgerFilter(query);
    if (actor.role === 'leader') {
      filter.leadLeaderId = actor.leaderId ?? 'none';
      filter.alsoCaseIds = actor.leaderId ? await this.port().caseIds(actor.leaderId) : [];
    }
    const { items, total } = await this.repo.ledger(filter, this.clock.now(), query.sort ?? 'dueAt', query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** A leader sees the cases in his or her charge and those on confirmed meetings he or she attends. */
  private async maySee(c: PetitionCase, actor: Actor): Promise<boolean> {
    if (actor.role !== 'leader') return true;
    if (actor.leaderId === null) return false;
    return c.leadLeaderId === actor.leaderId || this.port().attends(c.id, actor.leaderId);
  }

  private port(): LeaderMeetingCases {
    if (!this.meetingCases) throw new Error('the LeaderMeetingCases port is not resolved yet');
    return this.meetingCases;
  }
}
