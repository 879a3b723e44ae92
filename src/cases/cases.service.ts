import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import type { Page } from '../common/http/pagination.js';
import { PiiCipher } from '../common/pii/pii-cipher.js';
import { CaseActionsService } from './case-actions.service.js';
import { CaseQueriesService } from './case-queries.service.js';
import { OfficeSettings } from '../settings/office-settings.js';
import { deadlinesOf } from './office-deadlines.js';
import { CaseViewBuilder, type CaseView, reportingDeputyIds, type ReportingDeputyView, type TimelineEventView, toTimelineView } from './case-view.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { PetitionCase } from './case.entity.js';
import type { CaseActionDto } from './dto/case-action.dto.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';
import type { ListCasesQuery } from './dto/list-cases.query.js';
import { IntakeService } from './intake.service.js';

/** The cases API in one place: each method does the work and returns what this actor may see. */
@Injectable()
export class CasesService {
  private readonly views: CaseViewBuilder;

  constructor(
    private readonly intake: IntakeService,
    private readonly actions: CaseActionsService,
    private readonly queries: CaseQueriesService,
    private readonly clock: Clock,
    private readonly directory: DirectoryService,
    cipher: PiiCipher,
    settings: OfficeSettings,
  ) {
    this.views = new CaseViewBuilder(cipher, () => deadlinesOf(settings));
  }

  async register(input: CreateCaseDto, actor: Actor, idempotencyKey?: string): Promise<{ view: CaseView; replayed: boolean }> {
    const { petitionCase, replayed } = await this.intake.register(input, actor, idempotencyKey);
    return { view: this.views.build(petitionCase, actor, this.clock.now(), undefined, await this.deputiesFor([petitionCase], actor)), replayed };
  }

  async act(id: string, input: CaseActionDto, actor: Actor): Promise<CaseView> {
    await this.actions.perform(id, input, actor);
    return this.get(id, actor);
  }

  async get(id: string, actor: Actor): Promise<CaseView> {
    const { petitionCase, timeline } = await this.queries.get(id, actor);
    return this.views.build(petitionCase, actor, this.clock.now(), timeline, await this.deputiesFor([petitionCase], actor));
  }

  async timeline(id: string, actor: Actor): Promise<TimelineEventView[]> {
    return (await this.queries.get(id, actor)).timeline.map(toTimelineView);
  }

  async ledger(query: ListCasesQuery, actor: Actor): Promise<Page<CaseView>> {
    const page = await this.queries.ledger(query, actor);
    const now = this.clock.now();
    const deputies = await this.deputiesFor(page.items, actor);
    return { ...page, items: page.items.map((c) => this.views.build(c, actor, now, undefined, deputies)) };
  }

  /** The reporting deputies these views show (read only when the actor may see them). */
  private async deputiesFor(cases: PetitionCase[], actor: Actor): Promise<Map<string, ReportingDeputyView>> {
    const ids = reportingDeputyIds(cases, actor);
    return new Map((await this.directory.deputiesByIds(ids)).map((d) => [d.id, d]));
  }
}
