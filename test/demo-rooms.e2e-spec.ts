import { describe, expect, it } from '@jest/globals';
import { useTestApp } from './support/test-app.js';

/** The demo office (DEMO_DATA=true) plans its meetings in its rooms, each large enough, and the confirmed one books its room. */
describe('demo data: the demo plan uses rooms', () => {
  const t = useTestApp({ env: { DEMO_DATA: 'force' } }); // a throw-away test database (SQLite or MariaDB)

  it('gives every demo meeting a room of the demo office, and the confirmed one books it', async () => {
    const rooms: { id: string; capacity: number; availableHours: string | null }[] = await t.dataSource.query('SELECT id, capacity, availableHours FROM rooms');
    expect(rooms.filter((r) => r.availableHours !== null).length).toBeGreaterThan(0);
    const meetings: { id: string; status: string; roomId: string | null; attendees: number | string }[] = await t.dataSource.query(
      "SELECT m.id, m.status, m.roomId, (SELECT COUNT(*) FROM meeting_attendees a WHERE a.meetingId = m.id AND a.active = ?) AS attendees FROM meetings m WHERE m.status <> 'cancelled'",
      [true],
    );
    expect(meetings.length).toBeGreaterThan(0);
    const capacity = new Map(rooms.map((r) => [r.id, r.capacity]));
    for (const m of meetings) {
      expect(capacity.has(m.roomId ?? '')).toBe(true);
      expect(Number(m.attendees)).toBeLessThanOrEqual(capacity.get(m.roomId ?? '') ?? 0);
    }
    const confirmed = meetings.filter((m) => m.status === 'confirmed');
    expect(confirmed).toHaveLength(1);
    const booked: { roomId: string }[] = await t.dataSource.query('SELECT roomId FROM room_bookings WHERE meetingId = ?', [confirmed[0].id]);
    expect(booked).toEqual([{ roomId: confirmed[0].roomId }]);
  });
});
