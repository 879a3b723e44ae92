import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { createHmac } from 'node:crypto';
import { bearer } from './support/factories.js';
import { expectError, registerCase } from './support/http-helpers.js';
import { mimePart, SmtpSink } from './support/smtp-sink.js';
import { type TestUser, useTestApp } from './support/test-app.js';

type Attendee = { kind: string; id: string; attendeeId: string; partstat: string; replyVia: string | null; repliedAt: string | null; substitute: { name: string; post: string | null } | null; replyComment: string | null };
type Warning = { code: string; attendeeId: string; caseId: string | null; caseCode: string | null; message: string };
type View = { id: string; startAt: string; endAt: string; agenda: { caseId: string }[]; attendees: Attendee[]; replyWarnings: Warning[] };

const BASE = 'https://xinfang.example.cn';
const WANG = 'wang.jianguo@renda.example.cn';

/** The ATTENDEE lines of an invite, by e-mail: PARTSTAT and RSVP as a calendar client reads them (ical.js). */
function attendeeStates(raw: string): Map<string, { partstat: string; rsvp: string | null }> {
  const part = mimePart(raw, /Content-Type:\s*text\/calendar/i);
  if (!part) throw new Error('no text/calendar part');
  const event = new ICAL.Component(ICAL.parse(part.body)).getFirstSubcomponent('vevent') as ICAL.Component;
  return new Map(
    event.getAllProperties('attendee').map((p) => [
      String(p.getFirstValue()).replace(/^mailto:/i, '').toLowerCase(),
      { partstat: String(p.getParameter('partstat')), rsvp: (p.getParameter('rsvp') as string | undefined) ?? null },
    ]),
  );
}

