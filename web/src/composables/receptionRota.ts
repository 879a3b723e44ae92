import type { components } from '@/api/schema';
import { addDays, mondayOf } from './weekLayout';

type Day = components['schemas']['ReceptionDayResponse'];
type HeldBody = components['schemas']['HeldReceptionDayDto'];

/** "2026-12" of an office-zone date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month before or after ("2026-12", +1 → "2027-01"). */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface CalendarCell<T> {
  date: string;
  inMonth: boolean;
  days: T[];
}

/** The month as weeks Monday–Sunday (whole weeks around it), each date with the reception days on it, in order. */
export function calendarWeeks<T extends Pick<Day, 'localDate' | 'startAt'>>(month: string, days: readonly T[]): CalendarCell<T>[][] {
  const first = `${month}-01`;
  const byDate = new Map<string, T[]>();
  for (const day of [...days].sort((a, b) => a.startAt.localeCompare(b.startAt))) byDate.set(day.localDate, [...(byDate.get(day.localDate) ?? []), day]);
  const weeks: CalendarCell<T>[][] = [];
  for (let monday = mondayOf(first); monthOf(monday) <= month; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((date) => ({ date, inMonth: monthOf(date) === month, days: byDate.get(date) ?? [] })));
  }
  return weeks;
}

/** `POST /reception-days/:id/held`: the cases ticked, each with its note when one was written. */
export function heldBody(ticked: readonly string[], notes: Readonly<Record<string, string>>): HeldBody {
  return {
    received: ticked.map((caseId) => {
      const note = notes[caseId]?.trim();
      return note ? { caseId, note } : { caseId };
    }),
  };
}
