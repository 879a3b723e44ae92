import { DateTime } from 'luxon';
import type { Grade } from '../../domain/case-vocabulary.js';
import type { PlannerInput } from '../planner/planner.types.js';
import { withinRoomHours } from '../constraints/room-hours.js';
import { officeDays, parseOfficeHours } from '../planner/slots.js';

/** A leader taking part in the month's rota. */
export interface RotaLeader {
  id: string;
  name: string;
  /** Categories the leader looks after (分管领域). */
  portfolio: readonly string[];
  /** Regions the leader looks after (联系区域). */
  regions: readonly string[];
}

/** An open case that could be brought before a leader on a reception day. */
export interface RotaCase {
  id: string;
  grade: Grade;
  category: string;
  region: string;
  /** Earlier cases of the same petitioner or linked, 12 months before receipt (重复信访 when ≥ 1). */
  repeatCount: number;
  leadLeaderId: string | null;
  dueAt: Date | null;
  code: string;
}

/** Time a leader cannot receive: a busy block, a confirmed meeting, a confirmed reception day. */
export interface RotaBusy {
  leaderId: string;
  start: Date;
  end: Date;
}

/** A reception day of the month that stays (confirmed or held): its leader is done, its half-day is taken. */
export interface RotaKeptDay {
  leaderId: string;
  start: Date;
  end: Date;
}

export interface RotaInput {
  /** `YYYY-MM`. */
  month: string;
  timeZone: string;
  officeHours: PlannerInput['officeHours'];
  calendar: PlannerInput['calendar'];
  /** Half-days starting before this instant are not used. */
  now: Date;
  /** In the order given (e.g. rank, then name); the month rotates it. */
  leaders: readonly RotaLeader[];
  busy: readonly RotaBusy[];
  kept: readonly RotaKeptDay[];
  cases: readonly RotaCase[];
  maxCasesPerDay: number;
  /** The reception room for the month's days, if one was chosen: only half-days within its hours and free of its bookings. */
  room?: { hours: readonly (readonly [string, string])[] | null; busy: readonly { start: Date; end: Date }[] } | null;
}

/** Why a proposed case is on the day: the leader is in charge of it, or a repeat petitioner in the leader's field. */
export type ProposalReason = 'in-charge' | 'repeat';

export interface RotaDay {
  leaderId: string;
  start: Date;
  end: Date;
  localDate: string;
  halfDay: HalfDayName;
  caseIds: string[];
}

export interface RotaLeftover {
  leaderId: string;
  reason: string;
}

export interface RotaResult {
  days: RotaDay[];
  unplaced: RotaLeftover[];
}

export type HalfDayName = 'am' | 'pm';

/** One office-hours period of one working day. */
interface HalfDay {
  start: number;
  end: number;
  localDate: string;
  dayIndex: number;
  period: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const GRADE_URGENCY: Record<Grade, number> = { 'joint-consultation': 0, escalated: 1, normal: 2 };

/** [start, end) of the month in the office time zone; null when `month` is not `YYYY-MM`. */
export function monthWindow(month: string, timeZone: string): { from: Date; to: Date } | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  const first = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: timeZone });
  return { from: first.toJSDate(), to: first.plus({ months: 1 }).toJSDate() };
}

/** `am` for a period that starts before noon (local), `pm` otherwise. */
export function halfDayOf(start: Date, timeZone: string): HalfDayName {
  return DateTime.fromJSDate(start, { zone: timeZone }).hour < 12 ? 'am' : 'pm';
}

/** `12月8日上午`. */
export function halfDayLabel(start: Date, timeZone: string): string {
  const t = DateTime.fromJSDate(start, { zone: timeZone });
  return `${t.month}月${t.day}日${t.hour < 12 ? '上午' : '下午'}`;
}

/** The month's half-days (office-hours periods of working days) that start at or after `now`. */
function halfDays(input: RotaInput, from: Date, to: Date): HalfDay[] {
  const periods = parseOfficeHours(input.officeHours);
  const out: HalfDay[] = [];
  officeDays({ from, to, timeZone: input.timeZone, officeHours: input.officeHours, calendar: input.calendar }).forEach((day, dayIndex) => {
    periods.forEach((p, period) => {
      const start = day.midnight.plus({ minutes: p.startMin }).toMillis();
      const end = day.midnight.plus({ minutes: p.endMin }).toMillis();
      if (start >= input.now.getTime() && roomOpen(input, start, end)) out.push({ start, end, localDate: day.date, dayIndex, period });
    });
  });
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: Date; end: Date }): boolean => a.start < b.end.getTime() && b.start.getTime() < a.end;

/** No room chosen, or the room is open for [start, end) and not booked then. */
function roomOpen(input: RotaInput, start: number, end: number): boolean {
  const room = input.room;
  if (!room) return true;
  if (!withinRoomHours(room.hours, new Date(start), new Date(end), input.timeZone)) return false;
  return !room.busy.some((b) => overlaps({ start, end }, b));
}

/**
 * The month's reception rota: one half-day per leader taking part, spread over the month's office days.
 *
 * The leaders' order turns by one place each month (the first of the list is not always first), and
 * the k-th of n leaders aims at the office day at (k + ½)/n of the month, on the morning or the afternoon
 * in turn. Leaders with the fewest free half-days choose first; each takes the free half-day nearest
 * its aim that no other reception day (kept or planned here) holds and that none of the leader's
 * commitments overlaps. A leader with a reception day kept this month, or without any free half-day,
 * is left out with the reason in Chinese. Pure: no clock, no database.
 */
