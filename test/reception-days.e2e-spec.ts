import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { bearer } from './support/factories.js';
import { caseAction, expectError, registerCase } from './support/http-helpers.js';
import { useTestApp, type TestUser } from './support/test-app.js';

/**
 * 领导接访日 (docs/reception-days.md): the month's rota planned and stored, confirmed under the leaders'
 * booking guarantee shared with meetings, recorded as held (领导接访 on each case, counted by the
 * dashboard), and who may see or change which day.
 */
interface Day {
  id: string;
  leaderId: string;
  startAt: string;
  endAt: string;
  localDate: string;
  halfDay: string;
  status: string;
  version: number;
  roomBooked: boolean;
  room: { id: string; name: string } | null;
  proposedCaseIds: string[];
  proposedCases: { id: string; code: string; petitionerName: string; why: string | null }[];
  received: { caseId: string; note: string | null }[];
  allowedActions: string[];
}
interface Plan {
  month: string;
  days: Day[];
  replacedIds: string[];
  unplaced: { leaderId: string; leaderName: string; reason: string }[];
  warnings: string[];
}

const codeOf = (res: Response): unknown => (res.body as { code?: unknown }).code;
const plus = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

describe('reception days (领导接访日)', () => {
  const t = useTestApp();
  const tokens = new Map<TestUser, string>();
  const token = (u: TestUser): string => tokens.get(u) as string;
  const leader = (key: string): string => t.leaders.get(key) as string;
  let repeat: { id: string; repeatCount: number };
  let inCharge: { id: string };
  let plan: Plan;
  const dayOf = (key: string, p: Plan = plan): Day => {
    const day = p.days.find((d) => d.leaderId === leader(key));
    if (!day) throw new Error(`no day for ${key}`);
    return day;
  };
  const get = async (id: string, user: TestUser = 'secretary'): Promise<Day> => (await t.http.get(`/reception-days/${id}`).set(bearer(token(user))).expect(200)).body as Day;

  /** A supervision meeting chaired by `chairKey` at [startAt, endAt), with one case in that leader's charge. */
  const createMeeting = async (chairKey: string, startAt: string, endAt: string): Promise<string> => {
    const c = await registerCase<{ id: string }>(t, token('secretary'), { provincialReferral: true, category: 'economy', region: '竹山县' });
    const res = await t.http
      .post('/meetings')
      .set(bearer(token('secretary')))
      .send({ type: 'supervision', startAt, endAt, chairId: leader(chairKey), agenda: [{ caseId: c.id, leadLeaderId: leader(chairKey), minutes: 20 }] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    for (const u of ['admin', 'secretary', 'auditor', 'director', 'deputy1', 'deputy2'] as TestUser[]) tokens.set(u, await t.token(u));
    const petitioner = { name: '王小五', phone: '13912345678' };
    await registerCase(t, token('secretary'), { petitioner, category: 'urban-construction', region: '茅箭区' });
    repeat = await registerCase(t, token('secretary'), { petitioner, category: 'urban-construction', region: '茅箭区', subject: '物业问题再次反映' });
    inCharge = await registerCase(t, token('secretary'), { category: 'legislation', region: '竹溪县' });
    await caseAction(t, token('secretary'), inCharge.id, { action: 'assign-leader', leaderId: leader('director') });
  });

  it('plans a month: one half-day per leader of a lead rank, spread over office days, with the cases proposed for each', async () => {
    const res = await t.http.post('/reception-days/plan').set(bearer(token('secretary'))).send({ month: '2026-12' });
    expect(res.status).toBe(200);
    plan = res.body as Plan;
    expect(repeat.repeatCount).toBeGreaterThanOrEqual(1);
    expect(plan.month).toBe('2026-12');
    expect(plan.unplaced).toEqual([]);
    expect(plan.replacedIds).toEqual([]);
    expect(plan.days.map((d) => d.leaderId).sort()).toEqual(['director', 'deputy-1', 'deputy-2', 'deputy-3', 'deputy-4'].map(leader).sort());
    expect(new Set(plan.days.map((d) => d.localDate)).size).toBe(5);
    for (const d of plan.days) {
      expect(d.status).toBe('planned');
      expect(d.allowedActions).toEqual(['edit', 'confirm', 'cancel']);
      expect(d.localDate >= '2026-12-01' && d.localDate <= '2026-12-31').toBe(true);
      expect([3.5 * 3_600_000, 3 * 3_600_000]).toContain(Date.parse(d.endAt) - Date.parse(d.startAt));
    }
    expect(dayOf('director').proposedCases.map((c) => [c.id, c.why])).toEqual([[inCharge.id, 'in-charge']]);
    const deputy1 = dayOf('deputy-1').proposedCases.find((c) => c.id === repeat.id);
    expect(deputy1).toMatchObject({ why: 'repeat', petitionerName: '王小五' });
  });

  it('re-planning replaces only the month’s planned days and says which', async () => {
    const confirmedBefore = dayOf('deputy-4');
    await t.http.post(`/reception-days/${confirmedBefore.id}/confirm`).set(bearer(token('secretary'))).expect(200);
    const res = await t.http.post('/reception-days/plan').set(bearer(token('admin'))).send({ month: '2026-12' });
    expect(res.status).toBe(200);
    const again = res.body as Plan;
    expect(again.replacedIds).toEqual(plan.days.filter((d) => d.id !== confirmedBefore.id).map((d) => d.id).sort());
    expect(again.unplaced).toEqual([{ leaderId: leader('deputy-4'), leaderName: '赵志强', reason: expect.stringContaining('本月已有确认的接访日') }]);
    expect(again.days).toHaveLength(4);
    expect(again.days.some((d) => d.startAt === confirmedBefore.startAt)).toBe(false);
    const listed = (await t.http.get('/reception-days?month=2026-12').set(bearer(token('secretary'))).expect(200)).body as Day[];
    expect(listed.map((d) => d.id).sort()).toEqual([...again.days.map((d) => d.id), confirmedBefore.id].sort());
    await expect(t.http.get(`/reception-days/${plan.days.find((d) => d.leaderId === leader('director'))?.id ?? ''}`).set(bearer(token('secretary')))).resolves.toMatchObject({ status: 404 });
    plan = { ...again, days: [...again.days, await get(confirmedBefore.id)] };
  });

  it('runs two plans of one month sent at the same moment one after the other: the second replaces the first', async () => {
    const [a, b] = await Promise.all(['secretary', 'admin'].map((u) => t.http.post('/reception-days/plan').set(bearer(token(u as TestUser))).send({ month: '2027-02' })));
    expect([a.status, b.status]).toEqual([200, 200]);
    const listed = (await t.http.get('/reception-days?month=2027-02').set(bearer(token('secretary'))).expect(200)).body as Day[];
    expect(listed).toHaveLength(5);
    const ids = listed.map((d) => d.id).sort();
    const [first, second] = [a.body as Plan, b.body as Plan].sort((x, y) => x.replacedIds.length - y.replacedIds.length);
    expect([first.replacedIds, second.replacedIds]).toEqual([[], first.days.map((d) => d.id).sort()]);
    expect(second.days.map((d) => d.id).sort()).toEqual(ids);
  });

  it('refuses at confirm a reception day overlapping a confirmed meeting of the same leader (409), and the other way round', async () => {
    const day = dayOf('director');
    const meetingId = await createMeeting('director', plus(day.startAt, 30), plus(day.startAt, 90));
    await t.http.post(`/meetings/${meetingId}/confirm`).set(bearer(token('secretary'))).expect(200);
    const refused = await t.http.post(`/reception-days/${day.id}/confirm`).set(bearer(token('secretary')));
    expectError(refused, 409, 'RECEPTION_CONFLICT');
    expect(refused.body.details.clashes).toEqual([
      { leaderId: leader('director'), roomId: null, bookedBy: meetingId, what: 'booking', startAt: plus(day.startAt, 30), endAt: plus(day.startAt, 90) },
    ]);
    expect((await get(day.id)).status).toBe('planned');
    await t.http.post(`/meetings/${meetingId}/cancel`).set(bearer(token('secretary'))).send({ reason: '改期' }).expect(200);
    const confirmed = (await t.http.post(`/reception-days/${day.id}/confirm`).set(bearer(token('secretary'))).expect(200)).body as Day;
    expect([confirmed.status, confirmed.allowedActions]).toEqual(['confirmed', ['edit', 'cancel']]);
    // A meeting over a confirmed reception day is refused up front, naming it (the booking would refuse it anyway: next test).
    const c = await registerCase<{ id: string }>(t, token('secretary'), { provincialReferral: true, category: 'economy', region: '竹山县' });
    const later = await t.http
      .post('/meetings')
      .set(bearer(token('secretary')))
      .send({ type: 'supervision', startAt: plus(day.startAt, 60), endAt: plus(day.startAt, 120), chairId: leader('director'), agenda: [{ caseId: c.id, leadLeaderId: leader('director'), minutes: 20 }] });
    expectError(later, 409, 'MEETING_CONFLICT');
    expect(later.body.message).toContain('领导接访日');
    const rows: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM leader_bookings WHERE meetingId = ?', [day.id]);
    expect(Number(rows[0].n)).toBe(1);
  });

  it('lets exactly one of a reception day and an overlapping meeting of one leader be confirmed when both are confirmed at once', async () => {
    const day = dayOf('deputy-2');
    const meetingId = await createMeeting('deputy-2', plus(day.startAt, 0), plus(day.startAt, 60));
    const [a, b] = await Promise.all([
      t.http.post(`/reception-days/${day.id}/confirm`).set(bearer(token('secretary'))),
      t.http.post(`/meetings/${meetingId}/confirm`).set(bearer(token('admin'))),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([codeOf(a), codeOf(b)]).toContain(a.status === 409 ? 'RECEPTION_CONFLICT' : 'MEETING_CONFLICT');
    const rows: { meetingId: string }[] = await t.dataSource.query('SELECT meetingId FROM leader_bookings WHERE leaderId = ? AND meetingId IN (?, ?)', [leader('deputy-2'), day.id, meetingId]);
    expect(rows.map((r) => r.meetingId)).toEqual([a.status === 200 ? day.id : meetingId]);
  });

  it('moves, re-rooms and re-proposes a day by PATCH and refuses a time outside office hours or on a day off', async () => {
    const day = dayOf('deputy-3');
    const rooms = (await t.http.get('/directory/rooms').set(bearer(token('secretary'))).expect(200)).body as { id: string; name: string }[];
    const room = rooms.find((r) => r.name === '信访接待室');
    const moved = await t.http
      .patch(`/reception-days/${day.id}`)
      .set(bearer(token('secretary')))
      .send({ startAt: '2026-12-29T14:30:00+08:00', endAt: '2026-12-29T17:30:00+08:00', roomId: room?.id, proposedCaseIds: [repeat.id], note: '请信访科准备材料', version: day.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ localDate: '2026-12-29', halfDay: 'pm', room: { id: room?.id, name: '信访接待室' }, proposedCaseIds: [repeat.id], note: '请信访科准备材料', version: day.version + 1 });
    expectError(await t.http.patch(`/reception-days/${day.id}`).set(bearer(token('secretary'))).send({ note: '旧版本', version: day.version }), 409, 'RECEPTION_CHANGED_CONCURRENTLY');
    // 信访接待室 is open afternoons only: a morning in it is refused, and nothing changes.
    const closed = await t.http.patch(`/reception-days/${day.id}`).set(bearer(token('secretary'))).send({ startAt: '2026-12-29T08:30:00+08:00', endAt: '2026-12-29T12:00:00+08:00' });
    expectError(closed, 409, 'RECEPTION_ROOM_CLOSED');
    expect((closed.body as { message: string }).message).toContain('信访接待室的开放时间为14:30–17:30');
    expect(((await t.http.get(`/reception-days/${day.id}`).set(bearer(token('secretary'))).expect(200)).body as Day).halfDay).toBe('pm');
    expectError(await t.http.patch(`/reception-days/${day.id}`).set(bearer(token('secretary'))).send({ startAt: '2026-12-05T08:30:00+08:00', endAt: '2026-12-05T12:00:00+08:00' }), 400, 'RECEPTION_TIME_INVALID');
    expectError(await t.http.patch(`/reception-days/${day.id}`).set(bearer(token('secretary'))).send({ startAt: '2026-12-29T11:00:00+08:00', endAt: '2026-12-29T15:00:00+08:00' }), 400, 'RECEPTION_TIME_INVALID');
    expectError(await t.http.patch(`/reception-days/${day.id}`).set(bearer(token('secretary'))).send({ proposedCaseIds: ['00000000-0000-4000-8000-000000000000'] }), 400, 'RECEPTION_CASE_UNKNOWN');
    const confirmed = (await t.http.post(`/reception-days/${day.id}/confirm`).set(bearer(token('secretary'))).expect(200)).body as Day;
    expect([confirmed.status, confirmed.roomBooked]).toEqual(['confirmed', true]);
    const roomRows: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM room_bookings WHERE meetingId = ? AND roomId = ?', [day.id, room?.id]);
    expect(Number(roomRows[0].n)).toBe(1);
    const cancelled = (await t.http.post(`/reception-days/${day.id}/cancel`).set(bearer(token('secretary'))).send({ reason: '领导出差' }).expect(200)).body as Day;
    expect(cancelled).toMatchObject({ status: 'cancelled', roomBooked: false, allowedActions: [] });
    const left: { n: number | string }[] = await t.dataSource.query('SELECT (SELECT COUNT(*) FROM leader_bookings WHERE meetingId = ?) + (SELECT COUNT(*) FROM room_bookings WHERE meetingId = ?) AS n', [day.id, day.id]);
    expect(Number(left[0].n)).toBe(0);
    expectError(await t.http.patch(`/reception-days/${day.id}`).set(bearer(token('secretary'))).send({ note: 'x' }), 409, 'RECEPTION_NOT_EDITABLE');
  });

  it('shows each role what it may see: leaders their own days past planning (else 404), names masked outside the secretariat', async () => {
    const own = dayOf('director'); // confirmed
    const planned = dayOf('deputy-1'); // planned
    const status = async (user: TestUser, id: string): Promise<number> => (await t.http.get(`/reception-days/${id}`).set(bearer(token(user)))).status;
    expect(await Promise.all((['admin', 'secretary', 'auditor', 'director', 'deputy1', 'deputy2'] as TestUser[]).map((u) => status(u, own.id)))).toEqual([200, 200, 200, 200, 404, 404]);
    expect(await Promise.all((['admin', 'secretary', 'auditor', 'director', 'deputy1', 'deputy2'] as TestUser[]).map((u) => status(u, planned.id)))).toEqual([200, 200, 200, 404, 404, 404]);
    const missing = await t.http.get('/reception-days/00000000-0000-4000-8000-000000000000').set(bearer(token('deputy2')));
    const notHis = await t.http.get(`/reception-days/${own.id}`).set(bearer(token('deputy2')));
    expect([notHis.status, codeOf(notHis)]).toEqual([missing.status, codeOf(missing)]);
    expect(codeOf(missing)).toBe('RECEPTION_NOT_FOUND');
    const listOf = async (user: TestUser): Promise<string[]> => ((await t.http.get('/reception-days?month=2026-12').set(bearer(token(user))).expect(200)).body as Day[]).map((d) => d.id).sort();
    expect(await listOf('director')).toEqual([own.id]);
    expect(await listOf('deputy1')).toEqual([]);
    expect((await listOf('auditor')).length).toBe(5);
    const asDeputy1 = await t.http.get(`/reception-days/${planned.id}`).set(bearer(token('auditor'))).expect(200);
    const names = (asDeputy1.body as Day).proposedCases.filter((c) => c.id === repeat.id).map((c) => c.petitionerName);
    expect(names).toEqual(['王**']);
    expect((asDeputy1.body as Day).allowedActions).toEqual([]);
    // The leader's calendar feed carries his or her reception days past planning, never another's or a planned one.
    const feedUids = async (key: string): Promise<string[]> => {
      const issued = await t.http.post(`/leaders/${leader(key)}/feed-token`).set(bearer(token('secretary'))).expect(201);
      const feed = await t.http.get(`/calendar/feeds/${issued.body.token as string}.ics`).expect(200);
      return [...feed.text.matchAll(/^UID:(reception-.+)\r$/gm)].map((m) => m[1]);
    };
    expect(await feedUids('director')).toEqual([`reception-${own.id}@xinfang.renda`]);
    expect(await feedUids('deputy-1')).toEqual([]);
    for (const user of ['auditor', 'director', 'deputy1'] as TestUser[]) {
      const answers = [
        (await t.http.post('/reception-days/plan').set(bearer(token(user))).send({ month: '2026-12' })).status,
        (await t.http.patch(`/reception-days/${own.id}`).set(bearer(token(user))).send({ note: 'x' })).status,
        (await t.http.post(`/reception-days/${planned.id}/confirm`).set(bearer(token(user))).send({})).status,
        (await t.http.post(`/reception-days/${own.id}/cancel`).set(bearer(token(user))).send({})).status,
        (await t.http.post(`/reception-days/${own.id}/held`).set(bearer(token(user))).send({ received: [] })).status,
      ];
      expect(answers).toEqual([403, 403, 403, 403, 403]);
    }
  });

  it('refuses a bad month, a month that is over, an unknown leader and a window too wide', async () => {
    const plan400 = async (body: unknown, code: string): Promise<void> => expectError(await t.http.post('/reception-days/plan').set(bearer(token('secretary'))).send(body as object), 400, code);
    await plan400({ month: '2026-11-01' }, 'VALIDATION_FAILED');
    await plan400({ month: '2026-10' }, 'RECEPTION_MONTH_PAST');
    await plan400({ month: '2027-01', leaderIds: ['00000000-0000-4000-8000-000000000000'] }, 'RECEPTION_LEADER_UNKNOWN');
    expectError(await t.http.get('/reception-days?from=2026-01-01T00:00:00Z&to=2028-01-01T00:00:00Z').set(bearer(token('secretary'))), 400, 'RECEPTION_WINDOW_INVALID');
    expectError(await t.http.get('/reception-days?month=2026-12&from=2026-12-01T00:00:00Z').set(bearer(token('secretary'))), 400, 'RECEPTION_WINDOW_INVALID');
  });

  it('records a reception held after its start: 领导接访 on each case received, in the dashboard’s count', async () => {
    const day = dayOf('deputy-1');
    await t.http.post(`/reception-days/${day.id}/confirm`).set(bearer(token('secretary'))).expect(200);
    const body = { received: [{ caseId: repeat.id, note: '王副主任当面听取诉求，责成茅箭区两周内答复' }, { caseId: inCharge.id }] };
    expectError(await t.http.post(`/reception-days/${day.id}/held`).set(bearer(token('secretary'))).send(body), 409, 'RECEPTION_NOT_STARTED');
    const summary = async (): Promise<{ leaderReceptions: number; leaders: { leaderId: string; receptions: number }[] }> =>
      (await t.http.get('/reports/summary?from=2026-01-01T00:00:00%2B08:00&to=2027-01-01T00:00:00%2B08:00').set(bearer(token('auditor'))).expect(200)).body;
    const before = await summary();
    const wasNow = t.clock.now();
    t.clock.set(plus(day.startAt, 45));
    try {
      expectError(await t.http.post(`/reception-days/${day.id}/held`).set(bearer(token('secretary'))).send({ received: [{ caseId: repeat.id }, { caseId: repeat.id }] }), 400, 'RECEPTION_CASE_DUPLICATE');
      const held = await t.http.post(`/reception-days/${day.id}/held`).set(bearer(token('secretary'))).send(body);
      expect(held.status).toBe(200);
      expect(held.body).toMatchObject({ status: 'held', received: [{ caseId: repeat.id, note: body.received[0].note }, { caseId: inCharge.id, note: null }], allowedActions: [] });
      for (const c of [repeat.id, inCharge.id]) {
        const timeline = (await t.http.get(`/cases/${c}/timeline`).set(bearer(token('secretary'))).expect(200)).body as { action: string; data: { leaderId?: string }; reason: string | null }[];
        const receptions = timeline.filter((e) => e.action === 'leader-reception');
        expect(receptions.map((e) => e.data.leaderId)).toEqual([leader('deputy-1')]);
      }
      const after = await summary();
      expect(after.leaderReceptions - before.leaderReceptions).toBe(2);
      const receptionsOf = (s: typeof before): number => s.leaders.find((l) => l.leaderId === leader('deputy-1'))?.receptions ?? 0;
      expect(receptionsOf(after) - receptionsOf(before)).toBe(2);
      expectError(await t.http.post(`/reception-days/${day.id}/held`).set(bearer(token('secretary'))).send(body), 409, 'RECEPTION_NOT_EDITABLE');
    } finally {
      t.clock.set(wasNow);
    }
  });

  it('plans a month in a chosen reception room: only the half-days it is open, and confirm books it', async () => {
    const rooms = (await t.http.get('/directory/rooms').set(bearer(token('secretary'))).expect(200)).body as { id: string; name: string }[];
    const room = rooms.find((r) => r.name === '信访接待室'); // open 14:30–17:30 only
    expectError(await t.http.post('/reception-days/plan').set(bearer(token('secretary'))).send({ month: '2027-01', roomId: '00000000-0000-4000-8000-000000000000' }), 400, 'RECEPTION_ROOM_UNKNOWN');
    const res = await t.http.post('/reception-days/plan').set(bearer(token('secretary'))).send({ month: '2027-01', roomId: room?.id });
    expect(res.status).toBe(200);
    const january = res.body as Plan;
    expect(january.unplaced).toEqual([]);
    expect(january.days).toHaveLength(5);
    for (const d of january.days) expect([d.localDate.slice(0, 7), d.halfDay, d.room?.name]).toEqual(['2027-01', 'pm', '信访接待室']);
    const confirmed = (await t.http.post(`/reception-days/${january.days[0].id}/confirm`).set(bearer(token('secretary'))).expect(200)).body as Day;
    expect(confirmed.roomBooked).toBe(true);
  });
});
