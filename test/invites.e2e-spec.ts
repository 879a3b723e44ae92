import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { PII_PATTERNS } from '../src/common/pii/masking.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { mimePart, SmtpSink } from './support/smtp-sink.js';
import { useTestApp } from './support/test-app.js';

type Delivery = { attendee: { kind: string; id: string; name: string }; email: string | null; sequence: number; method: string; status: string; attempts: number; lastError: string | null };

const calendarOf = (raw: string): ICAL.Component => {
  const part = mimePart(raw, /Content-Type:\s*text\/calendar/i);
  if (!part) throw new Error('no text/calendar part');
  return new ICAL.Component(ICAL.parse(part.body));
};

describe('invites: e-mail through the outbox, .ics files, feeds', () => {
  const smtp = new SmtpSink();
  let smtpPort = 0;
  beforeAll(async () => {
    smtpPort = await smtp.start();
  });
  const BASE = 'https://xinfang.example.cn';
  const t = useTestApp(() => ({ env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_BASE_URL: BASE } }));
  let secretary: string;
  let meetingId = '';
  const director = (): string => t.leaders.get('director') as string;
  const deputy1 = (): string => t.leaders.get('deputy-1') as string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    await t.relay.drain();
    // A case whose petitioner has an ID number and a phone: neither may appear in any invite, mail or log.
    const c = await t.http
      .post('/cases')
      .set(bearer(secretary))
      .send(caseBody({ headcount: 6, subject: '老旧小区改造进度缓慢', petitioner: { name: '张建华', idNumber: idNumber('42030219800101123'), phone: '13812345678', address: '茅箭区某小区 3 栋' } }))
      .expect(201);
    const deputies = (await t.http.get('/deputies').set(bearer(secretary)).expect(200)).body as { id: string; profession: string }[];
    const created = await t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({
        type: 'supervision',
        title: '老旧小区改造督办会',
        startAt: '2026-12-08T09:00:00+08:00',
        endAt: '2026-12-08T11:00:00+08:00',
        chairId: director(),
        agenda: [{ caseId: c.body.id, leadLeaderId: deputy1(), minutes: 20 }],
        units: ['UCEC'],
        deputies: [deputies[0].id],
      })
      .expect(201);
    meetingId = created.body.id;
    await t.dataSource.query("UPDATE deputies SET email = NULL WHERE id = ?", [deputies[0].id]);
    await t.dataSource.query("UPDATE meeting_attendees SET email = NULL WHERE kind = 'deputy'");
  });
  afterAll(async () => {
    await smtp.stop();
  });

  const deliveries = async (): Promise<Delivery[]> => (await t.http.get(`/meetings/${meetingId}/deliveries`).set(bearer(secretary)).expect(200)).body;

  it('on confirm sends each attendee one RFC 6047 invite (text/calendar; method=REQUEST + .ics attachment), retrying an SMTP failure without sending twice', async () => {
    smtp.failNext(1); // the first message is refused: that delivery fails and its job retries
    await t.http.post(`/meetings/${meetingId}/confirm`).set(bearer(secretary)).expect(200);
    await t.relay.drain();
    let state = await deliveries();
    expect(state.filter((d) => d.status === 'failed')).toHaveLength(1);
    expect(state.find((d) => d.status === 'failed')?.lastError).toMatch(/451/);
    expect(state.find((d) => d.attendee.kind === 'deputy')).toMatchObject({ status: 'no-email', email: null });

    t.clock.advanceMs(6_000); // past the first backoff
    await t.relay.drain();
    state = await deliveries();
    const withEmail = state.filter((d) => d.email);
    expect(withEmail.map((d) => [d.email, d.status, d.lastError, d.sequence])).toEqual(withEmail.map((d) => [d.email, 'sent', null, 0]));
    expect(withEmail.map((d) => d.attempts).sort()).toEqual([1, 1, 1, 2]); // the refused one was tried twice
    expect(withEmail.map((d) => d.email).sort()).toEqual(['chengjianwei@renda.example.cn', 'li.minghua@renda.example.cn', 'wang.jianguo@renda.example.cn', 'xinfang@gov.example.cn'].sort());

    const perRecipient = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    expect(perRecipient.size).toBe(4);

    const mail = smtp.received.find((m) => m.to.includes('wang.jianguo@renda.example.cn'))?.raw ?? '';
    expect(mail).toMatch(/Content-Type: multipart\/mixed/);
    expect(mail).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(mail).toMatch(/Content-Type: application\/ics; name=invite\.ics/);
    const cal = calendarOf(mail);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = cal.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(event.getFirstPropertyValue('uid'))).toBe(`meeting-${meetingId}@xinfang.renda`);
    const description = String(event.getFirstPropertyValue('description'));
    expect(description).toContain('您包案的事项');
    expect(description).toContain('张*');
    const unitMail = calendarOf(smtp.received.find((m) => m.to.includes('xinfang@gov.example.cn'))?.raw ?? '');
    expect(String((unitMail.getFirstSubcomponent('vevent') as ICAL.Component).getFirstPropertyValue('description'))).not.toContain('您包案的事项');
  });

  it('links the invite (URL:) and a leader’s e-mail to the meeting’s page in the console, not to the JSON API', () => {
    const page = `${BASE}/console/meetings/${meetingId}`;
    const raw = (to: string): string => smtp.received.find((m) => m.to.includes(to))?.raw ?? '';
    for (const to of ['wang.jianguo@renda.example.cn', 'xinfang@gov.example.cn']) {
      const event = calendarOf(raw(to)).getFirstSubcomponent('vevent') as ICAL.Component;
      expect(event.getFirstPropertyValue('url')).toBe(page);
    }
    const leaderText = mimePart(raw('wang.jianguo@renda.example.cn'), /Content-Type:\s*text\/plain/i)?.body ?? '';
    expect(leaderText).toContain(`会议页面（控制台）：${page}`);
    expect(leaderText).not.toContain(`${BASE}/meetings/`);
    // An outside unit has no console account: its e-mail carries the description without the link.
    expect(mimePart(raw('xinfang@gov.example.cn'), /Content-Type:\s*text\/plain/i)?.body ?? '').not.toContain('会议页面');
  });

  it('updates in place on a reschedule (same UID, higher SEQUENCE) and sends a removed attendee a CANCEL', async () => {
    const before = smtp.received.length;
    await t.http.patch(`/meetings/${meetingId}`).set(bearer(secretary)).send({ startAt: '2026-12-09T14:30:00+08:00', endAt: '2026-12-09T16:30:00+08:00', units: [] }).expect(200);
    await t.relay.drain();
    const fresh = smtp.received.slice(before);
    const cancelToUcec = fresh.filter((m) => m.to.includes('chengjianwei@renda.example.cn'));
    expect(cancelToUcec).toHaveLength(1);
    expect(cancelToUcec[0].raw).toMatch(/method=CANCEL/i);
    expect(calendarOf(cancelToUcec[0].raw).getFirstPropertyValue('method')).toBe('CANCEL');
    const update = calendarOf(fresh.find((m) => m.to.includes('li.minghua@renda.example.cn'))?.raw ?? '');
    const event = update.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.toJSDate().toISOString()).toBe('2026-12-09T06:30:00.000Z');
    expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
  });

  it('serves each attendee’s .ics and the leader’s brief; a malformed or unknown attendee gets a clear error', async () => {
    const res = await t.http.get(`/meetings/${meetingId}/invite.ics?attendeeId=${deputy1()}`).set(bearer(secretary)).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.text;
    for (const line of text.split('\r\n').filter(Boolean)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[^\r]\n/);
    const brief = await t.http.get(`/meetings/${meetingId}/brief?attendeeId=${deputy1()}`).set(bearer(secretary)).expect(200);
    expect(JSON.stringify(brief.body)).toContain('老旧小区改造进度缓慢');
    expect((await t.http.get(`/meetings/${meetingId}/invite.ics?attendeeId=bad id!`).set(bearer(secretary)).expect(400)).body.code).toBe('INVALID_ATTENDEE_ID');
    expect((await t.http.get(`/meetings/${meetingId}/invite.ics?attendeeId=COURT`).set(bearer(secretary)).expect(404)).body.code).toBe('ATTENDEE_NOT_FOUND');
    const wang = await t.token('deputy1');
    await t.http.get(`/meetings/${meetingId}/invite.ics`).set(bearer(wang)).expect(200);
    await t.http.get(`/meetings/${meetingId}/invite.ics?attendeeId=${director()}`).set(bearer(wang)).expect(403);
  });

  it('gives each leader a revocable subscription feed; unknown and revoked tokens look alike', async () => {
    const issued = await t.http.post(`/leaders/${deputy1()}/feed-token`).set(bearer(secretary)).expect(201);
    expect(issued.body.url).toBe(`${BASE}/calendar/feeds/${issued.body.token}.ics`);
    expect(issued.body.webcalUrl).toBe(`webcal://xinfang.example.cn/calendar/feeds/${issued.body.token}.ics`);
    const feed = await t.http.get(`/calendar/feeds/${issued.body.token}.ics`).expect(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(feed.text));
    const events = cal.getAllSubcomponents('vevent');
    expect(events.map((e) => String(e.getFirstPropertyValue('uid')))).toEqual([`meeting-${meetingId}@xinfang.renda`]);
    expect(events[0].getFirstPropertyValue('sequence')).toBe(1);

    const renewed = await t.http.post(`/leaders/${deputy1()}/feed-token`).set(bearer(await t.token('deputy1'))).expect(201);
    const revoked = await t.http.get(`/calendar/feeds/${issued.body.token}.ics`).expect(404);
    const unknown = await t.http.get(`/calendar/feeds/${'x'.repeat(43)}.ics`).expect(404);
    expect(revoked.body).toMatchObject({ code: 'FEED_NOT_FOUND', message: unknown.body.message });
    await t.http.get(`/calendar/feeds/${renewed.body.token}.ics`).expect(200);
    // A leader issues his or her own link only: another leader's answers 403 and leaves that leader's link working.
    const directorsLink = await t.http.post(`/leaders/${director()}/feed-token`).set(bearer(secretary)).expect(201);
    const refused = await t.http.post(`/leaders/${director()}/feed-token`).set(bearer(await t.token('deputy1'))).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(refused.body).not.toHaveProperty('token');
    await t.http.get(`/calendar/feeds/${directorsLink.body.token}.ics`).expect(200);
    await t.http.post(`/leaders/${director()}/feed-token`).set(bearer(await t.token('director'))).expect(201);
    await t.http.get(`/calendar/feeds/${directorsLink.body.token}.ics`).expect(404);
    await t.http.post(`/leaders/${deputy1()}/feed-token`).set(bearer(await t.token('auditor'))).expect(403);
  });

  it('cancels with METHOD:CANCEL and a raised SEQUENCE to everyone still invited', async () => {
    const before = smtp.received.length;
    await t.http.post(`/meetings/${meetingId}/cancel`).set(bearer(secretary)).send({ reason: '主任临时出差，另行安排' }).expect(200);
    await t.relay.drain();
    const fresh = smtp.received.slice(before);
    expect(fresh.map((m) => m.to[0]).sort()).toEqual(['li.minghua@renda.example.cn', 'wang.jianguo@renda.example.cn', 'xinfang@gov.example.cn']);
    for (const m of fresh) {
      const cal = calendarOf(m.raw);
      expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
      const event = cal.getFirstSubcomponent('vevent') as ICAL.Component;
      expect(event.getFirstPropertyValue('sequence')).toBe(2);
      expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    }
  });

  it('never lets an ID number or a phone number into a mail, an invite or a log line', () => {
    const texts = [...smtp.received.map((m) => m.raw), ...smtp.received.map((m) => mimePart(m.raw, /text\/calendar/i)?.body ?? ''), ...t.logLines];
    for (const text of texts) {
      expect(PII_PATTERNS.idNumber.test(text)).toBe(false);
      expect(PII_PATTERNS.mobile.test(text)).toBe(false);
    }
    expect(texts.length).toBeGreaterThan(10);
  });
});