export function planReceptionRota(input: RotaInput): RotaResult {
  const window = monthWindow(input.month, input.timeZone);
  if (!window) throw new Error(`month "${input.month}" is not YYYY-MM`);
  const all = halfDays(input, window.from, window.to);
  const dayCount = all.length ? all[all.length - 1].dayIndex + 1 : 0;
  const periodCount = input.officeHours.length;
  const unplaced: RotaLeftover[] = [];
  const taken = new Set<number>(all.filter((h) => input.kept.some((k) => overlaps(h, k))).map((h) => h.start));

  const keptBy = new Map(input.kept.map((k) => [k.leaderId, k]));
  const rotating = rotate(
    input.leaders.filter((l) => {
      const kept = keptBy.get(l.id);
      if (kept) unplaced.push({ leaderId: l.id, reason: `本月已有确认的接访日（${halfDayLabel(kept.start, input.timeZone)}），不再重复安排。` });
      return !kept;
    }),
    monthOrdinal(input.month),
  );
  const aims = new Map(
    rotating.map((l, k) => [l.id, { day: Math.floor(((k + 0.5) * dayCount) / Math.max(1, rotating.length)), period: (k + monthOrdinal(input.month)) % periodCount }]),
  );
  const freeOf = (leaderId: string): HalfDay[] => all.filter((h) => !input.busy.some((b) => b.leaderId === leaderId && overlaps(h, b)));
  const order = [...rotating].sort((a, b) => freeOf(a.id).length - freeOf(b.id).length);

  const days: RotaDay[] = [];
  for (const leader of order) {
    const own = freeOf(leader.id);
    const aim = aims.get(leader.id) ?? { day: 0, period: 0 };
    const choice = own
      .filter((h) => !taken.has(h.start))
      .sort((a, b) => Math.abs(a.dayIndex - aim.day) - Math.abs(b.dayIndex - aim.day) || Number(a.period !== aim.period) - Number(b.period !== aim.period) || a.start - b.start)[0];
    if (!choice) {
      unplaced.push({ leaderId: leader.id, reason: leftoverReason(all.length, own.length, Boolean(input.room)) });
      continue;
    }
    taken.add(choice.start);
    days.push({
      leaderId: leader.id,
      start: new Date(choice.start),
      end: new Date(choice.end),
      localDate: choice.localDate,
      halfDay: halfDayOf(new Date(choice.start), input.timeZone),
      caseIds: [],
    });
  }
  days.sort((a, b) => a.start.getTime() - b.start.getTime());
  proposeCases(days, input);
  return { days, unplaced };
}

function leftoverReason(halfDayCount: number, freeCount: number, withRoom: boolean): string {
  if (halfDayCount === 0 && withRoom) return '本月剩余的办公半天所选接待室均不开放或已被占用，请另选接待室或不指定接待室。';
  if (halfDayCount === 0) return '本月已没有可安排的办公半天（剩余日期均为节假日、休息日或已过去）。';
  if (freeCount === 0) return '本月每个办公半天该领导都有会议或其他安排，无法安排接访。';
  return '该领导有空的办公半天都已安排了其他领导接访（每个半天只安排一场接访）。';
}

/**
 * Proposed cases per day, most urgent first (grade, then deadline), at most `maxCasesPerDay`: the
 * cases in the leader's charge (包案), then open cases of repeat petitioners (repeatCount ≥ 1) in the
 * leader's portfolio or regions that no other leader is in charge of. A case is proposed once a month.
 */
export function proposeCases(days: RotaDay[], input: Pick<RotaInput, 'leaders' | 'cases' | 'maxCasesPerDay'>): void {
  const leaders = new Map(input.leaders.map((l) => [l.id, l]));
  const ranked = [...input.cases].sort(byUrgency);
  const used = new Set<string>();
  const take = (day: RotaDay, accept: (c: RotaCase) => boolean): void => {
    for (const c of ranked) {
      if (day.caseIds.length >= input.maxCasesPerDay) return;
      if (!used.has(c.id) && accept(c)) {
        used.add(c.id);
        day.caseIds.push(c.id);
      }
    }
  };
  for (const day of days) take(day, (c) => c.leadLeaderId === day.leaderId);
  for (const day of days) {
    const leader = leaders.get(day.leaderId);
    if (leader) take(day, (c) => proposalReason(c, leader) === 'repeat');
  }
  for (const day of days) day.caseIds.sort((a, b) => ranked.findIndex((c) => c.id === a) - ranked.findIndex((c) => c.id === b));
}

/** Why a case would be brought before this leader, or null. */
export function proposalReason(c: RotaCase, leader: RotaLeader): ProposalReason | null {
  if (c.leadLeaderId === leader.id) return 'in-charge';
  if (c.leadLeaderId === null && c.repeatCount >= 1 && (leader.portfolio.includes(c.category) || leader.regions.includes(c.region))) return 'repeat';
  return null;
}

export function byUrgency(a: RotaCase, b: RotaCase): number {
  const due = (c: RotaCase): number => c.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return GRADE_URGENCY[a.grade] - GRADE_URGENCY[b.grade] || due(a) - due(b) || b.repeatCount - a.repeatCount || a.code.localeCompare(b.code);
}

function monthOrdinal(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}

function rotate<T>(items: readonly T[], by: number): T[] {
  if (!items.length) return [];
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
