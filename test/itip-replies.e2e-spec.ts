import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ImapFlow } from 'imapflow';
import { ItipPollScheduler } from '../src/calendar/itip/itip-poll-scheduler.js';
import { bearer } from './support/factories.js';
import { registerCase } from './support/http-helpers.js';
import { describeDovecot, DovecotServer } from './support/dovecot.js';
import { useTestApp } from './support/test-app.js';

type Attendee = { kind: string; id: string; partstat: string; replyVia: string | null; repliedAt: string | null; substitute: { name: string } | null };

const WANG = 'wang.jianguo@renda.example.cn';

/** An e-mail as a calendar client sends a reply (RFC 6047): a text part and a base64 text/calendar; method=REPLY part. */
function itipMail(opts: { messageId: string; uid: string; attendee: string; partstat: string; stamp: string; extra?: string }): string {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test Client//EN',
    'METHOD:REPLY',
    'BEGIN:VEVENT',
    `UID:${opts.uid}`,
    'SEQUENCE:0',
    `DTSTAMP:${opts.stamp}`,
    'DTSTART:20261208T010000Z',
    `ATTENDEE;PARTSTAT=${opts.partstat};CN=王建国:mailto:${opts.attendee}`,
    ...(opts.extra ? [opts.extra] : []),
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const b64 = Buffer.from(ics, 'utf8').toString('base64').replace(/(.{76})/g, '$1\r\n');
  return [
    `From: =?UTF-8?B?${Buffer.from('王建国').toString('base64')}?= <${opts.attendee}>`,
    'To: xinfang@renda.example.cn',
    'Subject: Accepted: meeting',
    `Message-ID: <${opts.messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    '王建国 has replied.',
    '--b1',
    'Content-Type: text/calendar; charset=utf-8; method=REPLY',
    'Content-Transfer-Encoding: base64',
    '',
    b64,
    '--b1--',
    '',
  ].join('\r\n');
}

describeDovecot('iTIP replies read from the organizer’s mailbox over IMAP (a real Dovecot)', () => {
  const dovecot = new DovecotServer();
  beforeAll(async () => {
    await dovecot.start();
  });
  afterAll(async () => {
    await dovecot.stop();
  });
  const t = useTestApp(() => ({ env: { IMAP_URL: dovecot.url, IMAP_POLL_SECONDS: '60' } }));
  let secretary = '';
  let meetingId = '';
  let uid = '';

  const mailbox = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.logout();
    }
  };
  const append = (raw: string): Promise<unknown> => mailbox((c) => c.append('INBOX', raw));
  /** One scheduled poll: the scheduler queues this slot's job, the relay runs it. */
  const poll = async (): Promise<void> => {
    t.clock.advanceMs(60_000);
    expect(await t.app.get(ItipPollScheduler).check()).toBe(true);
    await t.relay.drain();
  };
  const wang = async (): Promise<Attendee> =>
    ((await t.http.get(`/meetings/${meetingId}`).set(bearer(secretary)).expect(200)).body.attendees as Attendee[]).find((a) => a.kind === 'leader' && a.id === t.leaders.get('deputy-1')) as Attendee;
  const processed = (): Promise<{ outcome: string; reason: string | null }[]> =>
    t.dataSource.query('SELECT outcome, reason FROM imap_processed_messages ORDER BY processedAt, messageKey');
  const replyAudits = async (): Promise<number> =>
    Number((await t.dataSource.query<{ n: unknown }[]>("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'meeting.reply' AND entityId = ?", [meetingId]))[0].n);

  beforeAll(async () => {
    secretary = await t.token('secretary');
    const c = await registerCase<{ id: string }>(t, secretary, { provincialReferral: true, category: 'urban-construction', region: '茅箭区' });
    const res = await t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({ type: 'supervision', startAt: '2026-12-08T09:00:00+08:00', endAt: '2026-12-08T11:00:00+08:00', chairId: t.leaders.get('director'), agenda: [{ caseId: c.id, leadLeaderId: t.leaders.get('deputy-1'), minutes: 20 }] })
      .expect(201);
    meetingId = res.body.id as string;
    uid = res.body.uid as string;
    await t.http.post(`/meetings/${meetingId}/confirm`).set(bearer(secretary)).expect(200);
    await t.relay.drain();
  });

  it('applies an iTIP REPLY once: polling twice (even with the message unseen again) changes nothing more, and the message is marked \\Seen', async () => {
    await append(itipMail({ messageId: 'reply-1@client.example', uid, attendee: 'Wang.JianGuo@Renda.example.cn', partstat: 'ACCEPTED', stamp: '20261126T020000Z' }));
    await poll();
    expect(await wang()).toMatchObject({ partstat: 'ACCEPTED', replyVia: 'imap', repliedAt: '2026-11-26T02:00:00.000Z' });
    expect(await processed()).toEqual([{ outcome: 'applied', reason: null }]);
    expect(await replyAudits()).toBe(1);
    expect(await mailbox(async (c) => { const lock = await c.getMailboxLock('INBOX'); try { return await c.search({ seen: false }, { uid: true }); } finally { lock.release(); } })).toEqual([]);

    await poll();
    // The same message read again (a client marked it unread): recognised by UIDVALIDITY+UID, not applied twice.
    await mailbox(async (c) => {
      const lock = await c.getMailboxLock('INBOX');
      try {
        await c.messageFlagsRemove('1:*', ['\\Seen']);
      } finally {
        lock.release();
      }
    });
    await poll();
    expect(await processed()).toEqual([{ outcome: 'applied', reason: null }]);
    expect(await replyAudits()).toBe(1);
    expect(await wang()).toMatchObject({ partstat: 'ACCEPTED', replyVia: 'imap' });
  });

  it('ignores, with a recorded reason and without error, an older answer, an unknown UID or attendee, and a message that is no reply', async () => {
    await append(itipMail({ messageId: 'reply-old@client.example', uid, attendee: WANG, partstat: 'DECLINED', stamp: '20261125T020000Z' }));
    await append(itipMail({ messageId: 'reply-unknown-uid@client.example', uid: 'meeting-unknown@elsewhere', attendee: WANG, partstat: 'DECLINED', stamp: '20261126T030000Z' }));
    await append(itipMail({ messageId: 'reply-stranger@client.example', uid, attendee: 'stranger@example.com', partstat: 'DECLINED', stamp: '20261126T030000Z' }));
    await append('From: someone@example.com\r\nTo: xinfang@renda.example.cn\r\nSubject: hello\r\nMessage-ID: <plain@example.com>\r\n\r\n你好\r\n');
    await poll();
    expect((await processed()).slice(1)).toEqual([
      { outcome: 'unchanged', reason: 'stale' },
      { outcome: 'ignored', reason: 'unknown-uid' },
      { outcome: 'ignored', reason: 'unknown-attendee' },
      { outcome: 'ignored', reason: 'not-itip-reply' },
    ]);
    expect(await wang()).toMatchObject({ partstat: 'ACCEPTED' });
    expect(await replyAudits()).toBe(1);
    // The same reply as a new message (another Message-ID, a later DTSTAMP and a delegation): applied, with the delegate's name.
    await append(
      itipMail({
        messageId: 'reply-2@client.example',
        uid,
        attendee: WANG,
        partstat: 'DELEGATED;DELEGATED-TO="mailto:zhao@renda.example.cn"',
        stamp: '20261126T040000Z',
        extra: 'ATTENDEE;DELEGATED-FROM="mailto:wang.jianguo@renda.example.cn";CN=赵六;PARTSTAT=NEEDS-ACTION:mailto:zhao@renda.example.cn',
      }),
    );
    await poll();
    expect(await wang()).toMatchObject({ partstat: 'DELEGATED', replyVia: 'imap', substitute: { name: '赵六' } });
    expect(await replyAudits()).toBe(2);
    // Logs hold counts, never an address.
    expect(t.logLines.join('\n')).not.toMatch(/wang\.jianguo|stranger@|zhao@/i);
  });
});
