import { DateTime } from 'luxon';
import type { PlannerInput } from './planner.types.js';

/** A local office-hours period of a day, in minutes since local midnight: [startMin, endMin). */
export interface OfficePeriod {
  startMin: number;
  endMin: number;
}

/** A candidate meeting time: [start, end) in epoch milliseconds, inside one office period of one working day. */
export interface Slot {
  start: number;
  end: number;
  /** Local date (office time zone), `YYYY-MM-DD`. */
  localDate: string;
  /** Index of the office-hours period in `input.officeHours`. */
  period: number;
}

type SlotInput = Pick<PlannerInput, 'from' | 'to' | 'timeZone' | 'officeHours' | 'calendar'>;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOfDay(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new Error(`office hours: "${hhmm}" is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Office hours as minute ranges; throws on a malformed or empty period. */
export function parseOfficeHours(hours: readonly (readonly [string, string])[]): OfficePeriod[] {
  return hours.map(([s, e]) => {
    const period = { startMin: minuteOfDay(s), endMin: minuteOfDay(e) };
    if (period.startMin >= period.endMin) throw new Error(`office hours: period ${s}–${e} is empty`);
    return period;
  });
}

/** Local dates (office time zone) touched by [from, to), in order. */
export function localDatesInWindow(from: Date, to: Date, zone: string): string[] {
  const first = DateTime.fromJSDate(from, { zone });
  const last = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone });
  const dates: string[] = [];
  // Calendar-date arithmetic needs no time zone: step through UTC dates.
  const end = Date.UTC(last.year, last.month - 1, last.day);
  for (let t = Date.UTC(first.year, first.month - 1, first.day); t <= end; t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** A working day of the window: its local midnight, and whether the UTC offset stays fixed all day. */
export interface OfficeDay {
  date: string;
  midnight: DateTime;
  fixedOffset: boolean;
}

/** The working days of [from, to) in the office time zone (holidays off, make-up days on). */
export function officeDays(input: SlotInput): OfficeDay[] {
  return localDatesInWindow(input.from, input.to, input.timeZone)
    .filter((date) => input.calendar.isWorkingDay(date))
    .map((date) => {
      const midnight = DateTime.fromISO(date, { zone: input.timeZone });
      const fixedOffset = midnight.offset === midnight.plus({ days: 1 }).offset && midnight.hour === 0 && midnight.minute === 0;
      return { date, midnight, fixedOffset };
    });
}

/**
 * Every start time of a meeting of `durationMin` minutes that lies entirely inside one office
 * period of a working day (checked on the local date in the office time zone), starts on a
 * multiple of `stepMin` minutes after local midnight, and lies within [from, to). Sorted by start.
 */
export function generateSlots(input: SlotInput, durationMin: number, stepMin: number, days: readonly OfficeDay[] = officeDays(input)): Slot[] {
  const periods = parseOfficeHours(input.officeHours);
  const from = input.from.getTime();
  const to = input.to.getTime();
  const slots: Slot[] = [];
  for (const { date, midnight, fixedOffset } of days) {
    periods.forEach((p, period) => {
      for (let t = Math.ceil(p.startMin / stepMin) * stepMin; t + durationMin <= p.endMin; t += stepMin) {
        // With a fixed UTC offset all day, local minutes map linearly to instants.
        let startMs = midnight.toMillis() + t * 60_000;
        if (!fixedOffset) {
          const start = midnight.set({ hour: Math.floor(t / 60), minute: t % 60 });
          const end = start.plus({ minutes: durationMin });
          // Skip local times that do not exist (a DST gap) or whose end drifts out of the period.
          if (start.hour * 60 + start.minute !== t || start.toISODate() !== date) continue;
          if (end.toISODate() !== date || end.hour * 60 + end.minute > p.endMin) continue;
          startMs = start.toMillis();
        }
        const endMs = startMs + durationMin * 60_000;
        if (startMs < from || endMs > to) continue;
        slots.push({ start: startMs, end: endMs, localDate: date, period });
      }
    });
  }
  return slots.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Where a time check looks: the office's days and hours, and for a plan its window. */
export interface TimeFrame {
  timeZone: string;
  officeHours: readonly (readonly [string, string])[];
  calendar: { isWorkingDay(isoDate: string): boolean };
  /** A plan's window [from, to); a meeting edited by hand has none. */
  from?: Date;
  to?: Date;
}

/** Why a time is not a valid meeting time (the one time check of the planner and of every meeting change). */
export type SlotProblem =
  | { kind: 'order' }
  | { kind: 'window' }
  | { kind: 'two-days'; date: string }
  | { kind: 'day-off'; date: string }
  | { kind: 'step'; start: string; stepMin: number }
  | { kind: 'hours'; start: string; end: string };

/**
 * Every reason why [start, end) is not a valid meeting time, in this order (empty when it is): it ends
 * after it starts, lies inside [from, to) when a window is given, on one local working day (office time
 * zone), with its start aligned to `stepMin` minutes after local midnight when a step is given, and
 * entirely within one office-hours period. A meeting spanning two days is outside office hours too.
 */
export function slotProblems(frame: TimeFrame, start: Date, end: Date, stepMin?: number): SlotProblem[] {
  if (!(start.getTime() < end.getTime())) return [{ kind: 'order' }];
  const found: SlotProblem[] = [];
  if ((frame.from && start.getTime() < frame.from.getTime()) || (frame.to && end.getTime() > frame.to.getTime())) found.push({ kind: 'window' });
  const s = DateTime.fromJSDate(start, { zone: frame.timeZone });
  const e = DateTime.fromJSDate(end, { zone: frame.timeZone });
  const date = s.toISODate() as string;
  const hours = { kind: 'hours' as const, start: s.toFormat('HH:mm'), end: e.toFormat('HH:mm') };
  if (e.toISODate() !== date) found.push({ kind: 'two-days', date });
  if (!frame.calendar.isWorkingDay(date)) found.push({ kind: 'day-off', date });
  const sMin = s.hour * 60 + s.minute;
  const eMin = e.hour * 60 + e.minute + (e.second * 1000 + e.millisecond) / 60_000;
  if (stepMin !== undefined && (s.second !== 0 || s.millisecond !== 0 || sMin % stepMin !== 0)) found.push({ kind: 'step', start: s.toFormat('HH:mm:ss'), stepMin });
  const inside = e.toISODate() === date && parseOfficeHours(frame.officeHours).some((p) => p.startMin <= sMin && eMin <= p.endMin);
  if (!inside) found.push(hours);
  return found;
}

/** The first of `slotProblems` in English, or null: why a planned slot is invalid. */
export function slotViolation(input: SlotInput, start: Date, end: Date, stepMin: number): string | null {
  const [first] = slotProblems(input, start, end, stepMin);
  return first ? describeSlotProblem(first) : null;
}

export function describeSlotProblem(p: SlotProblem): string {
  switch (p.kind) {
    case 'order':
      return 'ends before it starts';
    case 'window':
      return 'outside the planning window';
    case 'two-days':
      return 'spans two local days';
    case 'day-off':
      return `${p.date} is not a working day`;
    case 'step':
      return `start ${p.start} is not aligned to ${p.stepMin} minutes`;
    case 'hours':
      return `${p.start}–${p.end} is not within one office-hours period`;
  }
}
