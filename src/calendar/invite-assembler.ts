import { runningDeadline } from '../cases/running-deadline.js';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { CaseReader } from '../cases/case-reader.js';
import { timelineActionLabel } from '../cases/lifecycle.js';
import { maskName } from '../common/pii/masking.js';
import { APP_CONFIG } from '../common/tokens.js';
import { DirectoryService } from '../directory/directory.service.js';
import { MeetingReader } from '../meetings/meeting-reader.js';
import { type MeetingAggregate } from '../meetings/meeting-aggregate.js';
import { OfficeSettings } from '../settings/office-settings.js';
import type { BriefAgendaItem, InviteMeeting, InviteSettings } from './invite.types.js';

const RECENT_EVENTS = 4;

/** The meeting's page in the web console (the invite's URL and the e-mail's link): signed-in users land on it, not on the JSON API. */
export const meetingPageUrl = (publicBaseUrl: string, meetingId: string): string => `${publicBaseUrl}/console/meetings/${meetingId}`;

/** Resolves a stored meeting into what an invite shows: names, agenda cases with their brief, no personal data. */
@Injectable()
export class InviteAssembler {
  private readonly organizer: { name: string; email: string };

  constructor(
    private readonly meetings: MeetingReader,
    private readonly cases: CaseReader,
    private readonly directory: DirectoryService,
    private readonly office: OfficeSettings,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
  ) {
    const email = /<([^>]+)>/.exec(app.mailFrom)?.[1] ?? app.mailFrom;
    this.organizer = { name: office.meetings().invites.organizerName, email };
  }

  /** The invites' settings in force now (alarms are an office setting: a new version applies to the next invite). */
  get settings(): InviteSettings {
    return { timeZone: this.office.timeZone(), alarmMinutesBefore: this.office.meetings().invites.alarmMinutesBefore, productId: '-//人大常委会信访室//信访联动规划//ZH' };
  }

  async forMeeting(meetingId: string, method?: 'REQUEST' | 'CANCEL', sequence?: number): Promise<InviteMeeting | null> {
    const aggregate = await this.meetings.find(meetingId);
    if (!aggregate) return null;
    const [invite] = await this.assembleMany([aggregate]);
    return { ...invite, ...(method ? { method } : {}), ...(sequence !== undefined ? { sequence } : {}) };
  }

  /** Many meetings with a fixed number of queries (a leader's feed holds hundreds). */
  async assembleMany(aggregates: MeetingAggregate[]): Promise<InviteMeeting[]> {
    const caseIds = [...new Set(aggregates.flatMap((a) => a.agenda.map((i) => i.caseId)))];
    const [leaders, units, cases, timelines, outcomes] = await Promise.all([
      this.directory.listLeaders(),
      this.directory.listUnits(),
      this.cases.findManyByIds(caseIds),
      this.cases.timelines(caseIds),
      this.meetings.outcomesForCases(caseIds),
    ]);
    const leaderName = new Map(leaders.map((l) => [l.id, l.name]));
    const unitNames = new Map(units.map((u) => [u.code, u.name]));
    const unitName = (code: string): string => unitNames.get(code) ?? code;
    const caseById = new Map(cases.map((c) => [c.id, c]));
    return aggregates.map(({ meeting: m, agenda: items, attendees }) => {
      const agenda: BriefAgendaItem[] = [];
      for (const item of items) {
        const c = caseById.get(item.caseId);
        if (!c) continue;
        const last = outcomes.find((o) => o.caseId === c.id && o.meetingId !== m.id);
        const deadline = runningDeadline(c);
        agenda.push({
          caseId: c.id,
          caseCode: c.code,
          minutes: item.minutes,
          leadLeader: item.leadLeaderId ? { id: item.leadLeaderId, name: leaderName.get(item.leadLeaderId) ?? '' } : null,
          presenterUnitName: unitName(item.presenterUnit),
          grade: c.grade,
          category: c.category,
          region: c.region,
          subject: c.subject,
          petitionerMasked: maskName(c.petitionerName),
          headcount: c.headcount,
          status: c.status,
          mode: c.routeMode,
          handlingUnitName: unitName(c.routeHandledBy),
          dueAt: deadline?.dueAt ?? null,
          deadlineKind: deadline?.kind ?? null,
          extensionUsed: c.extensionUsed,
          recentEvents: (timelines.get(c.id) ?? []).slice(-RECENT_EVENTS).map((e) => ({ at: e.at, label: label(e.action, e.data, unitName) })),
          lastRequirements: last?.requirements ?? last?.decision ?? null,
        });
      }
      return {
        uid: m.uid,
        sequence: m.sequence,
        method: m.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
        type: m.type,
        title: m.title,
        startAt: m.startAt,
        endAt: m.endAt,
        location: m.location,
        updatedAt: m.updatedAt,
        organizer: this.organizer,
        chair: { id: m.chairId, name: leaderName.get(m.chairId) ?? '' },
        attendees: attendees.filter((x) => x.active).map((x) => ({ kind: x.kind, id: x.refId, name: x.name, email: x.email, role: x.role, partstat: x.partstat })),
        agenda,
        url: meetingPageUrl(this.app.publicBaseUrl, m.id),
        cancelReason: m.cancelReason,
      };
    });
  }
}

function label(action: string, data: Record<string, unknown>, unitName: (code: string) => string): string {
  const base = timelineActionLabel(action);
  const unit = typeof data.handledBy === 'string' ? data.handledBy : null;
  return unit && (action === 'transfer' || action === 'route') ? `${base}${unitName(unit)}` : base;
}
