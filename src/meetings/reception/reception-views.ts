import { Injectable } from '@nestjs/common';
import { CaseReader } from '../../cases/case-reader.js';
import { Clock } from '../../domain/clock.js';
import type { Actor } from '../../domain/actor.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { OfficeSettings } from '../../settings/office-settings.js';
import type { ReceptionDay } from './reception-day.entity.js';
import { type ReceptionDayView, toReceptionView } from './reception-view.js';

/** Turns reception days into their views, reading leaders, rooms and proposed cases once per answer. */
@Injectable()
export class ReceptionViews {
  constructor(
    private readonly directory: DirectoryService,
    private readonly cases: CaseReader,
    private readonly settings: OfficeSettings,
    private readonly clock: Clock,
  ) {}

  async of(days: ReceptionDay[], viewer: Actor): Promise<ReceptionDayView[]> {
    if (!days.length) return [];
    const caseIds = [...new Set(days.flatMap((d) => d.proposedCaseIds))];
    const [leaders, rooms, cases] = await Promise.all([this.directory.listLeaders(), this.directory.listRooms(), caseIds.length ? this.cases.findManyByIds(caseIds) : Promise.resolve([])]);
    const ctx = {
      viewer,
      now: this.clock.now(),
      timeZone: this.settings.snapshot().policy.timeZone,
      leaders: new Map(leaders.map((l) => [l.id, l])),
      rooms: new Map(rooms.map((r) => [r.id, { id: r.id, name: r.name }])),
      cases: new Map(cases.map((c) => [c.id, c])),
    };
    return days.map((d) => toReceptionView(d, ctx));
  }

  async one(day: ReceptionDay, viewer: Actor): Promise<ReceptionDayView> {
    const [view] = await this.of([day], viewer);
    return view;
  }
}
