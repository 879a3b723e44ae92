import type { components } from '@/api/schema';
import { officeInstant, partsOf } from './format';

type Block = components['schemas']['LeaderBusyBlockResponse'];
type BlockBody = components['schemas']['BusyBlockDto'];

/** A leader's busy block as the editor holds it: office-zone dates and wall times. */
export interface BusyRow {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  reason: string;
}

function dateAndTime(iso: string): { date: string; time: string } {
  const parts = partsOf(iso);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The stored blocks as rows, earliest first. */
export function busyRows(blocks: readonly Block[]): BusyRow[] {
  return [...blocks]
    .sort((a, b) => a.startAt.localeCompare(b.startAt))
    .map((block) => {
      const start = dateAndTime(block.startAt);
      const end = dateAndTime(block.endAt);
      return { startDate: start.date, startTime: start.time, endDate: end.date, endTime: end.time, reason: block.reason ?? '' };
    });
}

/** A new row: one office morning on the given day. */
export function newBusyRow(date: string): BusyRow {
  return { startDate: date, startTime: '09:00', endDate: date, endTime: '12:00', reason: '' };
}

/** A row is sent when its dates and times are filled in; the API decides whether the block is acceptable. */
export function rowComplete(row: BusyRow): boolean {
  return Boolean(row.startDate && row.startTime && row.endDate && row.endTime);
}

/** `PUT /leaders/:id/busy`'s body: every complete row as instants (office zone), the reason when given. */
export function busyBody(rows: readonly BusyRow[]): BlockBody[] {
  return rows.filter(rowComplete).map((row) => {
    const body: BlockBody = { start: officeInstant(row.startDate, row.startTime), end: officeInstant(row.endDate, row.endTime) };
    if (row.reason.trim()) body.reason = row.reason.trim();
    return body;
  });
}
