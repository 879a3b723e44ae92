import { readFileSync } from 'node:fs';
import type { MeetingType } from '../src/domain/case-vocabulary.js';
import { LEADER_RANKS, type LeaderRank } from '../src/domain/leader-ranks.js';
import { projectPath } from './paths.js';

/** Meeting planning settings shipped in `config/meetings.json` (admins edit the file; no code change). */
export interface MeetingsConfig {
  defaultLocation: string;
  /** The longest window `POST /meetings/plan` accepts. */
  maxPlanDays: number;
  /** Planned meetings start at least this long after the plan is made (attendees need notice). */
  minNoticeHours: number;
  minutesPerCase: Record<MeetingType, number>;
  meetingMinutes: Record<MeetingType, number>;
  slotStepMinutes: number;
  leadRanks: LeaderRank[];
  /** 回头看: share of closed transferred cases drawn each month, and how far back they were closed. */
  lookback: { sampleShare: number; windowDays: number };
  /** Deputies (人大代表) the planner invites at most to one meeting, by the professions the rules ask for (0 = none). */
  maxDeputiesPerMeeting: number;
  /** Invites: alarms before the start (minutes) and the organizer's name. */
  invites: { alarmMinutesBefore: number[]; organizerName: string };
}

const TYPES: MeetingType[] = ['special', 'joint', 'supervision'];

/** `maxDeputiesPerMeeting` when `config/meetings.json` (or a stored settings version) does not say. */
export const DEFAULT_MAX_DEPUTIES_PER_MEETING = 2;
export const MAX_DEPUTIES_PER_MEETING_LIMIT = 10;

function positive(value: unknown, key: string, max: number): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
    throw new Error(`config/meetings.json: "${key}" must be a whole number from 1 to ${max}`);
  }
  return value as number;
}

function deputiesPerMeeting(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_DEPUTIES_PER_MEETING;
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_DEPUTIES_PER_MEETING_LIMIT) {
    throw new Error(`config/meetings.json: "maxDeputiesPerMeeting" must be a whole number from 0 to ${MAX_DEPUTIES_PER_MEETING_LIMIT}`);
  }
  return value as number;
}

export function parseMeetingsConfig(raw: unknown): MeetingsConfig {
  const r = (raw ?? {}) as Record<string, unknown>;
  const perType = (key: string, max: number): Record<MeetingType, number> => {
    const table = (r[key] ?? {}) as Record<string, unknown>;
    return Object.fromEntries(TYPES.map((t) => [t, positive(table[t], `${key}.${t}`, max)])) as Record<MeetingType, number>;
  };
  if (typeof r.defaultLocation !== 'string' || !r.defaultLocation.trim()) throw new Error('config/meetings.json: "defaultLocation" must be a non-empty text');
  const leadRanks = r.leadRanks;
  if (!Array.isArray(leadRanks) || !leadRanks.length || !leadRanks.every((x) => LEADER_RANKS.includes(x as LeaderRank))) {
    throw new Error(`config/meetings.json: "leadRanks" must list ranks among ${LEADER_RANKS.join(', ')}`);
  }
  const lookback = (r.lookback ?? {}) as Record<string, unknown>;
  const share = lookback.sampleShare;
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) throw new Error('config/meetings.json: "lookback.sampleShare" must be a number in (0, 1]');
  const invites = (r.invites ?? {}) as Record<string, unknown>;
  const alarms = invites.alarmMinutesBefore;
  if (!Array.isArray(alarms) || !alarms.every((m) => Number.isInteger(m) && (m as number) > 0 && (m as number) <= 20_160)) {
    throw new Error('config/meetings.json: "invites.alarmMinutesBefore" must list whole minutes (1 to 20160)');
  }
  if (typeof invites.organizerName !== 'string' || !invites.organizerName.trim()) throw new Error('config/meetings.json: "invites.organizerName" must be a non-empty text');
  const config: MeetingsConfig = {
    defaultLocation: r.defaultLocation.trim(),
    maxPlanDays: positive(r.maxPlanDays, 'maxPlanDays', 366),
    minNoticeHours: r.minNoticeHours === 0 ? 0 : positive(r.minNoticeHours, 'minNoticeHours', 720),
    minutesPerCase: perType('minutesPerCase', 240),
    meetingMinutes: perType('meetingMinutes', 600),
    slotStepMinutes: positive(r.slotStepMinutes, 'slotStepMinutes', 120),
    leadRanks: leadRanks as LeaderRank[],
    lookback: { sampleShare: share, windowDays: positive(lookback.windowDays, 'lookback.windowDays', 730) },
    invites: { alarmMinutesBefore: alarms as number[], organizerName: invites.organizerName.trim() },
    maxDeputiesPerMeeting: deputiesPerMeeting(r.maxDeputiesPerMeeting),
  };
  for (const t of TYPES) {
    if (config.minutesPerCase[t] > config.meetingMinutes[t]) throw new Error(`config/meetings.json: one case (${t}) cannot take longer than the meeting`);
  }
  return config;
}

export function loadMeetingsConfig(path = projectPath('config/meetings.json')): MeetingsConfig {
  return parseMeetingsConfig(JSON.parse(readFileSync(path, 'utf8')));
}
