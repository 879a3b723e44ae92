import { beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { bearer } from './support/factories.js';
import { caseAction, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

type Meeting = {
  id: string;
  type: string;
  title: string;
  startAt: string;
  endAt: string;
  chairId: string;
  status: string;
  sequence: number;
  uid: string;
  agenda: { caseId: string; caseCode: string; leadLeaderId: string | null; presenterUnit: string; minutes: number }[];
  attendees: { kind: string; id: string; name: string; role: string }[];
};

const local = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' });

describe('meetings: plan → adjust → confirm → outcome', () => {
  const t = useTestApp(); // clock: Thursday 2026-11-26 10:00 Asia/Shanghai
  let secretary: string;
  const escalated: string[] = [];
  let jointId = '';
  const cluster: string[] = [];
  let plan: { meetings: Meeting[]; unscheduled: { caseId: string; code: string }[]; warnings: string[]; fairness: { measure: string } };

  const post = (path: string, body: unknown, token = secretary) => t.http.post(path).set(bearer(token)).send(body as object);
  const register = (overrides = {}): Promise<{ id: string; grade: string; meetingType: string | null }> => registerCase(t, secretary, overrides);

  beforeAll(async () => {
    secretary = await t.token('secretary');
    const specs = [
      { headcount: 6, category: 'urban-construction', region: '茅箭区' },
      { headcount: 8, category: 'employment-social', region: '郧阳区' },
      { provincialReferral: true, category: 'litigation', region: '丹江口市' },
      { leaderInstructed: true, category: 'economy', region: '竹溪县' },
    ];
    for (const s of specs) {
      const c = await register(s);
      expect(c).toMatchObject({ grade: 'escalated', meetingType: 'supervision' });
      escalated.push(c.id);
    }
    const joint = await register({ unitsInvolved: ['GOV', 'COURT'], category: 'economy', region: '张湾区', subject: '企业上下游配套纠纷' });
    expect(joint).toMatchObject({ grade: 'joint-consultation', meetingType: 'joint' });
    jointId = joint.id;
    for (let i = 0; i < 5; i++) cluster.push((await register({ category: 'urban-construction', region: '张湾区', subject: `物业管理混乱 ${i + 1}` })).id);
  });

  it('proposes draft meetings on working days within office hours, each key case with exactly one leader in charge', async () => {
    const res = await post('/meetings/plan', { from: '2026-11-30T00:00:00+08:00', to: '2026-12-26T00:00:00+08:00' }).expect(200);
    plan = res.body;
    expect(plan.unscheduled).toEqual([]);
    expect(plan.fairness.measure).toEqual(expect.any(String));
    const placements = new Map<string, number>();
    for (const m of plan.meetings) {
      expect(m.status).toBe('draft');
      const start = local(m.startAt);
      const end = local(m.endAt);
      expect(start.weekday).toBeLessThanOrEqual(5);
      const inMorning = start.toFormat('HH:mm') >= '08:30' && end.toFormat('HH:mm') <= '12:00';
      const inAfternoon = start.toFormat('HH:mm') >= '14:30' && end.toFormat('HH:mm') <= '17:30';
      expect(inMorning || inAfternoon).toBe(true);
      expect(m.agenda.reduce((s, i) => s + i.minutes, 0)).toBeLessThanOrEqual(end.diff(start, 'minutes').minutes);
      expect(m.attendees.find((a) => a.role === 'chair')?.id).toBe(m.chairId);
      for (const item of m.agenda) placements.set(item.caseId, (placements.get(item.caseId) ?? 0) + 1);
    }
    for (const id of escalated) expect(placements.get(id)).toBe(1);
    expect(placements.get(jointId)).toBe(1);
    const supervision = plan.meetings.filter((m) => m.type === 'supervision');
    const leads = supervision.flatMap((m) => m.agenda.map((i) => i.leadLeaderId));
    expect(leads.every((id) => typeof id === 'string')).toBe(true);
    const rankOf = new Map<string, string>(
      (await t.http.get('/leaders').set(bearer(secretary)).expect(200)).body.map((l: { id: string; rank: string }) => [l.id, l.rank]),
    );
    for (const m of supervision) {
      expect(['director', 'deputy-director']).toContain(rankOf.get(m.chairId));
      for (const id of m.agenda.map((i) => i.leadLeaderId)) expect(['director', 'deputy-director']).toContain(rankOf.get(id as string));
    }
    const special = plan.meetings.filter((m) => m.type === 'special');
    expect(special).toHaveLength(1); // the whole cluster (5 open cases, same category and region) in one topic meeting
    expect(special[0].agenda.map((i) => i.caseId).sort()).toEqual([...cluster].sort());
    expect(rankOf.get(special[0].chairId)).toBe('director');
    const joint = plan.meetings.find((m) => m.agenda.some((i) => i.caseId === jointId));
    expect(joint?.attendees.filter((a) => a.kind === 'unit').map((a) => a.id)).toEqual(expect.arrayContaining(['GOV', 'COURT']));
  });

  it('answers the planning board in words: each agenda case with its subject and grade, the chair and the leaders in charge by name', async () => {
    const registered = new Map<string, { subject: string; grade: string; category: string; region: string }>();
    for (const id of [...escalated, jointId, ...cluster]) registered.set(id, (await t.http.get(`/cases/${id}`).set(bearer(secretary)).expect(200)).body);
    for (const m of plan.meetings as (Meeting & { chairName: string | null; agenda: (Meeting['agenda'][number] & Record<string, unknown>)[] })[]) {
      const leaderName = new Map(m.attendees.filter((a) => a.kind === 'leader').map((a) => [a.id, a.name]));
      expect(m.chairName).toBe(leaderName.get(m.chairId));
      for (const item of m.agenda) {
        const c = registered.get(item.caseId);
        expect({ subject: item.subject, grade: item.grade, category: item.category, region: item.region }).toEqual({ subject: c?.subject, grade: c?.grade, category: c?.category, region: c?.region });
        expect(item.leadLeaderName).toBe(item.leadLeaderId ? leaderName.get(item.leadLeaderId) : null);
        if (item.leadLeaderId) expect(item.leadLeaderName).toEqual(expect.any(String));
      }
    }
    expect(plan.meetings.flatMap((m) => m.agenda).some((i) => i.leadLeaderId !== null)).toBe(true);
    // Each unmet soft constraint about a case names the proposed meeting whose agenda holds it.
    for (const u of (plan as unknown as { unmet: { caseId?: string; meetingId: string | null; message: string }[] }).unmet) {
      expect(u.message).toMatch(/[\u4e00-\u9fff]/);
      expect(u.meetingId).toBe(u.caseId ? (plan.meetings.find((m) => m.agenda.some((i) => i.caseId === u.caseId))?.id ?? null) : null);
    }
  });

  it('names every case it could not place, with the reason in words, and ties each unmet constraint to its meeting', async () => {
    // A weekend: no slot for any meeting, so every case of the backlog is left out, each with its reason.
    const res = await post('/meetings/plan', { from: '2026-12-05T00:00:00+08:00', to: '2026-12-07T00:00:00+08:00' }).expect(200);
    const body = res.body as { meetings: Meeting[]; unscheduled: { caseId: string; caseCode: string; subject: string; grade: string; code: string; reason: string }[]; unmet: { caseId?: string; meetingId: string | null; message: string }[] };
    expect(body.unscheduled.length).toBeGreaterThan(0);
    for (const u of body.unscheduled) {
      const c = (await t.http.get(`/cases/${u.caseId}`).set(bearer(secretary)).expect(200)).body as { code: string; subject: string; grade: string };
      expect({ caseCode: u.caseCode, subject: u.subject, grade: u.grade }).toEqual({ caseCode: c.code, subject: c.subject, grade: c.grade });
      expect(u.reason).toMatch(/[\u4e00-\u9fff]/);
      expect(u.code).toMatch(/^[A-Z_]+$/);
    }
    const ids = new Set(body.meetings.map((m) => m.id));
    for (const u of body.unmet) {
      expect(u.message).toMatch(/[\u4e00-\u9fff]/);
      if (u.meetingId !== null) expect(ids.has(u.meetingId)).toBe(true);
      if (u.caseId) expect(body.meetings.find((m) => m.id === u.meetingId)?.agenda.some((i) => i.caseId === u.caseId)).toBe(true);
    }
  });

  it('confirms a meeting atomically: the leaders in charge are assigned to the cases, with timeline events, and can then see them', async () => {
    const meeting = plan.meetings.find((m) => m.type === 'supervision') as Meeting;
    const confirmed = await post(`/meetings/${meeting.id}/confirm`, {}).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', sequence: 0, uid: meeting.uid });
    const item = meeting.agenda[0];
    const c = (await t.http.get(`/cases/${item.caseId}`).set(bearer(secretary)).expect(200)).body;
    expect(c.leadLeaderId).toBe(item.leadLeaderId);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'assign-leader', data: { leaderId: item.leadLeaderId } });
    const again = await post(`/meetings/${meeting.id}/confirm`, {}).expect(409);
    expect(again.body.code).toBe('MEETING_NOT_DRAFT');
  });

  it('re-checks hard constraints on every edit and raises the sequence of a confirmed meeting', async () => {
    const meeting = plan.meetings.find((m) => m.type === 'supervision') as Meeting;
    const saturday = await t.http.patch(`/meetings/${meeting.id}`).set(bearer(secretary)).send({ startAt: '2026-12-05T09:00:00+08:00', endAt: '2026-12-05T11:00:00+08:00' }).expect(400);
    expect(saturday.body.code).toBe('MEETING_CONSTRAINT_VIOLATED');
    expect(saturday.body.details.violations.map((v: { code: string }) => v.code)).toContain('MEETING_NOT_WORKING_DAY');
    const lunch = await t.http.patch(`/meetings/${meeting.id}`).set(bearer(secretary)).send({ startAt: '2026-12-07T11:00:00+08:00', endAt: '2026-12-07T13:00:00+08:00' }).expect(400);
    expect(lunch.body.details.violations.map((v: { code: string }) => v.code)).toContain('MEETING_OUTSIDE_OFFICE_HOURS');
    const tooLong = await t.http
      .patch(`/meetings/${meeting.id}`)
      .set(bearer(secretary))
      .send({ agenda: meeting.agenda.map((i) => ({ caseId: i.caseId, leadLeaderId: i.leadLeaderId, minutes: 200 })) })
      .expect(400);
    expect(tooLong.body.details.violations.map((v: { code: string }) => v.code)).toContain('AGENDA_TOO_LONG');

    const moved = await t.http.patch(`/meetings/${meeting.id}`).set(bearer(secretary)).send({ startAt: '2026-12-21T14:30:00+08:00', endAt: '2026-12-21T16:30:00+08:00', location: '常委会第一会议室' }).expect(200);
    expect(moved.body).toMatchObject({ sequence: 1, location: '常委会第一会议室', startAt: '2026-12-21T06:30:00.000Z' });
    const dropped = await t.http
      .patch(`/meetings/${meeting.id}`)
      .set(bearer(secretary))
      .send({ agenda: meeting.agenda.slice(1).map((i) => ({ caseId: i.caseId, leadLeaderId: i.leadLeaderId, minutes: i.minutes })) })
      .expect(200);
    expect(dropped.body.sequence).toBe(2);
    expect(dropped.body.agenda).toHaveLength(meeting.agenda.length - 1);
  });

  it('never lets one leader be booked twice: overlapping confirmations race and exactly one wins', async () => {
    const director = t.leaders.get('director') as string;
    const body = (i: number) => ({ type: 'supervision', title: `临时督办会 ${i}`, startAt: '2026-12-22T09:00:00+08:00', endAt: '2026-12-22T10:00:00+08:00', chairId: director, agenda: [] });
    const a = (await post('/meetings', body(1)).expect(201)).body;
    const b = (await post('/meetings', body(2)).expect(201)).body;
    const results = await Promise.all([post(`/meetings/${a.id}/confirm`, {}), post(`/meetings/${b.id}/confirm`, {})]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('MEETING_CONFLICT');
    const third = await post('/meetings', body(3)).expect(409);
    expect(third.body.details.violations[0].code).toBe('LEADER_DOUBLE_BOOKED');
    const busyLeader = t.leaders.get('deputy-2') as string;
    await t.http.put(`/leaders/${busyLeader}/busy`).set(bearer(secretary)).send([{ start: '2026-12-23T08:00:00+08:00', end: '2026-12-23T18:00:00+08:00', reason: '赴省人大开会' }]).expect(200);
    const onLeave = await post('/meetings', { ...body(4), chairId: busyLeader, startAt: '2026-12-23T09:00:00+08:00', endAt: '2026-12-23T10:00:00+08:00' }).expect(409);
    expect(onLeave.body.message).toContain('赴省人大开会');
  });

  it('books leaders exactly: 09:00–09:40 and 09:45–10:15 both confirm, a one-minute overlap is refused', async () => {
    const chair = t.leaders.get('deputy-3') as string;
    const meeting = async (start: string, end: string): Promise<Meeting> =>
      (await post('/meetings', { type: 'supervision', startAt: `2026-12-29T${start}:00+08:00`, endAt: `2026-12-29T${end}:00+08:00`, chairId: chair, agenda: [] }).expect(201)).body;
    const first = await meeting('09:00', '09:40');
    const near = await meeting('09:45', '10:15');
    const overlapping = await meeting('10:14', '10:44');
    const touching = await meeting('10:15', '10:45');
    expect((await post(`/meetings/${first.id}/confirm`, {}).expect(200)).body.status).toBe('confirmed');
    expect((await post(`/meetings/${near.id}/confirm`, {}).expect(200)).body.status).toBe('confirmed');
    const refused = await post(`/meetings/${overlapping.id}/confirm`, {}).expect(409);
    expect(refused.body.code).toBe('MEETING_CONFLICT');
    expect((await post(`/meetings/${touching.id}/confirm`, {}).expect(200)).body.status).toBe('confirmed');
    const ids = [first.id, near.id, overlapping.id, touching.id];
    const bookings: { meetingId: string }[] = await t.dataSource.query('SELECT meetingId FROM leader_bookings WHERE leaderId = ? AND meetingId IN (?, ?, ?, ?) ORDER BY startAt', [chair, ...ids]);
    expect(bookings.map((b) => b.meetingId)).toEqual([first.id, near.id, touching.id]);
    // Moving a confirmed meeting re-books it exactly: into the 10:45 gap it fits, one minute earlier it does not.
    const moved = await t.http.patch(`/meetings/${first.id}`).set(bearer(secretary)).send({ startAt: '2026-12-29T10:45:00+08:00', endAt: '2026-12-29T11:25:00+08:00' }).expect(200);
    expect(moved.body.startAt).toBe('2026-12-29T02:45:00.000Z');
    const clash = await t.http.patch(`/meetings/${near.id}`).set(bearer(secretary)).send({ startAt: '2026-12-29T10:44:00+08:00', endAt: '2026-12-29T11:14:00+08:00' }).expect(409);
    expect(clash.body.code).toBe('MEETING_CONFLICT');
  });

  it('feeds an outcome back into the case: a timeline event and the new deadline', async () => {
    const meeting = (await t.http.get('/meetings?status=confirmed&type=supervision').set(bearer(secretary)).expect(200)).body[0] as Meeting;
    const caseId = meeting.agenda[0].caseId;
    const getCase = async () => (await t.http.get(`/cases/${caseId}`).set(bearer(secretary)).expect(200)).body;
    const withDeadline = { caseId, decision: '责成承办单位月底前拿出整改方案', requirements: '书面报告整改进度', dueAt: '2026-12-31T17:30:00+08:00' };

    // Before the meeting starts nothing is recorded (it used to mark a meeting three days ahead as held).
    const early = await post(`/meetings/${meeting.id}/outcomes`, { caseId, decision: '责成承办单位月底前拿出整改方案' }).expect(409);
    expect(early.body.code).toBe('MEETING_NOT_STARTED');
    const today = t.clock.now();
    t.clock.set(new Date(new Date(meeting.startAt).getTime() + 30 * 60_000));

    // The case is only registered: no reply deadline runs, so the meeting's deadline cannot apply. The
    // lifecycle refuses it (it was silently dropped before), saying to accept the case first, and nothing
    // is recorded, on the meeting or the case.
    const registered = await getCase();
    expect(registered.status).toBe('registered');
    const refused = await post(`/meetings/${meeting.id}/outcomes`, withDeadline).expect(409);
    expect(refused.body.code).toBe('CASE_NOT_ACCEPTED');
    expect(refused.body.message).toContain('请先受理');
    const untouched = await getCase();
    expect([untouched.version, untouched.timeline.length, untouched.deadlines.dueAt]).toEqual([registered.version, registered.timeline.length, registered.deadlines.dueAt]);
    expect((await t.http.get(`/meetings/${meeting.id}`).set(bearer(secretary)).expect(200)).body).toMatchObject({ status: 'confirmed', outcomes: [] });

    // A decision without a deadline concerns a case in any status.
    const decided = await post(`/meetings/${meeting.id}/outcomes`, { caseId, decision: '责成承办单位月底前拿出整改方案' }).expect(200);
    expect(decided.body.status).toBe('held');
    const afterDecision = await getCase();
    expect(afterDecision.version).toBe(registered.version + 1);
    expect(afterDecision.timeline.at(-1)).toMatchObject({ action: 'meeting-outcome', fromStatus: 'registered', toStatus: 'registered', data: { dueAt: null } });
    expect(afterDecision.deadlines.dueAt).toBe(registered.deadlines.dueAt);

    // Accepted, the case has a running reply deadline: the meeting's deadline replaces it.
    await caseAction(t, secretary, caseId, { action: 'accept' });
    const accepted = await getCase();
    const res = await post(`/meetings/${meeting.id}/outcomes`, withDeadline).expect(200);
    expect(res.body.status).toBe('held');
    expect(res.body.outcomes[0]).toMatchObject({ caseId, decision: '责成承办单位月底前拿出整改方案' });
    const c = await getCase();
    expect(c.timeline.at(-1)).toMatchObject({ action: 'meeting-outcome', reason: '责成承办单位月底前拿出整改方案', data: { requirements: '书面报告整改进度' } });
    expect(c.timeline.at(-1).data).toMatchObject({ dueAt: '2026-12-31T09:30:00.000Z', previousDueAt: accepted.deadlines.dueAt });
    expect([c.deadlines.dueAt, c.deadlines.replyDueAt, c.version]).toEqual(['2026-12-31T09:30:00.000Z', '2026-12-31T09:30:00.000Z', accepted.version + 1]);
    const notOnAgenda = await post(`/meetings/${meeting.id}/outcomes`, { caseId: jointId, decision: 'x' }).expect(400);
    expect(notOnAgenda.body.code).toBe('CASE_NOT_ON_AGENDA');
    t.clock.set(today);
  });

  it('lets a leader see the meetings he or she attends and their cases, and nothing else', async () => {
    const deputy1 = t.leaders.get('deputy-1') as string;
    const caseOnMeeting = await register({ provincialReferral: true, category: 'agriculture-rural', region: '房县' });
    const elsewhere = await register({ provincialReferral: true, category: 'agriculture-rural', region: '竹山县' });
    const token = await t.token('deputy1');
    await t.http.get(`/cases/${caseOnMeeting.id}`).set(bearer(token)).expect(404);
    const m = (
      await post('/meetings', {
        type: 'supervision',
        startAt: '2026-12-24T14:30:00+08:00',
        endAt: '2026-12-24T15:30:00+08:00',
        chairId: t.leaders.get('director'),
        agenda: [{ caseId: caseOnMeeting.id, leadLeaderId: deputy1, minutes: 20 }],
      }).expect(201)
    ).body as Meeting;
    await t.http.get(`/meetings/${m.id}`).set(bearer(token)).expect(404); // a draft is the secretariat's working paper, even for those invited
    await post(`/meetings/${m.id}/confirm`, {}).expect(200);
    const mine = (await t.http.get('/meetings').set(bearer(token)).expect(200)).body as Meeting[];
    expect(mine.map((x) => x.id)).toContain(m.id);
    expect(mine.every((x) => x.attendees.some((a) => a.id === deputy1))).toBe(true);
    await t.http.get(`/cases/${caseOnMeeting.id}`).set(bearer(token)).expect(200);
    await t.http.get(`/cases/${elsewhere.id}`).set(bearer(token)).expect(404);
    const ledger = (await t.http.get('/cases?pageSize=200').set(bearer(token)).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(ledger).toContain(caseOnMeeting.id);
    expect(ledger).not.toContain(elsewhere.id);
    const notInvited = plan.meetings.find((x) => !x.attendees.some((a) => a.id === deputy1)) as Meeting;
    await t.http.get(`/meetings/${notInvited.id}`).set(bearer(token)).expect(404);
  });

  it('cancels a confirmed meeting with a raised sequence and frees the leaders', async () => {
    const meeting = (await t.http.get('/meetings?status=confirmed').set(bearer(secretary)).expect(200)).body[0] as Meeting;
    const cancelled = await post(`/meetings/${meeting.id}/cancel`, { reason: '主任临时出差' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: meeting.sequence + 1 });
    const again = await t.http.patch(`/meetings/${meeting.id}`).set(bearer(secretary)).send({ location: '别处' }).expect(409);
    expect(again.body.code).toBe('MEETING_NOT_EDITABLE');
    const reuse = await post('/meetings', { type: 'supervision', startAt: meeting.startAt, endAt: meeting.endAt, chairId: meeting.chairId, agenda: [] }).expect(201);
    await post(`/meetings/${reuse.body.id}/confirm`, {}).expect(200);
  });

  it.each([
    [{ from: '2026-12-10T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }, 'PLAN_WINDOW_INVALID'],
    [{ from: '2026-12-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }, 'PLAN_WINDOW_INVALID'],
    [{ from: '2026-12-01T00:00:00+08:00', to: '2027-06-01T00:00:00+08:00' }, 'PLAN_WINDOW_TOO_LONG'],
    [{ from: '2026-01-01T00:00:00+08:00', to: '2026-02-01T00:00:00+08:00' }, 'PLAN_WINDOW_PAST'],
    [{ from: '2026-12-01', to: '2026-12-10' }, 'VALIDATION_FAILED'],
    [{ from: '2026-12-01T00:00:00+08:00', to: '2026-12-10T00:00:00+08:00', types: ['party'] }, 'VALIDATION_FAILED'],
  ])('answers a bad plan window %j with %s', async (body, code) => {
    const res = await post('/meetings/plan', body).expect(400);
    expect(res.body.code).toBe(code);
  });

  it('warns when planning into a year without holiday data, and states the gaps instead of failing', async () => {
    const res = await post('/meetings/plan', { from: '2027-01-04T00:00:00+08:00', to: '2027-02-01T00:00:00+08:00' }).expect(200);
    expect(res.body.warnings.join('')).toContain('2027');
  });
});
