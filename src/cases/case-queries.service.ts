import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import type { Page } from '../common/http/pagination.js';
import type { CaseEvent } from './case-event.entity.js';
import { CaseErrors } from './case.errors.js';
import type { PetitionCase } from './case.entity.js';
import { CaseRepository } from './case.repository.js';
import { type ListCasesQuery, toLedgerFilter } from './dto/list-cases.query.js';

/** Reading cases, with object-level access: a leader sees only his or her cases (in charge, or on a meeting attended). */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly clock: Clock,
  ) {}

  async get(id: string, actor: Actor): Promise<{ petitionCase: PetitionCase; timeline: CaseEvent[] }> {
    const petitionCase = await this.repo.findById(id);
    // A case the leader may not see answers exactly like a missing one.
    if (!petitionCase || !(await this.maySee(petitionCase, actor))) throw CaseErrors.notFound();
    return { petitionCase, timeline: await this.repo.timeline(id) };
  }

  async ledger(query: ListCasesQuery, actor: Actor): Promise<Page<PetitionCase>> {
    const leadLeaderId = actor.role === 'leader' ? (actor.leaderId ?? 'none') : undefined;
    const { items, total } = await this.repo.ledger(
      toLedgerFilter(query, leadLeaderId),
      this.clock.now(),
      query.sort ?? 'dueAt',
      query.page,
      query.pageSize,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** A leader sees the cases in his or her charge and those on confirmed meetings he or she attends. */
  private async maySee(c: PetitionCase, actor: Actor): Promise<boolean> {
    if (actor.role !== 'leader') return true;
    if (actor.leaderId === null) return false;
    return c.leadLeaderId === actor.leaderId || this.repo.onMeetingAttendedBy(c.id, actor.leaderId);
  }
}
