import { partsOf } from './format';

/**
 * The planning board's week calendar: which day column a meeting falls in, its top and height from its
 * office-zone times, and overlapping meetings side by side. Dates are office-zone `YYYY-MM-DD` strings.
 */
export interface CalendarItem {
  startAt: string;
  endAt: string;
}

/** Minutes since midnight (office zone) of the rows the grid shows. */
export interface HourRange {
  startMin: number;
  endMin: number;
}

export interface PlacedBlock<T> {
  item: T;
  /** Percent of the column's height. */
  top: number;
  height: number;
  /** Side-by-side position among the meetings it overlaps, and how many share the width. */
  lane: number;
  lanes: number;
}

export interface DayColumn<T> {
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  blocks: PlacedBlock<T>[];
}

export interface WeekLayout<T> {
  days: DayColumn<T>[];
  range: HourRange;
  /** The start (minutes) of each hour row. */
  hours: number[];
}

/** The rows shown when the week's meetings all fall inside them (office hours 08:30–17:30, rounded out). */
export const OFFICE_DAY: HourRange = { startMin: 8 * 60, endMin: 18 * 60 };
const DAY_MINUTES = 24 * 60;
/** A short meeting still gets a block tall enough to read and click. */
const MIN_BLOCK_MINUTES = 20;

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function mondayOf(date: string): string {
  return addDays(date, -weekdayOf(date));
}

/** Today's date in the office zone. */
export function officeToday(now: Date = new Date()): string {
  const p = partsOf(now.toISOString());
  return `${p.year}-${p.month}-${p.day}`;
}

/** The Monday after the given day (a Monday gives the following one). */
export function nextMonday(today: string): string {
  return addDays(mondayOf(today), 7);
}

export interface LocalSlot {
  date: string;
  startMin: number;
  endMin: number;
}

/** Office-zone date and minutes of a meeting; one ending on a later day is drawn to midnight. */
export function localSlot(item: CalendarItem): LocalSlot {
  const start = partsOf(item.startAt);
  const end = partsOf(item.endAt);
  const date = `${start.year}-${start.month}-${start.day}`;
  const sameDay = `${end.year}-${end.month}-${end.day}` === date;
  const startMin = Number(start.hour) * 60 + Number(start.minute);
  const endMin = sameDay ? Number(end.hour) * 60 + Number(end.minute) : DAY_MINUTES;
  return { date, startMin, endMin: Math.max(endMin, startMin) };
}

/** Lays out the week starting on `monday`: Mon–Fri always, Saturday and Sunday only when a meeting falls there. */
export function layoutWeek<T extends CalendarItem>(monday: string, items: readonly T[], base: HourRange = OFFICE_DAY): WeekLayout<T> {
  const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const slotted = items.map((item) => ({ item, slot: localSlot(item) })).filter(({ slot }) => dates.includes(slot.date));
  const range = hourRange(
    slotted.map(({ slot }) => slot),
    base,
  );
  const days = dates
    .map((date, weekday) => ({ date, weekday, entries: slotted.filter(({ slot }) => slot.date === date) }))
    .filter((day) => day.weekday < 5 || day.entries.length > 0)
    .map(({ date, weekday, entries }) => ({ date, weekday, blocks: placeDay(entries, range) }));
  const hours: number[] = [];
  for (let minute = range.startMin; minute < range.endMin; minute += 60) hours.push(minute);
  return { days, range, hours };
}

/** The base rows, widened to whole hours so every meeting of the week fits. */
export function hourRange(slots: readonly LocalSlot[], base: HourRange = OFFICE_DAY): HourRange {
  let startMin = base.startMin;
  let endMin = base.endMin;
  for (const slot of slots) {
    startMin = Math.min(startMin, Math.floor(slot.startMin / 60) * 60);
    endMin = Math.max(endMin, Math.min(DAY_MINUTES, Math.ceil(Math.max(slot.endMin, slot.startMin + MIN_BLOCK_MINUTES) / 60) * 60));
  }
  return { startMin, endMin };
}

/** Blocks of one day: overlapping meetings form a group and share its width lane by lane. */
function placeDay<T>(entries: readonly { item: T; slot: LocalSlot }[], range: HourRange): PlacedBlock<T>[] {
  const sorted = [...entries].sort((a, b) => a.slot.startMin - b.slot.startMin || b.slot.endMin - a.slot.endMin);
  const span = range.endMin - range.startMin;
  const placed: PlacedBlock<T>[] = [];
  let group: PlacedBlock<T>[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -1;
  const closeGroup = (): void => {
    for (const block of group) block.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const { item, slot } of sorted) {
    const end = Math.max(slot.endMin, slot.startMin + MIN_BLOCK_MINUTES);
    if (slot.startMin >= groupEnd) closeGroup();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= slot.startMin);
    if (lane === -1) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    groupEnd = Math.max(groupEnd, end);
    const block = { item, top: ((slot.startMin - range.startMin) / span) * 100, height: ((end - slot.startMin) / span) * 100, lane, lanes: 1 };
    group.push(block);
    placed.push(block);
  }
  closeGroup();
  return placed;
}
