import type { Category, Grade, MeetingType } from '../../domain/case-vocabulary.js';
import type { LeaderRank } from '../../domain/leader-ranks.js';

/** A case the rules sent to a meeting, as the planner sees it. */
export interface PlannerCase {
  id: string;
  code: string;
  subject: string;
  grade: Grade;
  category: Category;
  region: string;
  meetingType: MeetingType;
  /** Schedule before this instant where possible (soft); null when no reply deadline runs. */
  replyDueAt: Date | null;
  /** What that deadline is called (受理期限 for a registered case, 答复期限, 督办期限); default 答复期限. */
  deadlineLabel?: string;
  /** Leader already in charge (包案): kept, and counted in that leader's load. */
  leadLeaderId: string | null;
  routeCommittee: string;
  routeHandledBy: string;
  /** Units of a joint-consultation case: all are invited to its joint meeting. */
  unitsInvolved: string[];
  /** For special meetings: cases with the same key (category|region) form one cluster. */
  clusterKey: string | null;
  /** Bodies the rule set named for the special meeting of this cluster. */
  specialInvitees: string[];
}

export interface PlannerLeader {
  id: string;
  name: string;
  rank: LeaderRank;
  portfolio: Category[];
  regions: string[];
  maxActiveCases: number;
  /** Open cases already in charge, not counting the cases of this plan. */
  activeCases: number;
  /** Periods the leader cannot attend (busy blocks and already confirmed meetings). */
  busy: { start: Date; end: Date }[];
}

/** A meeting room (会议室) the planner may book: hard, like leaders' time. */
export interface PlannerRoom {
  id: string;
  name: string;
  /** Seats: every attendee (leaders, units' representatives) needs one. */
  capacity: number;
  /** Local [start, end) periods it can be booked; null = the office hours. */
  availableHours: [string, string][] | null;
  /** Periods it is taken (confirmed meetings, drafts kept from earlier plans). */
  busy: { start: Date; end: Date }[];
}

export interface PlannerSettings {
  /** Minutes on the agenda per case, by meeting type. */
  minutesPerCase: Record<MeetingType, number>;
  /** Length of one meeting by type. */
  meetingMinutes: Record<MeetingType, number>;
  /** Start times are aligned to this step within office hours. */
  slotStepMinutes: number;
  /** Ranks that may be put in charge of an escalated case. */
  leadRanks: LeaderRank[];
}

export interface PlannerInput {
  from: Date;
  to: Date;
  types: MeetingType[];
  cases: PlannerCase[];
  leaders: PlannerLeader[];
  /** Local office day checks (`WorkingCalendar.isWorkingDay(isoDate)`) and data coverage. */
  calendar: { isWorkingDay(isoDate: string): boolean; hasDataForYear(year: number): boolean };
  timeZone: string;
  /** Local [start, end) periods, e.g. [["08:30","12:00"],["14:30","17:30"]]. */
  officeHours: [string, string][];
  settings: PlannerSettings;
  /**
   * The active rooms. Given, every planned meeting gets a free room large enough (or its cases are
   * unscheduled, NO_FREE_ROOM); given empty, meetings get no room and the plan warns; left out, rooms
   * are not planned (older callers and benchmarks).
   */
  rooms?: PlannerRoom[];
}

export interface PlannedAgendaItem {
  caseId: string;
  caseCode: string;
  leadLeaderId: string | null;
  presenterUnit: string;
  minutes: number;
}

export interface PlannedMeeting {
  type: MeetingType;
  title: string;
  startAt: Date;
  endAt: Date;
  chairId: string;
  /** The room booked for it, null when rooms are not planned. */
  roomId: string | null;
  /** Leaders attending: the chair and every leader in charge of a case on the agenda. */
  leaderIds: string[];
  /** Unit codes invited (handling units, committees, units involved, special invitees). */
  unitCodes: string[];
  agenda: PlannedAgendaItem[];
}

export interface Unscheduled {
  caseId: string;
  /** Stable machine code, e.g. NO_ELIGIBLE_LEADER, NO_FREE_SLOT, LEADERS_AT_CAPACITY. */
  code: string;
  /** A sentence for the secretariat, Chinese. */
  reason: string;
}

export interface UnmetConstraint {
  /** e.g. `before-deadline`, `portfolio-match`, `region-match`, `load-balance`. */
  constraint: string;
  caseId?: string;
  message: string;
}

export interface PlanResult {
  meetings: PlannedMeeting[];
  /** Leader in charge chosen for each planned escalated case (including kept ones). */
  assignments: { caseId: string; leaderId: string; kept: boolean }[];
  unscheduled: Unscheduled[];
  /** Lower is better: the weighted sum of soft-constraint penalties. */
  score: number;
  unmet: UnmetConstraint[];
  warnings: string[];
  /** The fairness measure of the leader assignment (documented in docs/planner.md). */
  fairness: { measure: string; value: number; loads: Record<string, number> };
}
