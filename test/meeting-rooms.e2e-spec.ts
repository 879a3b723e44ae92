import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/factories.js';
import { registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

type Room = { id: string; name: string; capacity: number; availableHours: [string, string][] | null; active: boolean };
type Meeting = {
  id: string;
  type: string;
  title: string;
  startAt: string;
  endAt: string;
  location: string;
  status: string;
  room: { id: string; name: string; capacity: number; equipment: string[] } | null;
  handEdited: boolean;
  warnings?: { constraint: string; message: string }[];
  attendees: { kind: string; id: string }[];
  agenda: { caseId: string }[];
};

/** Rooms as planned resources: the checks, the database guarantee at confirmation, and the 3 December scenario of issue 14. */
describe('meeting rooms', () => {
  const t = useTestApp(); // clock: Thursday 2026-11-26 10:00 Asia/Shanghai
  let secretary = '';
  let admin = '';
  let third: Room; // 常委会第三会议室, 40 seats
  let reception: Room; // 信访接待室, 12 seats, afternoons only (mornings are for walk-in visitors)
  let directors: Room; // 主任会议室, 16 seats, office hours
  const post = (path: string, body: unknown, token = secretary) => t.http.post(path).set(bearer(token)).send(body as object);
  const patch = (path: string, body: unknown, token = secretary) => t.http.patch(path).set(bearer(token)).send(body as object);
  const at = (day: string, hhmm: string): string => `2026-12-${day}T${hhmm}:00+08:00`;
  const meeting = async (body: Record<string, unknown>): Promise<Meeting> => (await post('/meetings', { type: 'supervision', agenda: [], ...body }).expect(201)).body;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    admin = await t.token('admin');
    const rooms: Room[] = (await t.http.get('/rooms').set(bearer(secretary)).expect(200)).body;
    third = rooms.find((r) => r.name === '常委会第三会议室') as Room;
    reception = rooms.find((r) => r.name === '信访接待室') as Room;
    directors = rooms.find((r) => r.name === '主任会议室') as Room;
    expect([third.capacity, directors.capacity, reception.capacity]).toEqual([40, 16, 12]);
    expect(reception.availableHours).toEqual([['14:30', '17:30']]);
  });

  it('refuses the 3 December scenario: a joint and a supervision meeting in one room at once; GOV invited to both is a warning, not an error', async () => {
    const director = t.leaders.get('director') as string;
    const deputy = t.leaders.get('deputy-1') as string;
    const span = { startAt: at('03', '08:30'), endAt: at('03', '10:30') };
    const supervision = await meeting({ ...span, chairId: director, roomId: third.id, units: ['GOV'] });
    const joint = await meeting({ ...span, type: 'joint', chairId: deputy, roomId: third.id, units: ['GOV', 'COURT'] });
    // A meeting in a room is held there: the location follows the room; made by hand, and titled by when.
    expect(supervision).toMatchObject({ location: '常委会第三会议室（机关办公楼三楼）', handEdited: true, title: '督办会（12月3日上午）' });
    expect(supervision.room).toEqual({ id: third.id, name: '常委会第三会议室', capacity: 40, equipment: ['投影仪', '扩音设备', '视频会议终端'] });

    const first = await post(`/meetings/${supervision.id}/confirm`, {}).expect(200);
    expect(first.body).toMatchObject({ status: 'confirmed', warnings: [] });
    const refused = await post(`/meetings/${joint.id}/confirm`, {}).expect(409);
    expect(refused.body.code).toBe('ROOM_DOUBLE_BOOKED');
    expect(refused.body.details.violations.map((v: { code: string }) => v.code)).toEqual(['ROOM_DOUBLE_BOOKED']);
    expect(refused.body.message).toContain('常委会第三会议室');
    expect(refused.body.message).toContain('督办会（12月3日上午）');

    // Moved to another room it may stand; GOV is then expected at two meetings at once: said in words, not refused.
    const closed = await patch(`/meetings/${joint.id}`, { roomId: reception.id }).expect(400);
    expect(closed.body.details.violations.map((v: { code: string }) => v.code)).toEqual(['ROOM_OUTSIDE_HOURS']);
    expect(closed.body.message).toContain('14:30–17:30');
    const moved = await patch(`/meetings/${joint.id}`, { roomId: directors.id }).expect(200);
    expect(moved.body).toMatchObject({ location: '主任会议室（机关办公楼四楼）', room: { id: directors.id } });
    expect(moved.body.warnings).toEqual([{ constraint: 'unit-overlap', message: expect.stringContaining('“督办会（12月3日上午）”（12月3日 08:30–10:30）') }]);
    const govName: string = (await t.http.get('/units').set(bearer(secretary)).expect(200)).body.find((u: { code: string }) => u.code === 'GOV').name;
    expect(moved.body.warnings[0].message.startsWith(govName)).toBe(true);
    const confirmed = await post(`/meetings/${joint.id}/confirm`, {}).expect(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.warnings).toHaveLength(1);
    const booked: { roomId: string; meetingId: string }[] = await t.dataSource.query('SELECT roomId, meetingId FROM room_bookings WHERE meetingId IN (?, ?) ORDER BY roomId', [supervision.id, joint.id]);
    expect(booked).toEqual([{ roomId: third.id, meetingId: supervision.id }, { roomId: directors.id, meetingId: joint.id }].sort((a, b) => (a.roomId < b.roomId ? -1 : 1)));

    // A later plan never proposes a meeting in a room already taken at that time.
    const plan = (await post('/meetings/plan', { from: at('03', '00:00'), to: at('04', '00:00') }).expect(200)).body as { meetings: Meeting[] };
    for (const m of plan.meetings) {
      if (m.room?.id !== third.id && m.room?.id !== directors.id) continue;
      expect(Date.parse(m.startAt) >= Date.parse(span.endAt) || Date.parse(m.endAt) <= Date.parse(span.startAt)).toBe(true);
    }
  });

  it('lets exactly one of five concurrent confirmations of overlapping meetings in one room succeed (the database guarantee)', async () => {
    const chairs = ['director', 'deputy-1', 'deputy-2', 'deputy-3', 'deputy-4'].map((k) => t.leaders.get(k) as string);
    const drafts: Meeting[] = [];
    for (const [i, chairId] of chairs.entries()) drafts.push(await meeting({ startAt: at('08', `15:0${i}`), endAt: at('08', `16:0${i}`), chairId, roomId: reception.id }));
    const results = await Promise.all(drafts.map((d) => post(`/meetings/${d.id}/confirm`, {})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.code).toBe('ROOM_DOUBLE_BOOKED');
      expect(r.body.message).toContain('信访接待室');
    }
    const rows: { meetingId: string }[] = await t.dataSource.query(`SELECT meetingId FROM room_bookings WHERE meetingId IN (${drafts.map(() => '?').join(', ')})`, drafts.map((d) => d.id));
    expect(rows).toHaveLength(1);
    // Cancelling frees the room: another of them may then be confirmed.
    const winner = drafts[results.findIndex((r) => r.status === 200)];
    await post(`/meetings/${winner.id}/cancel`, { reason: '改期' }).expect(200);
    const next = drafts.find((d) => d.id !== winner.id) as Meeting;
    expect((await post(`/meetings/${next.id}/confirm`, {}).expect(200)).body.status).toBe('confirmed');
  });

  it('refuses a room too small, closed at that time, inactive or unknown; a confirmed meeting moved into a taken room is refused too', async () => {
    const chairId = t.leaders.get('deputy-2') as string;
    const small: Room = (await post('/rooms', { name: '小会议室', capacity: 2, availableHours: [['14:30', '17:30']] }, admin).expect(201)).body;
    expect(small.availableHours).toEqual([['14:30', '17:30']]);
    const body = { chairId, roomId: small.id, units: ['GOV', 'COURT'] };
    const tooSmall = await post('/meetings', { type: 'supervision', agenda: [], ...body, startAt: at('09', '14:30'), endAt: at('09', '15:30') }).expect(400);
    expect(tooSmall.body.details.violations.map((v: { code: string }) => v.code)).toEqual(['ROOM_TOO_SMALL']);
    expect(tooSmall.body.message).toContain('小会议室');
    const closed = await post('/meetings', { type: 'supervision', agenda: [], chairId, roomId: small.id, startAt: at('09', '09:00'), endAt: at('09', '10:00') }).expect(400);
    expect(closed.body.details.violations.map((v: { code: string }) => v.code)).toEqual(['ROOM_OUTSIDE_HOURS']);
    await patch(`/rooms/${small.id}`, { active: false }, admin).expect(200);
    const inactive = await post('/meetings', { type: 'supervision', agenda: [], chairId, roomId: small.id, startAt: at('09', '14:30'), endAt: at('09', '15:00') }).expect(400);
    expect(inactive.body.details.violations.map((v: { code: string }) => v.code)).toEqual(['ROOM_INACTIVE']);
    const unknown = await post('/meetings', { type: 'supervision', agenda: [], chairId, roomId: '00000000-0000-4000-8000-000000000000', startAt: at('09', '14:30'), endAt: at('09', '15:00') }).expect(404);
    expect(unknown.body.code).toBe('ROOM_NOT_FOUND');
    const badHours = await post('/rooms', { name: '坏时段', capacity: 5, availableHours: [['12:00', '09:00']] }, admin).expect(400);
    expect(badHours.body.message).toContain('availableHours');

    const a = await meeting({ chairId, roomId: third.id, startAt: at('10', '09:00'), endAt: at('10', '10:00') });
    const b = await meeting({ chairId: t.leaders.get('deputy-3'), roomId: directors.id, startAt: at('10', '09:00'), endAt: at('10', '10:00') });
    await post(`/meetings/${a.id}/confirm`, {}).expect(200);
    await post(`/meetings/${b.id}/confirm`, {}).expect(200);
    const into = await patch(`/meetings/${b.id}`, { roomId: third.id }).expect(409);
    expect(into.body.code).toBe('ROOM_DOUBLE_BOOKED');
    // A location alone moves the meeting out of its room (and frees it).
    const out = await patch(`/meetings/${b.id}`, { location: '市政府第一会议室' }).expect(200);
    expect(out.body).toMatchObject({ room: null, location: '市政府第一会议室', sequence: 1 });
    expect(await t.dataSource.query('SELECT roomId FROM room_bookings WHERE meetingId = ?', [b.id])).toEqual([]);
  });
});

