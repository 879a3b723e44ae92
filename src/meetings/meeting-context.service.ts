import { Injectable } from '@nestjs/common';
import { OfficeSettings } from '../settings/office-settings.js';
import type { PetitionCase } from '../cases/case.entity.js';
import { CaseReader } from '../cases/case-reader.js';
import type { MeetingType } from '../domain/case-vocabulary.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { Leader } from '../directory/leader.entity.js';
import { DateTime } from 'luxon';
import type { CalendarContext, LeaderCommitment, RoomCommitment } from './constraints/meeting-rules.js';
import { MeetingsRepository } from './meetings.repository.js';
import { ReceptionCommitments } from './reception/reception-commitments.js';
import type { PlannerCase, PlannerInput, PlannerLeader, PlannerRoom } from './planner/planner.types.js';
import { DEADLINE_LABELS_ZH, runningDeadline } from '../cases/running-deadline.js';

const BACKLOG_LIMIT = 5000;
/** The backlog is read in pages: the candidates of a page that a meeting already covers are left out. */
const BACKLOG_PAGE = 1000;
const CLUSTER_WINDOW_DAYS = 30;

/** Gathers what the planner and the meeting checks need from the database: backlog, leaders, loads, commitments. */
@Injectable()
export class MeetingContextService {
  constructor(
    private readonly cases: CaseReader,
    private readonly meetings: MeetingsRepository,
    private readonly directory: DirectoryService,
    private readonly settings: OfficeSettings,
    private readonly receptions: ReceptionCommitments,
  ) {}

  calendarContext(): CalendarContext {
    const office = this.settings.snapshot();
    return {
      timeZone: office.policy.timeZone,
      officeHours: office.policy.officeHours,
      calendar: office.calendar,
      leadRanks: office.meetings.leadRanks,
    };
  }

  /**
   * The open cases the rules sent to a meeting of these types that no confirmed or held meeting covers
   * yet, most urgent first (at most `BACKLOG_LIMIT`): the cases module lists the candidates, this module
   * knows the agendas.
   */
  private async backlog(types: MeetingType[]): Promise<PetitionCase[]> {
    const found: PetitionCase[] = [];
    for (let offset = 0; found.length < BACKLOG_LIMIT; offset += BACKLOG_PAGE) {
      const page = await this.cases.meetingCandidates(types, offset, BACKLOG_PAGE);
      const covered = await this.meetings.onConfirmedAgendas(page.map((c) => c.id));
      found.push(...page.filter((c) => !covered.has(c.id)));
      if (page.length < BACKLOG_PAGE) break;
    }
    return found.slice(0, BACKLOG_LIMIT);
  }

  /** What keeps leaders from a meeting in [from, to): busy blocks, other confirmed meetings and confirmed reception days. */
  async commitments(from: Date, to: Date, leaders: Map<string, Leader>, exceptMeetingId?: string): Promise<LeaderCommitment[]> {
    const [busy, booked, receptions] = await Promise.all([
      this.directory.busyBetween(from, to),
      this.meetings.leaderCommitments(from, to, exceptMeetingId),
      this.receptions.between(from, to),
    ]);
    const name = (id: string): string => leaders.get(id)?.name ?? id;
    return [
      ...busy.map((b) => ({ leaderId: b.leaderId, leaderName: name(b.leaderId), startAt: b.startAt, endAt: b.endAt, what: b.reason ?? '忙碌' })),
      ...booked.map((b) => ({ leaderId: b.leaderId, leaderName: name(b.leaderId), startAt: b.startAt, endAt: b.endAt, what: '另一已确认会议' })),
      ...receptions.map((r) => ({ leaderId: r.leaderId, leaderName: name(r.leaderId), startAt: r.startAt, endAt: r.endAt, what: '领导接访日' })),
    ];
  }

  /** Confirmed or held meetings taking a room in [from, to), each named by title and time (for the checks' messages). */
  async roomCommitments(from: Date, to: Date, exceptMeetingId?: string): Promise<RoomCommitment[]> {
    const zone = this.settings.snapshot().policy.timeZone;
    const [taken, receptions] = await Promise.all([this.meetings.roomCommitments(from, to, exceptMeetingId ? [exceptMeetingId] : []), this.receptionRooms(from, to)]);
    const at = (d: Date, f: string): string => DateTime.fromJSDate(d, { zone }).toFormat(f);
    return [...taken, ...receptions].map((t) => ({ roomId: t.roomId, startAt: t.startAt, endAt: t.endAt, what: `已确认的“${t.title}”，${at(t.startAt, 'M月d日 HH:mm')}–${at(t.endAt, 'HH:mm')}` }));
  }

  /** The active rooms with the times confirmed (or held) meetings take them in [from, to). */
  async plannerRooms(from: Date, to: Date): Promise<PlannerRoom[]> {
    const [rooms, meetingsTaken, receptions] = await Promise.all([this.directory.listRooms(), this.meetings.roomCommitments(from, to), this.receptionRooms(from, to)]);
    const taken = [...meetingsTaken, ...receptions];
    return rooms
      .filter((r) => r.active)
      .map((r) => ({
        id: r.id,
        name: r.name,
        // Seats kept for the deputies the plan may invite after the planner has chosen the room.
        capacity: Math.max(0, r.capacity - this.settings.meetings().maxDeputiesPerMeeting),
        availableHours: r.availableHours,
        busy: taken.filter((t) => t.roomId === r.id).map((t) => ({ start: t.startAt, end: t.endAt })),
      }));
  }

