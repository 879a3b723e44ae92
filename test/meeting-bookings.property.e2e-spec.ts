import { beforeAll, describe, expect, it } from '@jest/globals';
import { seededRandom } from '../src/common/seeded-random.js';
import { rawDate } from '../src/database/raw-values.js';
import { bearer } from './support/factories.js';
import { useTestApp } from './support/test-app.js';

type Row = { id: string; status: string; roomId: string | null; startAt: Date | string; endAt: Date | string };
const ms = (v: Date | string): number => rawDate(v).getTime();

/**
 * Property: whatever sequence of create, PATCH, confirm and cancel the secretariat sends (seeded random,
 * through HTTP and the one constraint checker), no room and no leader is ever taken by two confirmed
 * meetings at once, the bookings are exactly the confirmed meetings' rooms and leaders, and no request
 * answers 5xx.
 */
describe('bookings after random sequences of meeting changes', () => {
  const t = useTestApp();
  let secretary = '';
  let rooms: string[] = [];
  let leaders: string[] = [];

  beforeAll(async () => {
    secretary = await t.token('secretary');
    rooms = ((await t.http.get('/rooms').set(bearer(secretary)).expect(200)).body as { id: string }[]).map((r) => r.id);
    leaders = ['director', 'deputy-1', 'deputy-2', 'deputy-3'].map((k) => t.leaders.get(k) as string);
  });

  async function violations(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const marks = ids.map(() => '?').join(', ');
    const meetings: Row[] = await t.dataSource.query(`SELECT id, status, roomId, startAt, endAt FROM meetings WHERE id IN (${marks})`, ids);
    const attendees: { meetingId: string; refId: string }[] = await t.dataSource.query(
      `SELECT meetingId, refId FROM meeting_attendees WHERE kind = 'leader' AND active = ? AND meetingId IN (${marks})`,
      [true, ...ids],
    );
    const roomRows: { roomId: string; meetingId: string }[] = await t.dataSource.query(`SELECT roomId, meetingId FROM room_bookings WHERE meetingId IN (${marks})`, ids);
    const leaderRows: { leaderId: string; meetingId: string }[] = await t.dataSource.query(`SELECT leaderId, meetingId FROM leader_bookings WHERE meetingId IN (${marks})`, ids);
    const confirmed = meetings.filter((m) => m.status === 'confirmed' || m.status === 'held');
    const v: string[] = [];
    for (let i = 0; i < confirmed.length; i++) {
      for (let j = i + 1; j < confirmed.length; j++) {
        const [a, b] = [confirmed[i], confirmed[j]];
        if (!(ms(a.startAt) < ms(b.endAt) && ms(b.startAt) < ms(a.endAt))) continue;
        if (a.roomId && a.roomId === b.roomId) v.push(`room ${a.roomId}: ${a.id} and ${b.id}`);
        const la = attendees.filter((x) => x.meetingId === a.id).map((x) => x.refId);
        for (const x of attendees.filter((y) => y.meetingId === b.id)) if (la.includes(x.refId)) v.push(`leader ${x.refId}: ${a.id} and ${b.id}`);
      }
    }
    const wantRooms = confirmed.filter((m) => m.roomId).map((m) => `${m.roomId}|${m.id}`).sort();
    const haveRooms = roomRows.map((r) => `${r.roomId}|${r.meetingId}`).sort();
    if (JSON.stringify(wantRooms) !== JSON.stringify(haveRooms)) v.push(`room bookings ${haveRooms.join(',')} ≠ confirmed ${wantRooms.join(',')}`);
    const wantLeaders = confirmed.flatMap((m) => [...new Set(attendees.filter((a) => a.meetingId === m.id).map((a) => `${a.refId}|${m.id}`))]).sort();
    const haveLeaders = leaderRows.map((r) => `${r.leaderId}|${r.meetingId}`).sort();
    if (JSON.stringify(wantLeaders) !== JSON.stringify(haveLeaders)) v.push(`leader bookings ${haveLeaders.length} ≠ confirmed attendees ${wantLeaders.length}`);
    return v;
  }

  it('keeps every room and leader single-booked through 3 × 40 random operations', async () => {
    for (const seed of [14, 20, 2026]) {
      const r = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
      const ids: string[] = [];
      const statuses = new Map<number, number>();
      const day = 14 + (seed % 3); // one day per seed, so seeds do not meet
      const span = (): { startAt: string; endAt: string } => {
        const start = pick(['08:30', '09:00', '09:30', '10:00', '14:30', '15:00']);
        const [h, m] = start.split(':').map(Number);
        const end = `${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        return { startAt: `2026-12-${day}T${start}:00+08:00`, endAt: `2026-12-${day}T${end}:00+08:00` };
      };
      for (let step = 0; step < 40; step++) {
        const op = ids.length < 3 ? 0 : Math.floor(r() * 4);
        let res;
        if (op === 0) {
          res = await t.http.post('/meetings').set(bearer(secretary)).send({ type: 'supervision', agenda: [], chairId: pick(leaders), roomId: r() < 0.85 ? pick(rooms) : null, ...span() });
          if (res.status === 201) ids.push(res.body.id as string);
        } else if (op === 1) {
          const change = pick([{ ...span() }, { roomId: r() < 0.8 ? pick(rooms) : null }, { chairId: pick(leaders) }, { ...span(), roomId: pick(rooms) }]);
          res = await t.http.patch(`/meetings/${pick(ids)}`).set(bearer(secretary)).send(change);
        } else if (op === 2) {
          res = await t.http.post(`/meetings/${pick(ids)}/confirm`).set(bearer(secretary)).send({});
        } else {
          res = await t.http.post(`/meetings/${pick(ids)}/cancel`).set(bearer(secretary)).send({ reason: '随机取消' });
        }
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect({ seed, step, status: res.status < 500 }).toEqual({ seed, step, status: true });
        expect({ seed, step, violations: await violations(ids) }).toEqual({ seed, step, violations: [] });
      }
      // The sequences do reach both outcomes: some changes succeed, some are refused.
      expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
      expect([...statuses.keys()].some((s) => s === 409 || s === 400)).toBe(true);
    }
  }, 300_000);
});