describe('replies (回执): signed links, the console, PARTSTAT in later invites, warnings', () => {
  const smtp = new SmtpSink();
  let smtpPort = 0;
  beforeAll(async () => {
    smtpPort = await smtp.start();
  });
  afterAll(async () => {
    await smtp.stop();
  });
  const t = useTestApp(() => ({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_BASE_URL: BASE } }));
  let secretary = '';
  let meetingId = '';
  let caseId = '';
  let caseCode = '';
  const leader = (key: string): string => t.leaders.get(key) as string;
  const view = async (token = secretary, id = meetingId): Promise<View> => (await t.http.get(`/meetings/${id}`).set(bearer(token)).expect(200)).body as View;
  const mailTo = (to: string, from = 0): string => smtp.received.slice(from).find((m) => m.to.includes(to))?.raw ?? '';
  const linkIn = (raw: string): string => {
    const text = mimePart(raw, /Content-Type:\s*text\/plain/i)?.body ?? '';
    const m = new RegExp(`${BASE}/console/reply/([A-Za-z0-9_.-]+)`).exec(text);
    if (!m) throw new Error('no reply link in the e-mail');
    return m[1];
  };
  const auditCount = async (action: string): Promise<number> =>
    Number((await t.dataSource.query<{ n: unknown }[]>('SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND entityId = ?', [action, meetingId]))[0].n);

  const createMeeting = async (startAt: string, endAt: string, lead = 'deputy-1', category = 'urban-construction'): Promise<{ id: string; caseId: string; caseCode: string }> => {
    const c = await registerCase<{ id: string; code: string }>(t, secretary, { provincialReferral: true, subject: '老旧小区改造进度缓慢', category: category as 'urban-construction', region: '茅箭区' });
    const res = await t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({ type: 'supervision', startAt, endAt, chairId: leader('director'), agenda: [{ caseId: c.id, leadLeaderId: leader(lead), minutes: 20 }], units: ['UCEC'] })
      .expect(201);
    return { id: res.body.id as string, caseId: c.id, caseCode: c.code };
  };

  beforeAll(async () => {
    secretary = await t.token('secretary');
    await t.relay.drain();
    ({ id: meetingId, caseId, caseCode } = await createMeeting('2026-12-08T09:00:00+08:00', '2026-12-08T11:00:00+08:00'));
    await t.http.post(`/meetings/${meetingId}/confirm`).set(bearer(secretary)).expect(200);
    await t.relay.drain();
  });

  it('gives every invitee his or her own reply link in the invite e-mail; the page shows the meeting and the answer so far, no case details', async () => {
    const wang = linkIn(mailTo(WANG));
    const unit = linkIn(mailTo('chengjianwei@renda.example.cn'));
    expect(wang).not.toBe(unit);
    const page = await t.http.get(`/replies/${wang}`).expect(200);
    expect(page.body).toMatchObject({ attendee: { kind: 'leader' }, partstat: 'NEEDS-ACTION', repliedAt: null, substitute: null, meeting: { type: 'supervision', status: 'confirmed', agendaCount: 1 } });
    expect(page.body.attendee.name).toContain('王建国');
    expect(page.body.expiresAt).toBe('2026-12-09T03:00:00.000Z');
    expect(JSON.stringify(page.body)).not.toContain('老旧小区改造进度缓慢');
    expect(JSON.stringify(page.body)).not.toContain(caseCode);
  });

  it('records an answer by link once (the same answer twice changes nothing), shows it in the console, and the next invite carries PARTSTAT=ACCEPTED without RSVP', async () => {
    const token = linkIn(mailTo(WANG));
    const first = await t.http.post(`/replies/${token}`).send({ answer: 'accept' }).expect(200);
    expect(first.body).toMatchObject({ partstat: 'ACCEPTED', repliedAt: '2026-11-26T02:00:00.000Z' });
    t.clock.advanceMs(60_000);
    const again = await t.http.post(`/replies/${token}`).send({ answer: 'accept' }).expect(200);
    expect(again.body.repliedAt).toBe('2026-11-26T02:00:00.000Z');
    expect(await auditCount('meeting.reply')).toBe(1);
    const wang = (await view()).attendees.find((a) => a.kind === 'leader' && a.id === leader('deputy-1'));
    expect(wang).toMatchObject({ partstat: 'ACCEPTED', replyVia: 'link', repliedAt: '2026-11-26T02:00:00.000Z', substitute: null });

    const before = smtp.received.length;
    await t.http.patch(`/meetings/${meetingId}`).set(bearer(secretary)).send({ location: '常委会第二会议室' }).expect(200);
    await t.relay.drain();
    const states = attendeeStates(mailTo(WANG, before));
    expect(states.get(WANG)).toEqual({ partstat: 'ACCEPTED', rsvp: null });
    expect(states.get('li.minghua@renda.example.cn')).toEqual({ partstat: 'NEEDS-ACTION', rsvp: 'TRUE' });
  });

  it('records the same answer sent six times at once exactly once (compare-and-set on the attendee)', async () => {
    const token = linkIn(mailTo('li.minghua@renda.example.cn'));
    const before = await auditCount('meeting.reply');
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.http.post(`/replies/${token}`).send({ answer: 'accept' })));
    expect(answers.map((r) => [r.status, r.body.partstat])).toEqual(Array(6).fill([200, 'ACCEPTED']));
    expect(await auditCount('meeting.reply')).toBe(before + 1);
  });

  it('lets the secretariat record a unit’s substitute received by phone (派员参加), with the remark for the secretariat only', async () => {
    const unit = (await view()).attendees.find((a) => a.kind === 'unit') as Attendee;
    const body = { answer: 'substitute', substituteName: '陈建伟', substitutePost: '市城建委副主任', comment: '主任出差，由副主任参加' };
    const after = (await t.http.post(`/meetings/${meetingId}/attendees/${unit.attendeeId}/reply`).set(bearer(secretary)).send(body).expect(200)).body as View;
    expect(after.attendees.find((a) => a.attendeeId === unit.attendeeId)).toMatchObject({
      partstat: 'DELEGATED',
      replyVia: 'secretariat',
      substitute: { name: '陈建伟', post: '市城建委副主任' },
      replyComment: '主任出差，由副主任参加',
    });
    expect(after.replyWarnings).toEqual([]);
    const seenByAuditor = (await view(await t.token('auditor'))).attendees.find((a) => a.attendeeId === unit.attendeeId);
    expect(seenByAuditor).toMatchObject({ partstat: 'DELEGATED', replyComment: null });
    expectError(await t.http.post(`/meetings/${meetingId}/attendees/${unit.attendeeId}/reply`).set(bearer(secretary)).send({ answer: 'substitute' }), 400, 'REPLY_SUBSTITUTE_MISSING');
  });

  it('warns the secretariat when a leader in charge declines (audited), hides the warning from others, and offers substitute leaders and new slots', async () => {
    const deputy1 = await t.token('deputy1');
    const declined = (await t.http.post(`/meetings/${meetingId}/reply`).set(bearer(deputy1)).send({ answer: 'decline', comment: '当天另有公务' }).expect(200)).body as View;
    expect(declined.replyWarnings).toEqual([]);
    expect(declined.attendees.find((a) => a.id === leader('deputy-1'))).toMatchObject({ partstat: 'DECLINED', replyVia: 'console', replyComment: null });
    const warnings = (await view()).replyWarnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'LEAD_DECLINED', caseId, caseCode });
    expect(warnings[0].message).toContain(`${caseCode} 的包案领导王建国`);
    expect(await auditCount('meeting.reply-warning')).toBe(1);

    const alt = (await t.http.get(`/meetings/${meetingId}/alternatives?caseId=${caseId}`).set(bearer(secretary)).expect(200)).body as {
      caseId: string;
      decliningLeaderId: string;
      substitutes: { leaderId: string; portfolioMatch: boolean }[];
      slots: { startAt: string; endAt: string }[];
    };
    expect(alt.caseId).toBe(caseId);
    expect(alt.decliningLeaderId).toBe(leader('deputy-1'));
    expect(alt.substitutes.length).toBeGreaterThan(0);
    expect(alt.substitutes.map((s) => s.leaderId)).not.toContain(leader('deputy-1'));
    // Portfolio matches come first.
    const firstNonMatch = alt.substitutes.findIndex((s) => !s.portfolioMatch);
    expect(alt.substitutes.slice(firstNonMatch === -1 ? alt.substitutes.length : firstNonMatch).every((s) => !s.portfolioMatch)).toBe(true);
    expect(alt.slots.length).toBeGreaterThan(0);
    for (const s of alt.slots) {
      expect(new Date(s.endAt).getTime() - new Date(s.startAt).getTime()).toBe(2 * 3_600_000);
      expect(new Date(s.startAt).getTime()).toBeLessThan(new Date('2026-12-10T02:00:00Z').getTime());
      // The same notice as a planned meeting: 24 hours after now (2026-11-26 10:00 +08:00).
      expect(new Date(s.startAt).getTime()).toBeGreaterThanOrEqual(new Date('2026-11-27T02:00:00Z').getTime());
    }
    expectError(await t.http.get(`/meetings/${meetingId}/alternatives`).set(bearer(secretary)), 400, 'REPLY_CASE_NOT_DECLINED');
    expectError(await t.http.get(`/meetings/${meetingId}/alternatives?caseId=00000000-0000-4000-8000-000000000000`).set(bearer(secretary)), 400, 'CASE_NOT_ON_AGENDA');
    expectError(await t.http.get(`/meetings/${meetingId}/alternatives?caseId=nope`).set(bearer(secretary)), 400, 'VALIDATION_FAILED');
  });

  it('asks everyone again when the meeting moves to a new slot: the decline no longer holds, the warning goes, the update asks for a reply', async () => {
    const original = await view();
    const caseId = original.agenda[0].caseId;
    const alt = (await t.http.get(`/meetings/${meetingId}/alternatives?caseId=${caseId}`).set(bearer(secretary)).expect(200)).body as { slots: { startAt: string; endAt: string }[] };
    const before = smtp.received.length;
    const moved = (await t.http.patch(`/meetings/${meetingId}`).set(bearer(secretary)).send({ startAt: alt.slots[0].startAt, endAt: alt.slots[0].endAt }).expect(200)).body as View;
    expect(moved.attendees.map((a) => [a.partstat, a.repliedAt, a.substitute])).toEqual(moved.attendees.map(() => ['NEEDS-ACTION', null, null]));
    expect(moved.replyWarnings).toEqual([]);
    await t.relay.drain();
    expect(attendeeStates(mailTo(WANG, before)).get(WANG)).toEqual({ partstat: 'NEEDS-ACTION', rsvp: 'TRUE' });
    // A change that does not move it (the room's name) keeps the answers given since.
    await t.http.post(`/meetings/${meetingId}/reply`).set(bearer(await t.token('deputy1'))).send({ answer: 'accept' }).expect(200);
    await t.http.patch(`/meetings/${meetingId}`).set(bearer(secretary)).send({ location: '常委会第三会议室' }).expect(200);
    expect((await view()).attendees.find((a) => a.id === leader('deputy-1'))?.partstat).toBe('ACCEPTED');
    // Back to the original time for the tests that follow.
    await t.http.patch(`/meetings/${meetingId}`).set(bearer(secretary)).send({ startAt: original.startAt, endAt: original.endAt }).expect(200);
    await t.relay.drain();
  });

  it('answers a tampered, forged, malformed or expired link with a 4xx code, never a 5xx', async () => {
    const token = linkIn(mailTo('li.minghua@renda.example.cn'));
    const [body, mac] = token.split('.');
    const flipped = `${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BA' : 'AA'}`;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { a: string; m: string; e: number };
    const longer = Buffer.from(JSON.stringify({ ...payload, e: payload.e + 86_400 * 365 })).toString('base64url');
    const forged = `${longer}.${createHmac('sha256', 'guessed-key').update(longer).digest('base64url')}`;
    for (const bad of [flipped, `${longer}.${mac}`, forged, 'x', `${body}`, `${body}.${mac}.extra`, '%E4%B8%AD', 'a'.repeat(2000)]) {
      const get = await t.http.get(`/replies/${bad}`);
      expect([get.status, get.body.code]).toEqual([404, 'REPLY_LINK_INVALID']);
      const post = await t.http.post(`/replies/${bad}`).send({ answer: 'accept' });
      expect([post.status, post.body.code]).toEqual([404, 'REPLY_LINK_INVALID']);
    }
    expectError(await t.http.post(`/replies/${token}`).send({ answer: 'maybe' }), 400, 'VALIDATION_FAILED');
    expectError(await t.http.post(`/replies/${token}`).send({ answer: 'accept', comment: 'x'.repeat(501) }), 400, 'VALIDATION_FAILED');
    expectError(await t.http.post(`/replies/${token}`).send({ answer: 'accept', extra: 1 }), 400, 'VALIDATION_FAILED');
  });

  it('answers a link to a cancelled meeting 410, of a removed attendee 404, and one past the meeting’s end plus a day 410', async () => {
    const other = await createMeeting('2026-12-09T09:00:00+08:00', '2026-12-09T11:00:00+08:00', 'deputy-2', 'employment-social');
    const before = smtp.received.length;
    await t.http.post(`/meetings/${other.id}/confirm`).set(bearer(secretary)).expect(200);
    await t.relay.drain();
    const unitToken = linkIn(mailTo('chengjianwei@renda.example.cn', before));
    const chenToken = linkIn(mailTo('chen.jing@renda.example.cn', before));
    await t.http.patch(`/meetings/${other.id}`).set(bearer(secretary)).send({ units: [] }).expect(200);
    const removed = await t.http.post(`/replies/${unitToken}`).send({ answer: 'accept' });
    expectError(removed, 404, 'REPLY_NOT_INVITED');
    await t.http.post(`/meetings/${other.id}/cancel`).set(bearer(secretary)).send({ reason: '另行安排' }).expect(200);
    expectError(await t.http.get(`/replies/${chenToken}`), 410, 'REPLY_MEETING_CANCELLED');
    expectError(await t.http.post(`/meetings/${other.id}/reply`).set(bearer(await t.token('deputy2'))).send({ answer: 'accept' }), 410, 'REPLY_MEETING_CANCELLED');

    const wangToken = linkIn(mailTo(WANG));
    t.clock.set(new Date('2026-12-09T03:00:01Z'));
    expectError(await t.http.get(`/replies/${wangToken}`), 410, 'REPLY_LINK_EXPIRED');
  });
});

