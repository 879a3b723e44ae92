import { DateTime } from 'luxon';
import type { MeetingType } from '../domain/case-vocabulary.js';
import type { LeaderRank } from '../domain/leader-ranks.js';

export interface Violation {
  code: string;
  zh: string;
  en: string;
}

export interface MeetingDraft {
  type: MeetingType;
  startAt: Date;
  endAt: Date;
  chair: { id: string; name: string; rank: LeaderRank } | null;
  agenda: { caseCode: string; minutes: number; lead: { id: string; name: string; rank: LeaderRank; active: boolean } | null }[];
}

export interface LeaderCommitment {
  leaderId: string;
  leaderName: string;
  startAt: Date;
  endAt: Date;
  /** e.g. the other meeting's title, or the busy block's reason. */
  what: string;
}

export interface CalendarContext {
  timeZone: string;
  officeHours: [string, string][];
  isWorkingDay(isoDate: string): boolean;
  leadRanks: LeaderRank[];
}

const CHAIR_RANKS: Record<MeetingType, LeaderRank[]> = {
  supervision: ['director', 'deputy-director'],
  joint: ['director', 'deputy-director'],
  special: ['director'],
};

const RANK_ZH: Record<LeaderRank, string> = { director: '主任', 'deputy-director': '副主任', 'secretary-general': '秘书长', 'committee-head': '专（工）委主任' };

/**
 * The hard constraints of one meeting: a working day, inside one office-hours period, a chair of the
 * right rank, the agenda within the meeting's length, leaders in charge of the right rank, and no
 * leader busy or booked elsewhere. Returns every violation (empty when the meeting may stand).
 */
export function meetingViolations(draft: MeetingDraft, ctx: CalendarContext, commitments: LeaderCommitment[]): Violation[] {
  const v: Violation[] = [];
  const start = DateTime.fromJSDate(draft.startAt, { zone: ctx.timeZone });
  const end = DateTime.fromJSDate(draft.endAt, { zone: ctx.timeZone });
  if (!(draft.endAt > draft.startAt)) {
    v.push({ code: 'MEETING_TIME_INVALID', zh: '会议结束时间须晚于开始时间。', en: 'The meeting must end after it starts.' });
  } else {
    if (!ctx.isWorkingDay(start.toISODate() ?? '')) {
      v.push({ code: 'MEETING_NOT_WORKING_DAY', zh: `${start.toISODate() ?? ''} 不是工作日（法定节假日或周末）。`, en: `${start.toISODate() ?? ''} is not a working day.` });
    }
    const within = ctx.officeHours.some(([from, to]) => {
      const [fh, fm] = from.split(':').map(Number);
      const [th, tm] = to.split(':').map(Number);
      const open = start.set({ hour: fh, minute: fm, second: 0, millisecond: 0 });
      const close = start.set({ hour: th, minute: tm, second: 0, millisecond: 0 });
      return start >= open && end <= close;
    });
    if (!within) {
      const hours = ctx.officeHours.map(([a, b]) => `${a}–${b}`).join('、');
      v.push({ code: 'MEETING_OUTSIDE_OFFICE_HOURS', zh: `会议须安排在同一办公时段内（${hours}）。`, en: `The meeting must lie within one office-hours period (${hours}).` });
    }
    const minutes = draft.agenda.reduce((sum, item) => sum + item.minutes, 0);
    const length = Math.round((draft.endAt.getTime() - draft.startAt.getTime()) / 60_000);
    if (minutes > length) {
      v.push({ code: 'AGENDA_TOO_LONG', zh: `议程共 ${minutes} 分钟，超过会议时长 ${length} 分钟。`, en: `The agenda takes ${minutes} minutes, longer than the meeting (${length}).` });
    }
  }
  if (!draft.chair) {
    v.push({ code: 'CHAIR_REQUIRED', zh: '请指定会议主持人。', en: 'A chair is required.' });
  } else if (!CHAIR_RANKS[draft.type].includes(draft.chair.rank)) {
    const allowed = CHAIR_RANKS[draft.type].map((r) => RANK_ZH[r]).join('或');
    v.push({ code: 'CHAIR_RANK_INVALID', zh: `该类会议须由${allowed}主持，${draft.chair.name}不符合。`, en: `This meeting must be chaired by: ${CHAIR_RANKS[draft.type].join(' or ')}.` });
  }
  for (const item of draft.agenda) {
    if (!item.lead) continue;
    if (!item.lead.active) v.push({ code: 'LEAD_LEADER_INACTIVE', zh: `${item.caseCode} 的包案领导${item.lead.name}已停用。`, en: `The leader in charge of ${item.caseCode} is inactive.` });
    if (draft.type === 'supervision' && !ctx.leadRanks.includes(item.lead.rank)) {
      v.push({ code: 'LEAD_RANK_INVALID', zh: `${item.caseCode} 的包案领导须为主任或副主任。`, en: `The leader in charge of ${item.caseCode} must be the director or a deputy director.` });
    }
  }
  const attending = new Set([draft.chair?.id, ...draft.agenda.map((i) => i.lead?.id)].filter((id): id is string => Boolean(id)));
  for (const c of commitments) {
    if (!attending.has(c.leaderId) || !(c.startAt < draft.endAt && c.endAt > draft.startAt)) continue;
    v.push({
      code: 'LEADER_DOUBLE_BOOKED',
      zh: `${c.leaderName}在该时段已有安排（${c.what}）。`,
      en: `${c.leaderName} is not free at that time (${c.what}).`,
    });
  }
  return v;
}
