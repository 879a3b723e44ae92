import { Injectable } from '@nestjs/common';
import { CaseReader } from '../../cases/case-reader.js';
import { Clock } from '../../domain/clock.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { OfficeSettings } from '../../settings/office-settings.js';
import { MeetingErrors } from '../meeting.errors.js';
import { chooseDeputies, type DeputyCase, type DeputyChoice, type DeputyMeeting, INVITATION_LOOKBACK_DAYS } from '../planner/deputies.js';
import { DeputyInvitationsRepository } from './deputy-invitations.repository.js';
import { type DeputyParticipation, deputyParticipation } from './deputy-participation.js';

/**
 * 代表联动: which deputies a plan invites (the pure `chooseDeputies` fed from the database), the checks
 * of a hand-made invitation, and deputies' participation for the reports.
 */
@Injectable()
export class DeputyInvitations {
  constructor(
    private readonly repo: DeputyInvitationsRepository,
    private readonly cases: CaseReader,
    private readonly directory: DirectoryService,
    private readonly settings: OfficeSettings,
    private readonly clock: Clock,
  ) {}

  /** The deputies each planned meeting invites (same order as `meetings`) and the professions nobody could serve. */
  async forPlan(meetings: DeputyMeeting[]): Promise<DeputyChoice> {
    const caseIds = [...new Set(meetings.flatMap((m) => m.caseIds))];
    if (!meetings.length) return { invitations: [], unmet: [] };
    const from = new Date(Math.min(...meetings.map((m) => m.startAt.getTime())));
    const to = new Date(Math.max(...meetings.map((m) => m.endAt.getTime())));
    const since = new Date(this.clock.now().getTime() - INVITATION_LOOKBACK_DAYS * 86_400_000);
    const [found, deputies, commitments, recentInvitations] = await Promise.all([
      this.cases.findManyByIds(caseIds),
      this.directory.listDeputies(),
      this.repo.commitments(from, to),
      this.repo.invitationsSince(since),
    ]);
    const cases = new Map<string, DeputyCase>(
      found.map((c) => [c.id, { id: c.id, region: c.region, inviteDeputyProfessions: c.evaluation.inviteDeputyProfessions ?? [], reportedByDeputyId: c.reportedByDeputyId }]),
    );
    return chooseDeputies({ meetings, cases, deputies, commitments, recentInvitations, maxPerMeeting: this.settings.meetings().maxDeputiesPerMeeting });
  }

  /**
   * A meeting made or edited by hand: no invited deputy reported a case on its agenda (422
   * DEPUTY_REPORTED_CASE), and none is booked by another confirmed meeting at its time (409 DEPUTY_DOUBLE_BOOKED).
   */
  async assertMayInvite(meeting: { id: string; startAt: Date; endAt: Date }, caseIds: string[], deputyIds: string[]): Promise<void> {
    const invited = new Set(deputyIds);
    if (!invited.size) return;
    const reporters = (await this.cases.findManyByIds(caseIds)).filter((c) => c.reportedByDeputyId !== null && invited.has(c.reportedByDeputyId));
    if (reporters.length) throw MeetingErrors.deputyReportedCase(reporters.map((c) => c.code));
    if (!(meeting.endAt > meeting.startAt)) return; // the meeting's own checks refuse the time
    const booked = (await this.repo.commitments(meeting.startAt, meeting.endAt, meeting.id)).filter((b) => invited.has(b.deputyId));
    if (booked.length) {
      const names = new Map((await this.directory.deputiesByIds(booked.map((b) => b.deputyId))).map((d) => [d.id, d.name]));
      throw MeetingErrors.deputyDoubleBooked(booked.map((b) => ({ deputyId: b.deputyId, name: names.get(b.deputyId) ?? b.deputyId, meetingId: b.meetingId })));
    }
  }

  /** Deputies' participation in meetings starting in [from, to), in total and by station. */
  async participation(from: Date, to: Date): Promise<DeputyParticipation> {
    const [rows, deputies] = await Promise.all([this.repo.invitationsBetween(from, to), this.directory.listDeputies()]);
    return deputyParticipation(rows, deputies);
  }
}