  /** Rooms booked by confirmed reception days in [from, to), named like meetings for the checks' messages. */
  private async receptionRooms(from: Date, to: Date): Promise<{ roomId: string; title: string; startAt: Date; endAt: Date }[]> {
    return (await this.receptions.between(from, to)).flatMap((r) => (r.roomId ? [{ roomId: r.roomId, title: '领导接访日', startAt: r.startAt, endAt: r.endAt }] : []));
  }

  async leadersById(): Promise<Map<string, Leader>> {
    return new Map((await this.directory.listLeaders()).map((l) => [l.id, l]));
  }

  /**
   * The rules flag the case that makes a cluster (≥ 5 similar open cases); the special meeting studies
   * all of them. Returns case id → cluster key for every open member of a flagged cluster.
   */
  private async clusterMembers(backlog: PetitionCase[]): Promise<Map<string, string>> {
    const members = new Map<string, string>();
    for (const flagged of backlog.filter((c) => c.flags.includes('special-meeting-proposed'))) {
      const key = `${flagged.category}|${flagged.region}`;
      if ([...members.values()].includes(key)) continue;
      const since = new Date(flagged.receivedAt.getTime() - CLUSTER_WINDOW_DAYS * 86_400_000);
      for (const c of await this.cases.openInCluster(flagged.category, flagged.region, since)) members.set(c.id, key);
    }
    return members;
  }

  async plannerInput(from: Date, to: Date, types: MeetingType[]): Promise<PlannerInput> {
    const [backlog, loads, leaders] = await Promise.all([this.backlog(types), this.cases.openLoadByLeader(), this.leadersById()]);
    const clusters = types.includes('special') ? await this.clusterMembers(backlog) : new Map<string, string>();
    const cases = [...new Map([...backlog, ...(await this.cases.findManyByIds([...clusters.keys()]))].map((c) => [c.id, c])).values()].map((c) =>
      toPlannerCase(c, clusters.get(c.id) ?? null),
    );
    const inPlan = new Map<string, number>();
    for (const c of cases) if (c.leadLeaderId) inPlan.set(c.leadLeaderId, (inPlan.get(c.leadLeaderId) ?? 0) + 1);
    const [commitments, rooms] = await Promise.all([this.commitments(from, to, leaders), this.plannerRooms(from, to)]);
    const plannerLeaders: PlannerLeader[] = [...leaders.values()]
      .filter((l) => l.active)
      .map((l) => ({
        id: l.id,
        name: l.name,
        rank: l.rank,
        portfolio: l.portfolio as PlannerLeader['portfolio'],
        regions: l.regions,
        maxActiveCases: l.maxActiveCases,
        activeCases: Math.max(0, (loads.get(l.id) ?? 0) - (inPlan.get(l.id) ?? 0)),
        busy: commitments.filter((c) => c.leaderId === l.id).map((c) => ({ start: c.startAt, end: c.endAt })),
      }));
    // One settings version for the whole plan: calendar, hours and lengths agree even if a version is published meanwhile.
    const office = this.settings.snapshot();
    return {
      from,
      to,
      types,
      cases,
      leaders: plannerLeaders,
      calendar: office.calendar,
      timeZone: office.policy.timeZone,
      officeHours: office.policy.officeHours,
      settings: {
        minutesPerCase: office.meetings.minutesPerCase,
        meetingMinutes: office.meetings.meetingMinutes,
        slotStepMinutes: office.meetings.slotStepMinutes,
        leadRanks: office.meetings.leadRanks,
      },
      rooms,
    };
  }
}

/**
 * A case of an emerging cluster goes to its cluster's special meeting when special meetings are planned;
 * that meeting invites every unit concerned, so it also serves as the joint consultation. Otherwise the
 * case goes to the meeting its grade calls for.
 */
function toPlannerCase(c: PetitionCase, clusterKey: string | null): PlannerCase {
  const special = clusterKey !== null;
  return {
    id: c.id,
    code: c.code,
    subject: c.subject,
    grade: c.grade,
    category: c.category,
    region: c.region,
    meetingType: special ? 'special' : (c.meetingType ?? 'supervision'),
    replyDueAt: c.replyDueAt ?? c.dueAt,
    deadlineLabel: deadlineLabelOf(c),
    leadLeaderId: c.leadLeaderId,
    routeCommittee: c.routeCommittee,
    routeHandledBy: c.routeHandledBy,
    unitsInvolved: c.unitsInvolved,
    clusterKey,
    specialInvitees: c.evaluation.specialMeetingInvitees,
  };
}

/** The name of the deadline running on the case, for the plan's unmet deadlines (受理期限 for a registered case). */
function deadlineLabelOf(c: PetitionCase): string | undefined {
  const running = runningDeadline(c);
  return running ? DEADLINE_LABELS_ZH[running.kind] : undefined;
}
