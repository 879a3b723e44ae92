import { beforeAll, describe, expect, it } from '@jest/globals';
import { seededRandom } from '../src/common/seeded-random.js';
import { rawDate } from '../src/database/raw-values.js';
import { bearer } from './support/factories.js';
import { useTestApp } from './support/test-app.js';

type Row = { id: string; status: string; startAt: Date | string; endAt: Date | string };
const ms = (v: Date | string): number => rawDate(v).getTime();

/**
 * Property (issue 14, deputies): whatever sequence of create, PATCH (deputies, time), confirm and cancel
 * the secretariat sends (seeded random, through HTTP), no deputy is ever in two overlapping confirmed
 * meetings, deputy_bookings are exactly the confirmed meetings' invited deputies, and nothing answers 5xx.
 * Meetings have no room and different chairs' leaders are not the point here: each meeting has its own chair
 * among four leaders, so leader clashes also happen and are refused by the same transaction.
 */
describe('deputies’ bookings after random sequences of meeting changes', () => {
  const t = useTestApp();
  let secretary = '';
  let deputies: string[] = [];
  let leaders: string[] = [];

  beforeAll(async () => {
    secretary = await t.token('secretary');
    deputies = ((await t.http.get('/deputies').set(bearer(secretary)).expect(200)).body as { id: string }[]).map((d) => d.id).slice(0, 3);
    leaders = ['director', 'deputy-1', 'deputy-2', 'deputy-3'].map((k) => t.leaders.get(k) as string);
  });

  async function violations(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const marks = ids.map(() => '?').join(', ');
    const meetings: Row[] = await t.dataSource.query(`SELECT id, status, startAt, endAt FROM meetings WHERE id IN (${marks})`, ids);
    const invited: { meetingId: string; refId: string }[] = await t.dataSource.query(
      `SELECT meetingId, refId FROM meeting_attendees WHERE kind = 'deputy' AND active = ? AND meetingId IN (${marks})`,
      [true, ...ids],
    );
    const booked: { deputyId: string; meetingId: string; startAt: Date | string; endAt: Date | string }[] = await t.dataSource.query(
      `SELECT deputyId, meetingId, startAt, endAt FROM deputy_bookings WHERE meetingId IN (${marks})`,
      ids,
    );
    const confirmed = meetings.filter((m) => m.status === 'confirmed' || m.status === 'held');
    const v: string[] = [];
    for (let i = 0; i < confirmed.length; i++) {
      for (let j = i + 1; j < confirmed.length; j++) {
        const [a, b] = [confirmed[i], confirmed[j]];
        if (!(ms(a.startAt) < ms(b.endAt) && ms(b.startAt) < ms(a.endAt))) continue;
        const da = invited.filter((x) => x.meetingId === a.id).map((x) => x.refId);
        for (const x of invited.filter((y) => y.meetingId === b.id)) if (da.includes(x.refId)) v.push(`deputy ${x.refId}: ${a.id} and ${b.id}`);
      }
    }
    const want = confirmed.flatMap((m) => invited.filter((a) => a.meetingId === m.id).map((a) => `${a.refId}|${m.id}|${ms(m.startAt)}|${ms(m.endAt)}`)).sort();
    const have = booked.map((b) => `${b.deputyId}|${b.meetingId}|${ms(b.startAt)}|${ms(b.endAt)}`).sort();
    if (JSON.stringify(want) !== JSON.stringify(have)) v.push(`deputy bookings [${have.join(', ')}] ≠ confirmed invitations [${want.join(', ')}]`);
    return v;
  }

  it('keeps every deputy single-booked through 3 × 40 random operations', async () => {
    const codes = new Set<string>();
    for (const seed of [24, 1764, 2026]) {
      const r = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
      const some = (): string[] => deputies.filter(() => r() < 0.5);
      const ids: string[] = [];
      const day = 14 + (seed % 3); // one working day per seed (14–16 December), so seeds do not meet
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
          res = await t.http.post('/meetings').set(bearer(secretary)).send({ type: 'supervision', agenda: [], chairId: pick(leaders), deputies: some(), ...span() });
          if (res.status === 201) ids.push(res.body.id as string);
        } else if (op === 1) {
          const change = pick([{ deputies: some() }, { ...span() }, { ...span(), deputies: some() }]);
          res = await t.http.patch(`/meetings/${pick(ids)}`).set(bearer(secretary)).send(change);
        } else if (op === 2) {
          res = await t.http.post(`/meetings/${pick(ids)}/confirm`).set(bearer(secretary)).send({});
        } else {
          res = await t.http.post(`/meetings/${pick(ids)}/cancel`).set(bearer(secretary)).send({ reason: '随机取消' });
        }
        if (res.status >= 400) codes.add(String(res.body.code));
        expect({ seed, step, status: res.status < 500 }).toEqual({ seed, step, status: true });
        expect({ seed, step, violations: await violations(ids) }).toEqual({ seed, step, violations: [] });
      }
    }
    // The sequences do meet a deputy taken by another confirmed meeting and are refused for it.
    expect([...codes]).toContain('DEPUTY_DOUBLE_BOOKED');
  });
});
