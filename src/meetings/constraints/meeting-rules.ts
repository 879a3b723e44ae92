import type { MeetingType } from '../../domain/case-vocabulary.js';
import type { LeaderRank } from '../../domain/leader-ranks.js';
import { type SlotProblem, slotProblems, type TimeFrame } from '../planner/slots.js';
import { describeRoomHours, withinRoomHours } from './room-hours.js';

/** One broken hard constraint: a stable code, a sentence for users (Chinese first) and in English. */
export interface Violation {
  code: string;
  zh: string;
  en: string;
}

/** Ranks that may chair each meeting type (HARD). */
export const CHAIR_RANKS: Readonly<Record<MeetingType, readonly LeaderRank[]>> = {
  supervision: ['director', 'deputy-director'],
  joint: ['director', 'deputy-director'],
  special: ['director'],
};

const RANK_ZH: Record<LeaderRank, string> = { director: '主任', 'deputy-director': '副主任', 'secretary-general': '秘书长', 'committee-head': '专（工）委主任' };

export interface MeetingLeader {
  id: string;
  name: string;
  rank: LeaderRank;
  active: boolean;
}

/** One meeting as the checks see it: a draft, a planned meeting, or a meeting being edited or confirmed. */
export interface MeetingDraft {
  type: MeetingType;
  startAt: Date;
  endAt: Date;
  chair: Omit<MeetingLeader, 'active'> | null;
  agenda: {
    caseCode: string;
    minutes: number;
    lead: MeetingLeader | null;
    /** The lead is the case's leader in charge already (kept whatever his or her rank), not a new one. */
    kept: boolean;
  }[];
  /** The leaders attending, when listed apart from the chair and the leads (a plan lists them). */
  attendingLeaderIds?: readonly string[];
  /** How messages name the meeting (a plan: `meeting #3`). */
  label?: string;
  /** The room booked, when the meeting has one. */
  room?: MeetingRoom | null;
  /** Everyone invited (leaders, units' representatives, deputies): each needs a seat in the room. */
  attendeeCount?: number;
}

export interface MeetingRoom {
  id: string;
  name: string;
  capacity: number;
  /** Local [start, end) periods; null = the office hours. */
  availableHours: readonly (readonly [string, string])[] | null;
  active: boolean;
}

/** Something that takes a room: another confirmed (or planned) meeting there. */
export interface RoomCommitment {
  roomId: string;
  startAt: Date;
  endAt: Date;
  /** e.g. the other meeting's title and time. */
  what: string;
}

/** Something that keeps a leader from a meeting: a busy block, another confirmed (or planned) meeting. */
export interface LeaderCommitment {
  leaderId: string;
  leaderName: string;
  startAt: Date;
  endAt: Date;
  /** e.g. the other meeting's title, or the busy block's reason. */
  what: string;
}

/** The office's days and hours, the ranks that may take charge, and for a plan its window and start step. */
export interface CalendarContext extends TimeFrame {
  leadRanks: readonly LeaderRank[];
  /** A plan aligns starts to this step; a meeting edited by hand may start at any minute. */
  stepMinutes?: number;
}

/**
 * The hard constraints of one meeting, the one checker used by the meetings service (create, PATCH,
 * confirm) and, for each planned meeting, by `checkHardConstraints` (the planner's tests and property
 * tests): a valid time (a working day, inside one office-hours period; for a plan inside its window and
 * on its step), the agenda within the meeting's length, a chair of the right rank attending, leaders in
 * charge attending, active, and new ones of a lead rank (a leader already in charge is kept), and no
 * leader attending busy or booked elsewhere at that time; its room (when it has one) active, large enough
 * for everyone invited, open at that time and not taken by another meeting. Returns every violation
 * (empty: the meeting may stand).
 */
