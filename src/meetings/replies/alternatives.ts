import type { Category, MeetingType } from '../../domain/case-vocabulary.js';
import type { LeaderRank } from '../../domain/leader-ranks.js';
import { generateSlots } from '../planner/slots.js';
import type { CalendarContext, LeaderCommitment } from '../constraints/meeting-rules.js';

export interface SubstituteLeader {
  leaderId: string;
  name: string;
  rank: string;
  portfolioMatch: boolean;
  regionMatch: boolean;
  activeCases: number;
}

export interface SlotAlternative {
  startAt: string;
  endAt: string;
}

export interface AlternativesView {
  caseId: string | null;
  decliningLeaderId: string;
  substitutes: SubstituteLeader[];
  slots: SlotAlternative[];
}

export interface CandidateLeader {
  id: string;
  name: string;
  rank: LeaderRank;
  active: boolean;
  portfolio: readonly string[];
  regions: readonly string[];
  maxActiveCases: number;
  activeCases: number;
}

export interface AlternativesInput {
  meeting: { type: MeetingType; startAt: Date; endAt: Date };
  /** The case whose leader in charge declined (null: the chair declined). */
  subject: { category: Category; region: string } | null;
  decliningLeaderId: string;
  /** Leaders already attending (not offered as a substitute: they attend anyway, and may take the case). */
  attendingLeaderIds: readonly string[];
  leaders: readonly CandidateLeader[];
  /** What keeps leaders busy during the meeting (busy blocks, other confirmed meetings). */
  commitmentsAtMeeting: readonly LeaderCommitment[];
  /** When the declining leader is busy in the search window (busy blocks, other confirmed meetings). */
  decliningBusy: readonly { startAt: Date; endAt: Date }[];
  /** When the meeting's room (its location) is taken by another confirmed meeting in the search window. */
  roomBusy: readonly { startAt: Date; endAt: Date }[];
  ctx: CalendarContext;
  /** Start of the search for new slots (now, at least the notice period ahead is the caller's choice). */
  searchFrom: Date;
  searchDays: number;
  stepMinutes: number;
  maxSlots: number;
}

const overlaps = (a: { startAt: Date; endAt: Date }, start: number, end: number): boolean => a.startAt.getTime() < end && a.endAt.getTime() > start;

/**
 * What the secretariat can do when a leader in charge (or the chair) declined (pure):
 * - substitute leaders of a lead rank, active, under their case capacity and free at the meeting's time
 *   (the same commitments the one constraint checker uses), portfolio matches first, then region, then load;
 * - new slots within office hours in the next `searchDays` days where the declining leader and the room are free.
 */
export function alternatives(input: AlternativesInput): Omit<AlternativesView, 'caseId'> {
  const start = input.meeting.startAt.getTime();
  const end = input.meeting.endAt.getTime();
  const busyAtMeeting = new Set(input.commitmentsAtMeeting.filter((c) => overlaps(c, start, end)).map((c) => c.leaderId));
  const substitutes = input.leaders
    .filter((l) => l.active && l.id !== input.decliningLeaderId && input.ctx.leadRanks.includes(l.rank) && l.activeCases < l.maxActiveCases && !busyAtMeeting.has(l.id))
    .map((l) => ({
      leaderId: l.id,
      name: l.name,
      rank: l.rank,
      portfolioMatch: input.subject !== null && l.portfolio.includes(input.subject.category),
      regionMatch: input.subject !== null && l.regions.includes(input.subject.region),
      activeCases: l.activeCases,
      attending: input.attendingLeaderIds.includes(l.id),
    }))
    .sort(
      (a, b) =>
        Number(b.portfolioMatch) - Number(a.portfolioMatch) ||
        Number(b.regionMatch) - Number(a.regionMatch) ||
        Number(b.attending) - Number(a.attending) ||
        a.activeCases - b.activeCases ||
        a.name.localeCompare(b.name, 'zh'),
    )
    .map(({ attending: _attending, ...rest }) => rest);
  const durationMin = Math.round((end - start) / 60_000);
  const window = { from: input.searchFrom, to: new Date(input.searchFrom.getTime() + input.searchDays * 86_400_000) };
  const slots = generateSlots(
    {
      ...window,
      timeZone: input.ctx.timeZone,
      officeHours: input.ctx.officeHours.map(([from, to]): [string, string] => [from, to]),
      calendar: { isWorkingDay: (date) => input.ctx.calendar.isWorkingDay(date), hasDataForYear: () => true },
    },
    durationMin,
    input.stepMinutes,
  )
    .filter((s) => s.start !== start)
    .filter((s) => !input.decliningBusy.some((b) => overlaps(b, s.start, s.end)) && !input.roomBusy.some((b) => overlaps(b, s.start, s.end)))
    .slice(0, input.maxSlots)
    .map((s) => ({ startAt: new Date(s.start).toISOString(), endAt: new Date(s.end).toISOString() }));
  return { decliningLeaderId: input.decliningLeaderId, substitutes, slots };
}
