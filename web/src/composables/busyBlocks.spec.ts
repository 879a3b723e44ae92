import { describe, expect, it } from 'vitest';
import { busyBody, busyRows, newBusyRow, rowComplete } from './busyBlocks';

describe('a leader’s busy blocks', () => {
  it('shows stored blocks as office-zone rows, earliest first', () => {
    const rows = busyRows([
      { id: 'b', leaderId: 'l', startAt: '2026-12-10T06:00:00.000Z', endAt: '2026-12-10T09:00:00.000Z', reason: null },
      { id: 'a', leaderId: 'l', startAt: '2026-12-08T01:00:00.000Z', endAt: '2026-12-09T04:00:00.000Z', reason: '出差' },
    ]);
    expect(rows).toEqual([
      { startDate: '2026-12-08', startTime: '09:00', endDate: '2026-12-09', endTime: '12:00', reason: '出差' },
      { startDate: '2026-12-10', startTime: '14:00', endDate: '2026-12-10', endTime: '17:00', reason: '' },
    ]);
  });

  it('sends complete rows as instants, the reason when given', () => {
    const rows = [newBusyRow('2026-12-08'), { ...newBusyRow('2026-12-09'), reason: ' 调研 ' }, { ...newBusyRow('2026-12-10'), endTime: '' }];
    expect(rowComplete(rows[2])).toBe(false);
    expect(busyBody(rows)).toEqual([
      { start: '2026-12-08T01:00:00.000Z', end: '2026-12-08T04:00:00.000Z' },
      { start: '2026-12-09T01:00:00.000Z', end: '2026-12-09T04:00:00.000Z', reason: '调研' },
    ]);
  });
});