export function meetingViolations(
  draft: MeetingDraft,
  ctx: CalendarContext,
  commitments: readonly LeaderCommitment[],
  roomCommitments: readonly RoomCommitment[] = [],
): Violation[] {
  const v: Violation[] = [];
  const problems = slotProblems(ctx, draft.startAt, draft.endAt, ctx.stepMinutes);
  for (const p of problems) v.push(...timeViolation(p, ctx));
  if (problems[0]?.kind !== 'order') {
    const minutes = draft.agenda.reduce((sum, item) => sum + item.minutes, 0);
    const length = Math.round((draft.endAt.getTime() - draft.startAt.getTime()) / 60_000);
    if (minutes > length) {
      v.push({ code: 'AGENDA_TOO_LONG', zh: `议程共 ${minutes} 分钟，超过会议时长 ${length} 分钟。`, en: `The agenda takes ${minutes} minutes and exceeds the meeting's ${length} minutes.` });
    }
    if (draft.agenda.some((i) => !(i.minutes > 0))) v.push({ code: 'AGENDA_ITEM_WITHOUT_MINUTES', zh: '议程中有事项未安排时长。', en: 'An agenda item has no minutes.' });
  }
  if (!draft.chair) {
    v.push({ code: 'CHAIR_REQUIRED', zh: '请指定会议主持人。', en: 'A chair is required.' });
  } else if (!CHAIR_RANKS[draft.type].includes(draft.chair.rank)) {
    const allowed = CHAIR_RANKS[draft.type];
    v.push({
      code: 'CHAIR_RANK_INVALID',
      zh: `该类会议须由${allowed.map((r) => RANK_ZH[r]).join('或')}主持，${draft.chair.name}不符合。`,
      en: `The chair ${draft.chair.name} has rank ${draft.chair.rank}; this meeting must be chaired by: ${allowed.join(' or ')}.`,
    });
  }
  const attending = new Set(draft.attendingLeaderIds ?? [draft.chair?.id, ...draft.agenda.map((i) => i.lead?.id)].filter((id): id is string => Boolean(id)));
  if (draft.chair && !attending.has(draft.chair.id)) v.push({ code: 'CHAIR_NOT_ATTENDING', zh: '会议主持人不在参会领导中。', en: 'The chair does not attend.' });
  for (const item of draft.agenda) {
    if (!item.lead) continue;
    if (!attending.has(item.lead.id)) {
      v.push({ code: 'LEAD_NOT_ATTENDING', zh: `${item.caseCode} 的包案领导${item.lead.name}未参会。`, en: `The leader in charge ${item.lead.id} of ${item.caseCode} does not attend.` });
    }
    if (!item.lead.active) v.push({ code: 'LEAD_LEADER_INACTIVE', zh: `${item.caseCode} 的包案领导${item.lead.name}已停用。`, en: `The leader in charge of ${item.caseCode} is inactive.` });
    if (draft.type === 'supervision' && !item.kept && !ctx.leadRanks.includes(item.lead.rank)) {
      v.push({ code: 'LEAD_RANK_INVALID', zh: `${item.caseCode} 的包案领导须为主任或副主任。`, en: `The leader in charge of ${item.caseCode} must be the director or a deputy director.` });
    }
  }
  const label = draft.label ?? 'the meeting';
  for (const c of commitments) {
    // Half-open intervals: a meeting may start when another ends; an empty period takes no time.
    if (!attending.has(c.leaderId) || !(c.startAt < c.endAt) || !(c.startAt < draft.endAt && c.endAt > draft.startAt)) continue;
    v.push({
      code: 'LEADER_DOUBLE_BOOKED',
      zh: `${c.leaderName}在该时段已有安排（${c.what}）。`,
      en: `${c.leaderName} is double-booked: ${label} overlaps ${c.what}.`,
    });
  }
  if (draft.room) v.push(...roomViolations(draft, draft.room, ctx, roomCommitments, problems[0]?.kind === 'order'));
  return v;
}

function roomViolations(draft: MeetingDraft, room: MeetingRoom, ctx: CalendarContext, taken: readonly RoomCommitment[], badTime: boolean): Violation[] {
  const v: Violation[] = [];
  const label = draft.label ?? 'the meeting';
  if (!room.active) v.push({ code: 'ROOM_INACTIVE', zh: `会议室“${room.name}”已停用。`, en: `The room ${room.name} is inactive.` });
  if (draft.attendeeCount !== undefined && draft.attendeeCount > room.capacity) {
    v.push({
      code: 'ROOM_TOO_SMALL',
      zh: `会议室“${room.name}”只有 ${room.capacity} 个座位，参会共 ${draft.attendeeCount} 人。`,
      en: `The room ${room.name} seats ${room.capacity}; ${draft.attendeeCount} are invited.`,
    });
  }
  if (!badTime && !withinRoomHours(room.availableHours, draft.startAt, draft.endAt, ctx.timeZone)) {
    v.push({
      code: 'ROOM_OUTSIDE_HOURS',
      zh: `会议不在会议室“${room.name}”的可用时段内（${describeRoomHours(room.availableHours)}）。`,
      en: `${label} lies outside the available hours of the room ${room.name}.`,
    });
  }
  for (const c of taken) {
    if (c.roomId !== room.id || !(c.startAt < c.endAt) || !(c.startAt < draft.endAt && c.endAt > draft.startAt)) continue;
    v.push({ code: 'ROOM_DOUBLE_BOOKED', zh: `会议室“${room.name}”在该时段已被占用（${c.what}）。`, en: `The room ${room.name} is double-booked: ${label} overlaps ${c.what}.` });
  }
  return v;
}

function timeViolation(p: SlotProblem, ctx: CalendarContext): Violation[] {
  switch (p.kind) {
    case 'order':
      return [{ code: 'MEETING_TIME_INVALID', zh: '会议结束时间须晚于开始时间。', en: 'The meeting must end after it starts.' }];
    case 'window':
      return [{ code: 'MEETING_OUTSIDE_WINDOW', zh: '会议不在规划区间内。', en: 'The meeting lies outside the planning window.' }];
    case 'day-off':
      return [{ code: 'MEETING_NOT_WORKING_DAY', zh: `${p.date} 不是工作日（法定节假日或周末）。`, en: `${p.date} is not a working day.` }];
    case 'step':
      return [{ code: 'MEETING_START_NOT_ALIGNED', zh: `会议开始时间 ${p.start} 未对齐 ${p.stepMin} 分钟。`, en: `The start ${p.start} is not aligned to ${p.stepMin} minutes.` }];
    case 'two-days':
      return []; // reported as outside office hours (`hours` follows)
    case 'hours': {
      const hours = ctx.officeHours.map(([a, b]) => `${a}–${b}`).join('、');
      return [
        {
          code: 'MEETING_OUTSIDE_OFFICE_HOURS',
          zh: `会议须安排在同一办公时段内（${hours}）。`,
          en: `${p.start}–${p.end}: the meeting must lie within one office-hours period (${hours}).`,
        },
      ];
    }
  }
}