/** Object-level access of every reply route, role by role (a leader not attending answers like a missing meeting). */
describe('replies: access by role', () => {
  const t = useTestApp();
  const WHO: [TestUser, 'leaderIn' | 'leaderOut' | 'staff'][] = [
    ['admin', 'staff'],
    ['secretary', 'staff'],
    ['auditor', 'staff'],
    ['deputy1', 'leaderIn'],
    ['deputy2', 'leaderOut'],
  ];
  let meetingId = '';
  let draftId = '';
  let attendeeId = '';
  let caseId = '';

  beforeAll(async () => {
    const secretary = await t.token('secretary');
    const make = async (startAt: string, endAt: string): Promise<{ id: string; caseId: string }> => {
      const c = await registerCase<{ id: string }>(t, secretary, { provincialReferral: true });
      const res = await t.http
        .post('/meetings')
        .set(bearer(secretary))
        .send({ type: 'supervision', startAt, endAt, chairId: t.leaders.get('director'), agenda: [{ caseId: c.id, leadLeaderId: t.leaders.get('deputy-1'), minutes: 20 }] })
        .expect(201);
      return { id: res.body.id as string, caseId: c.id };
    };
    ({ id: meetingId, caseId } = await make('2026-12-08T09:00:00+08:00', '2026-12-08T10:00:00+08:00'));
    ({ id: draftId } = await make('2026-12-08T14:30:00+08:00', '2026-12-08T15:30:00+08:00'));
    await t.http.post(`/meetings/${meetingId}/confirm`).set(bearer(secretary)).expect(200);
    const view = (await t.http.get(`/meetings/${meetingId}`).set(bearer(secretary)).expect(200)).body as View;
    attendeeId = (view.attendees.find((a) => a.id === t.leaders.get('deputy-1')) as Attendee).attendeeId;
  });

  const EXPECTED: Record<string, Record<'admin' | 'secretary' | 'auditor' | 'deputy1' | 'deputy2', number>> = {
    'POST /meetings/:id/reply': { admin: 403, secretary: 403, auditor: 403, deputy1: 200, deputy2: 404 },
    'POST /meetings/:draft/reply': { admin: 403, secretary: 403, auditor: 403, deputy1: 404, deputy2: 404 },
    'POST /meetings/:id/attendees/:attendeeId/reply': { admin: 200, secretary: 200, auditor: 403, deputy1: 403, deputy2: 403 },
    'GET /meetings/:id/alternatives': { admin: 200, secretary: 200, auditor: 403, deputy1: 403, deputy2: 403 },
  };

  it.each(Object.keys(EXPECTED).flatMap((route) => WHO.map(([user]) => [route, user] as const)))('%s as %s', async (route, user) => {
    const token = await t.token(user);
    const path = route
      .replace(/^(GET|POST) /, '')
      .replace(':draft', draftId)
      .replace(':id', meetingId)
      .replace(':attendeeId', attendeeId);
    // The leader in charge declines first, so that alternatives have something to offer.
    const body = route.includes('alternatives') ? undefined : { answer: 'decline' };
    const res = route.startsWith('GET') ? await t.http.get(`${path}?caseId=${caseId}`).set(bearer(token)) : await t.http.post(path).set(bearer(token)).send(body);
    const expected = EXPECTED[route][user as keyof (typeof EXPECTED)[string]];
    expect(res.status).toBe(expected);
    if (expected === 404) expect(res.body.code).toBe('MEETING_NOT_FOUND');
    if (expected === 403) expect(res.body.code).toBe('FORBIDDEN');
  });

  it('answers a reply to a draft by the secretariat 409 REPLY_NOT_OPEN and an unknown attendee 404 ATTENDEE_NOT_FOUND', async () => {
    const secretary = await t.token('secretary');
    const draft = (await t.http.get(`/meetings/${draftId}`).set(bearer(secretary)).expect(200)).body as View;
    expectError(await t.http.post(`/meetings/${draftId}/attendees/${draft.attendees[0].attendeeId}/reply`).set(bearer(secretary)).send({ answer: 'accept' }), 409, 'REPLY_NOT_OPEN');
    expectError(await t.http.post(`/meetings/${meetingId}/attendees/00000000-0000-4000-8000-000000000000/reply`).set(bearer(secretary)).send({ answer: 'accept' }), 404, 'ATTENDEE_NOT_FOUND');
    expectError(await t.http.post(`/meetings/${meetingId}/attendees/not-a-uuid/reply`).set(bearer(secretary)).send({ answer: 'accept' }), 400, 'INVALID_ID');
  });
});
