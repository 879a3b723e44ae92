import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import type { Page } from '../common/http/pagination.js';
import { CaseAccess } from './case-access.js';
import type { CaseEvent } from './case-event.entity.js';
import { CaseEventRepository } from './case-event.repository.js';
import type { PetitionCase } from './case.entity.js';
import { CaseRepository } from './case.repository.js';
import { type ListCasesQuery, toLedgerFilter } from './dto/list-cases.query.js';

/** Reading cases, with object-level access (`CaseAccess`: every role's rule, e.g. a leader's or a unit's cases only). */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly events: CaseEventRepository,
    private readonly access: CaseAccess,
    private readonly clock: Clock,
  ) {}

  async get(id: string, actor: Actor): Promise<{ petitionCase: PetitionCase; timeline: CaseEvent[] }> {
    // A case the actor may not see answers exactly like a missing one.
    const petitionCase = await this.access.findVisible(id, actor);
    return { petitionCase, timeline: await this.events.timeline(id) };
  }

  async ledger(query: ListCasesQuery, actor: Actor): Promise<Page<PetitionCase>> {
    const filter = { ...toLedgerFilter(query), ...(await this.access.ledgerScope(actor)) };
    const { items, total } = await this.repo.ledger(filter, this.clock.now(), query.sort ?? 'dueAt', query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