/** Re-planning replaces only what it was asked to, keeps hand-edited drafts, and titles every meeting uniquely by when. */
describe('plans never lose work', () => {
  const t = useTestApp();
  let secretary = '';
  const post = (path: string, body: unknown) => t.http.post(path).set(bearer(secretary)).send(body as object);
  const window = { from: '2026-11-30T00:00:00+08:00', to: '2026-12-12T00:00:00+08:00' };
  type Plan = { meetings: Meeting[]; replaced: { id: string; type: string }[]; keptEdited: { id: string; type: string }[] };

  beforeAll(async () => {
    secretary = await t.token('secretary');
    const specs: Parameters<typeof registerCase>[2][] = [
      { headcount: 6, category: 'urban-construction', region: '茅箭区' },
      { headcount: 8, category: 'employment-social', region: '郧阳区' },
      { provincialReferral: true, category: 'litigation', region: '丹江口市' },
    ];
    for (const s of specs) {
      expect((await registerCase<{ meetingType: string }>(t, secretary, s)).meetingType).toBe('supervision');
    }
    expect((await registerCase<{ meetingType: string }>(t, secretary, { unitsInvolved: ['GOV', 'COURT'], category: 'economy', region: '张湾区', subject: '企业上下游配套纠纷' })).meetingType).toBe('joint');
  });

  it('re-plans one type without touching the other types’ drafts or a hand-edited draft, says what it replaced and kept, and replaceEdited replaces them', async () => {
    const first = (await post('/meetings/plan', window).expect(200)).body as Plan;
    expect(first.replaced).toEqual([]);
    const supervision = first.meetings.filter((m) => m.type === 'supervision');
    const joint = first.meetings.filter((m) => m.type === 'joint');
    expect([supervision.length > 0, joint.length > 0]).toEqual([true, true]);
    // Every planned meeting has a room that seats everyone; titles say when and are unique.
    for (const m of first.meetings) {
      expect(m.room).not.toBeNull();
      expect(m.attendees.length).toBeLessThanOrEqual(m.room?.capacity ?? 0);
      expect(m.location.startsWith(m.room?.name ?? '?')).toBe(true);
      expect(m.title).toMatch(/（\d+月\d+日[上下]午(·第\d+场)?）$/);
      expect(m.handEdited).toBe(false);
    }
    expect(new Set(first.meetings.map((m) => m.title)).size).toBe(first.meetings.length);
    // The 3 December plan: never two planned meetings in one room at once.
    for (const [i, a] of first.meetings.entries()) {
      for (const b of first.meetings.slice(i + 1)) {
        const overlap = Date.parse(a.startAt) < Date.parse(b.endAt) && Date.parse(b.startAt) < Date.parse(a.endAt);
        if (overlap) expect([a.title, a.room?.id]).not.toEqual([a.title, b.room?.id]);
      }
    }

    const edited = supervision[0];
    const patched = await t.http.patch(`/meetings/${edited.id}`).set(bearer(secretary)).send({ title: '督办会（手工调整）' }).expect(200);
    expect(patched.body.handEdited).toBe(true);

    const second = (await post('/meetings/plan', { ...window, types: ['supervision'] }).expect(200)).body as Plan;
    expect(second.replaced.map((d) => d.id).sort()).toEqual(supervision.slice(1).map((m) => m.id).sort());
    expect(second.keptEdited.map((d) => [d.id, d.type])).toEqual([[edited.id, 'supervision']]);
    for (const m of joint) expect((await t.http.get(`/meetings/${m.id}`).set(bearer(secretary)).expect(200)).body.status).toBe('draft');
    expect((await t.http.get(`/meetings/${edited.id}`).set(bearer(secretary)).expect(200)).body.title).toBe('督办会（手工调整）');
    for (const m of supervision.slice(1)) await t.http.get(`/meetings/${m.id}`).set(bearer(secretary)).expect(404);
    // The kept draft keeps its cases, leaders' and room's time: the new drafts neither repeat nor clash with it.
    const keptCases = new Set(edited.agenda.map((i) => i.caseId));
    const keptLeaders = new Set(edited.attendees.filter((a) => a.kind === 'leader').map((a) => a.id));
    for (const m of second.meetings) {
      expect(m.agenda.some((i) => keptCases.has(i.caseId))).toBe(false);
      const overlaps = Date.parse(m.startAt) < Date.parse(edited.endAt) && Date.parse(edited.startAt) < Date.parse(m.endAt);
      if (!overlaps) continue;
      expect(m.room?.id).not.toBe(edited.room?.id);
      expect(m.attendees.some((a) => a.kind === 'leader' && keptLeaders.has(a.id))).toBe(false);
    }
    const all = (await t.http.get('/meetings').set(bearer(secretary)).expect(200)).body as Meeting[];
    const live = all.filter((m) => m.status !== 'cancelled').map((m) => m.title);
    expect(new Set(live).size).toBe(live.length);

    const third = (await post('/meetings/plan', { ...window, types: ['supervision'], replaceEdited: true }).expect(200)).body as Plan;
    expect(third.replaced.map((d) => d.id)).toContain(edited.id);
    expect(third.keptEdited).toEqual([]);
    await t.http.get(`/meetings/${edited.id}`).set(bearer(secretary)).expect(404);
    for (const m of joint) await t.http.get(`/meetings/${m.id}`).set(bearer(secretary)).expect(200);
  });

  it('never replaces a draft made by hand, and gives one made without a title the same scheme', async () => {
    const chairId = t.leaders.get('deputy-4') as string;
    const body = { type: 'supervision', startAt: '2026-12-11T14:30:00+08:00', endAt: '2026-12-11T15:30:00+08:00', chairId, agenda: [] };
    const made = (await post('/meetings', body).expect(201)).body as Meeting;
    const again = (await post('/meetings', { ...body, startAt: '2026-12-11T16:00:00+08:00', endAt: '2026-12-11T17:00:00+08:00' }).expect(201)).body as Meeting;
    expect([made.title, again.title]).toEqual(['督办会（12月11日下午）', '督办会（12月11日下午·第2场）']);
    const plan = (await post('/meetings/plan', { ...window, types: ['supervision'], replaceEdited: true }).expect(200)).body as Plan;
    expect(plan.replaced.map((d) => d.id)).not.toContain(made.id);
    await t.http.get(`/meetings/${made.id}`).set(bearer(secretary)).expect(200);
  });
});
