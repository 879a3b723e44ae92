import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { DOCX_READER, DOCX_READER_NOTE, readDocx, REQUIRE_DOCX_READER } from './support/docx-reader.js';
import { bearer, idNumber } from './support/factories.js';
import { caseAction, registerCase } from './support/http-helpers.js';
import { useTestApp, type TestUser } from './support/test-app.js';

/**
 * 会议纪要 (issue 14, item 4): outcomes and minutes only once the meeting has started; a follow-up
 * deadline on a case not yet accepted is refused; the draft records who attended (and substitutes), the
 * issue numbers the minutes 〔2026〕N号 from an atomic per-year counter, freezes them and makes the
 * meeting held; the .docx opens in a second reader (python-docx) with the decisions and deadlines and no
 * ID number or phone; the minutes are mailed to the attendees through the outbox, once per attendee.
 */
type Who = 'admin' | 'secretary' | 'auditor' | 'leaderIn' | 'leaderOut';
const USER: Record<Who, TestUser> = { admin: 'admin', secretary: 'secretary', auditor: 'auditor', leaderIn: 'deputy1', leaderOut: 'deputy2' };
const WHO: Who[] = ['admin', 'secretary', 'auditor', 'leaderIn', 'leaderOut'];

const FREE_ID = idNumber('42030219880315123');
const PHONE = '13872651234';
const ID_PATTERN = /\d{17}[\dXx]/;
const PHONE_PATTERN = /1[3-9]\d{9}/;

interface Attendee {
  attendeeId: string;
  kind: string;
  id: string;
  name: string;
}
interface Minutes {
  number: string | null;
  status: string;
  attendance: { attendeeId: string; present: boolean; substituteName: string | null; mailStatus: string | null }[];
  version: number;
}
interface Meeting {
  id: string;
  status: string;
  attendees: Attendee[];
  agenda: { caseId: string; caseCode: string }[];
  minutes: Minutes | null;
}

/** supertest's parser for a binary body: the bytes as one Buffer. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('meeting minutes (会议纪要)', () => {
  const t = useTestApp();
  const tokens = new Map<Who, string>();
  let secretary = '';
  const leader = (key: string): string => t.leaders.get(key) as string;
  const as = (who: Who): { Authorization: string } => bearer(tokens.get(who) as string);

  /** A confirmed supervision meeting on `day` (Dec 2026) 09:00–11:00, chaired by the director: a case in deputy-1's charge and one in deputy-3's. */
  const confirmedMeeting = async (day: number): Promise<{ meeting: Meeting; mine: string; other: string }> => {
    const mine = await registerCase<{ id: string }>(t, secretary, { subject: `小区加装电梯补贴未兑现 身份证${FREE_ID}`, category: 'urban-construction', region: `茅箭区纪要${day}` });
    const other = await registerCase<{ id: string }>(t, secretary, { subject: '拖欠工程款', category: 'economy', region: `竹山县纪要${day}` });
    const created = await t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({
        type: 'supervision',
        startAt: `2026-12-${String(day).padStart(2, '0')}T09:00:00+08:00`,
        endAt: `2026-12-${String(day).padStart(2, '0')}T11:00:00+08:00`,
        chairId: leader('director'),
        agenda: [
          { caseId: mine.id, leadLeaderId: leader('deputy-1'), minutes: 20 },
          { caseId: other.id, leadLeaderId: leader('deputy-3'), minutes: 20 },
        ],
        units: ['UCEC'],
      });
    expect({ status: created.status, body: created.status === 201 ? 'ok' : created.body }).toEqual({ status: 201, body: 'ok' });
    const confirmed = await t.http.post(`/meetings/${created.body.id as string}/confirm`).set(bearer(secretary)).expect(200);
    return { meeting: confirmed.body as Meeting, mine: mine.id, other: other.id };
  };

  const getMeeting = async (id: string, who: Who = 'secretary'): Promise<Meeting> => (await t.http.get(`/meetings/${id}`).set(as(who)).expect(200)).body as Meeting;
  const docx = (id: string, who: Who): Promise<Response> => t.http.get(`/meetings/${id}/minutes.docx`).set(as(who)).buffer(true).parse(binary);
  const attendeeOf = (m: Meeting, key: string): Attendee => m.attendees.find((a) => a.kind === 'leader' && a.id === leader(key)) as Attendee;

  beforeAll(async () => {
    for (const who of WHO) tokens.set(who, await t.token(USER[who]));
    secretary = tokens.get('secretary') as string;
  });

  describe('one meeting from before its start to minutes mailed', () => {
    let m: Meeting;
    let mine = '';
    let other = '';

    beforeAll(async () => {
      t.clock.set('2026-11-26T02:00:00.000Z');
      ({ meeting: m, mine, other } = await confirmedMeeting(7));
    });

    it('refuses outcomes and minutes before the meeting starts (409 MEETING_NOT_STARTED) and records nothing', async () => {
      const outcome = await t.http.post(`/meetings/${m.id}/outcomes`).set(bearer(secretary)).send({ caseId: mine, decision: '责成承办单位限期整改' }).expect(409);
      expect([outcome.body.code, outcome.body.message]).toEqual(['MEETING_NOT_STARTED', '会议尚未开始（12月7日 09:00 开始），会后才能记录会议要求。']);
      const draft = await t.http.put(`/meetings/${m.id}/minutes`).set(bearer(secretary)).send({ summary: '提前写好的纪要' }).expect(409);
      expect([draft.body.code, draft.body.message]).toEqual(['MEETING_NOT_STARTED', '会议尚未开始（12月7日 09:00 开始），会后才能记录会议纪要。']);
      // One minute before the start is still before.
      t.clock.set('2026-12-07T00:59:00.000Z');
      expect((await t.http.post(`/meetings/${m.id}/outcomes`).set(bearer(secretary)).send({ caseId: mine, decision: 'x' }).expect(409)).body.code).toBe('MEETING_NOT_STARTED');
      expect(await getMeeting(m.id)).toMatchObject({ status: 'confirmed', outcomes: [], minutes: null });
    });

    it('refuses a follow-up deadline on a case not yet accepted with a sentence saying to accept it first, recording nothing', async () => {
      t.clock.set('2026-12-07T01:30:00.000Z'); // 09:30, the meeting is on
      const before = (await t.http.get(`/cases/${mine}`).set(bearer(secretary)).expect(200)).body as { version: number; timeline: unknown[] };
      const refused = await t.http
        .post(`/meetings/${m.id}/outcomes`)
        .set(bearer(secretary))
        .send({ caseId: mine, decision: '责成市住建局限期整改', dueAt: '2026-12-31T17:30:00+08:00' })
        .expect(409);
      expect(refused.body.code).toBe('CASE_NOT_ACCEPTED');
      expect(refused.body.message).toMatch(/尚未受理.*请先受理该事项/);
      const after = (await t.http.get(`/cases/${mine}`).set(bearer(secretary)).expect(200)).body as { version: number; timeline: unknown[] };
      expect([after.version, after.timeline.length]).toEqual([before.version, before.timeline.length]);
      expect(await getMeeting(m.id)).toMatchObject({ status: 'confirmed', outcomes: [] });
    });

    it('records the decisions once started and accepted; the draft records who came and who sent someone', async () => {
      await caseAction(t, secretary, mine, { action: 'accept' });
      await t.http
        .post(`/meetings/${m.id}/outcomes`)
        .set(bearer(secretary))
        .send({ caseId: mine, decision: `责成市住建局限期整改，并联系信访人 ${PHONE}`, requirements: '书面报告整改进度', dueAt: '2026-12-31T17:30:00+08:00' })
        .expect(200);
      const deputy3 = attendeeOf(m, 'deputy-3');
      const draft = await t.http
        .put(`/meetings/${m.id}/minutes`)
        .set(bearer(secretary))
        .send({
          summary: '会议听取了市住建局的汇报。',
          requirements: `各承办单位按期书面报告（联系人身份证 ${FREE_ID}）。`,
          attendance: [{ attendeeId: deputy3.attendeeId, present: false, substituteName: '张明', substitutePost: '办公室主任' }],
          extraAttendees: [{ name: '刘平', post: '市住建局物业科科长' }],
        })
        .expect(200);
      const minutes = draft.body.minutes as Minutes;
      expect([draft.body.status, minutes.status, minutes.number]).toEqual(['held', 'draft', null]);
      expect(minutes.attendance.find((a) => a.attendeeId === deputy3.attendeeId)).toMatchObject({ present: false, substituteName: '张明' });
      expect(minutes.attendance.filter((a) => a.present).length).toBe(m.attendees.length - 1);
      // A leader invited does not see the draft; the office does.
      expect((await getMeeting(m.id, 'leaderIn')).minutes).toBeNull();
      expect((await docx(m.id, 'leaderIn')).status).toBe(404);
      expect((await docx(m.id, 'auditor')).status).toBe(404);
      expect((await docx(m.id, 'secretary')).status).toBe(200);
    });

    it('refuses to issue while an agenda case has no decision, then issues with 未作决定, numbers it and freezes it', async () => {
      const missing = await t.http.post(`/meetings/${m.id}/minutes/issue`).set(bearer(secretary)).expect(409);
      expect(missing.body.code).toBe('MINUTES_DECISIONS_MISSING');
      const otherCode = m.agenda.find((i) => i.caseId === other)?.caseCode as string;
      expect(missing.body.message).toContain(otherCode);
      expect(missing.body.message).toContain('未作决定');
      const version = (await getMeeting(m.id)).minutes?.version as number;
      await t.http.put(`/meetings/${m.id}/minutes`).set(bearer(secretary)).send({ undecidedCaseIds: [other], version }).expect(200);
      const stale = await t.http.put(`/meetings/${m.id}/minutes`).set(bearer(secretary)).send({ summary: '旧版本', version }).expect(409);
      expect(stale.body.code).toBe('MINUTES_CHANGED_CONCURRENTLY');

      t.clock.set('2026-12-08T02:00:00.000Z');
      const issued = await t.http.post(`/meetings/${m.id}/minutes/issue`).set(bearer(secretary)).expect(200);
      expect(issued.body.status).toBe('held');
      expect(issued.body.minutes).toMatchObject({ status: 'issued', number: '〔2026〕1号', issuedAt: '2026-12-08T02:00:00.000Z', issuedBy: 'secretary' });

      for (const [res, code] of [
        [await t.http.put(`/meetings/${m.id}/minutes`).set(bearer(secretary)).send({ summary: '改一下' }), 'MINUTES_ISSUED'],
        [await t.http.post(`/meetings/${m.id}/minutes/issue`).set(bearer(secretary)), 'MINUTES_ISSUED'],
        [await t.http.post(`/meetings/${m.id}/outcomes`).set(bearer(secretary)).send({ caseId: other, decision: '补记' }), 'MINUTES_ISSUED'],
      ] as const) {
        expect([res.status, res.body.code]).toEqual([409, code]);
      }
      expect((await getMeeting(m.id, 'leaderIn')).minutes).toMatchObject({ status: 'issued', number: '〔2026〕1号' });
    });

    it('renders a .docx that python-docx opens: number, title, attendance, decisions and deadlines, no ID number or phone anywhere', async () => {
      const res = await docx(m.id, 'secretary');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('督办会纪要〔2026〕1号.docx')}`);
      const body = res.body as Buffer;
      expect(body.subarray(0, 2).toString()).toBe('PK');
      if (!DOCX_READER) {
        if (REQUIRE_DOCX_READER) throw new Error(DOCX_READER_NOTE);
        console.warn(`minutes .docx reader check skipped: ${DOCX_READER_NOTE}`);
        return;
      }
      const read = readDocx(body);
      const all = [...read.paragraphs, ...read.tables.flat(2), ...read.headers, ...read.footers].join('\n');
      expect(read.paragraphs).toEqual(expect.arrayContaining(['人大常委会信访室', '〔2026〕1号', '督办会纪要', '时间：2026年12月7日（星期一）09:00—11:00']));
      const codeMine = m.agenda.find((i) => i.caseId === mine)?.caseCode as string;
      const codeOther = m.agenda.find((i) => i.caseId === other)?.caseCode as string;
      expect(all).toContain('主持：李明华');
      expect(all).toMatch(/出席：.*王建国/);
      expect(all).toContain('（派员：张明 办公室主任）');
      expect(all).toMatch(/列席：.*刘平（市住建局物业科科长）/);
      expect(all).toContain('会议决定：责成市住建局限期整改');
      expect(all).toContain('工作要求：书面报告整改进度');
      expect(all).toContain('办理期限：2026年12月31日前');
      expect(all).toContain('2026年12月8日印发');
      // The summary table: one row per case, with its decision and deadline.
      const rows = read.tables[0];
      expect(rows[0]).toEqual(['序号', '事项编号', '事由', '会议决定', '办理期限']);
      expect(rows.find((r) => r[1] === codeMine)?.[4]).toBe('2026年12月31日');
      expect(rows.find((r) => r[1] === codeOther)?.slice(3)).toEqual(['未作决定', '—']);
      // The privacy line: no ID number, no phone, no petitioner name.
      expect(all).not.toMatch(ID_PATTERN);
      expect(all).not.toMatch(PHONE_PATTERN);
      expect(all).not.toContain('张三');
      // GB/T 9704 page and type: A4, margins 37/35/28/26 mm; the office in red, the title 22 pt, the body 16 pt.
      expect(read.page).toEqual({ width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 });
      expect(read.runs.find((r) => r.text === '人大常委会信访室')?.color).toBe('E60012');
      expect(read.runs.find((r) => r.text === '督办会纪要')?.size).toBe(22);
      expect(read.runs.find((r) => r.text.startsWith('责成市住建局'))).toMatchObject({ size: 16, font: '仿宋_GB2312' });
    });

    it('lets leaders invited and auditors download the issued minutes; a leader not invited gets 404 as for a missing meeting', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const answers = Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, (await docx(m.id, who)).status] as const)));
      expect(answers).toEqual({ admin: 200, secretary: 200, auditor: 200, leaderIn: 200, leaderOut: 404 });
      const absent = await t.http.get(`/meetings/${missing}/minutes.docx`).set(as('leaderOut'));
      const notHis = await t.http.get(`/meetings/${m.id}/minutes.docx`).set(as('leaderOut'));
      expect([notHis.status, notHis.body.code]).toEqual([absent.status, absent.body.code]);
      expect(notHis.body.code).toBe('MEETING_NOT_FOUND');
    });

    it('mails the .docx to every attendee with an e-mail through the outbox, once per attendee', async () => {
      const sent = await t.http.post(`/meetings/${m.id}/minutes/send`).set(bearer(secretary)).expect(200);
      const queued = (sent.body.minutes as Minutes).attendance;
      expect(queued.length).toBe(m.attendees.length);
      expect(queued.every((a) => a.mailStatus === 'queued' || a.mailStatus === 'no-email')).toBe(true);
      const withEmail = queued.filter((a) => a.mailStatus === 'queued').length;
      expect(withEmail).toBeGreaterThan(0);
      // Asking again before the relay ran queues nobody twice.
      await t.http.post(`/meetings/${m.id}/minutes/send`).set(bearer(secretary)).expect(200);
      const jobs = async (): Promise<number> =>
        Number((await t.dataSource.query<{ n: number | string }[]>("SELECT COUNT(*) AS n FROM outbox_jobs WHERE name = 'send-minutes'"))[0].n);
      expect(await jobs()).toBe(withEmail);
      await t.relay.drain();
      const after = (await getMeeting(m.id)).minutes as Minutes;
      expect(after.attendance.filter((a) => a.mailStatus === 'sent').length).toBe(withEmail);
      // And again after sending: nobody is mailed twice.
      await t.http.post(`/meetings/${m.id}/minutes/send`).set(bearer(secretary)).expect(200);
      expect(await jobs()).toBe(withEmail);
      if (!t.config.smtpUrl) {
        const dir = join(t.config.dataDir, 'outbox');
        const mails = readdirSync(dir).filter((f) => f.startsWith('minutes-'));
        expect(mails.length).toBe(withEmail);
        const raw = readFileSync(join(dir, mails[0]), 'utf8');
        expect(raw).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        expect(raw).not.toMatch(PHONE_PATTERN);
        expect(raw).not.toMatch(ID_PATTERN);
      }
    });
  });

  describe('numbers and guards', () => {
    it('gives two meetings issued at once two consecutive numbers, and one meeting issued twice at once one number', async () => {
      t.clock.set('2026-11-26T02:00:00.000Z');
      const a = await confirmedMeeting(9);
      const b = await confirmedMeeting(10);
      t.clock.set('2026-12-10T04:00:00.000Z');
      for (const x of [a, b]) {
        await t.http.put(`/meetings/${x.meeting.id}/minutes`).set(bearer(secretary)).send({ undecidedCaseIds: [x.mine, x.other] }).expect(200);
      }
      const [ra, rb, again] = await Promise.all([
        t.http.post(`/meetings/${a.meeting.id}/minutes/issue`).set(bearer(secretary)),
        t.http.post(`/meetings/${b.meeting.id}/minutes/issue`).set(bearer(secretary)),
        t.http.post(`/meetings/${a.meeting.id}/minutes/issue`).set(bearer(secretary)),
      ]);
      const numbers = [ra, rb, again].filter((r) => r.status === 200).map((r) => (r.body.minutes as Minutes).number);
      expect(numbers.sort()).toEqual(['〔2026〕2号', '〔2026〕3号']);
      expect([ra, again].map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await getMeeting(a.meeting.id)).minutes?.number).toMatch(/^〔2026〕[23]号$/);
    });

    it('refuses minutes on a draft meeting, an attendee not invited and a case not on the agenda', async () => {
      t.clock.set('2026-11-26T02:00:00.000Z');
      const draft = await t.http
        .post('/meetings')
        .set(bearer(secretary))
        .send({ type: 'supervision', startAt: '2026-12-11T09:00:00+08:00', endAt: '2026-12-11T10:00:00+08:00', chairId: leader('director'), agenda: [] })
        .expect(201);
      t.clock.set('2026-12-11T02:00:00.000Z');
      expect((await t.http.put(`/meetings/${draft.body.id as string}/minutes`).set(bearer(secretary)).send({}).expect(409)).body.code).toBe('MEETING_NOT_CONFIRMED');
      t.clock.set('2026-11-26T02:00:00.000Z');
      const { meeting, mine } = await confirmedMeeting(14);
      t.clock.set('2026-12-14T02:00:00.000Z');
      const stranger = await t.http
        .put(`/meetings/${meeting.id}/minutes`)
        .set(bearer(secretary))
        .send({ attendance: [{ attendeeId: '00000000-0000-4000-8000-000000000000', present: true }] })
        .expect(400);
      expect(stranger.body.code).toBe('ATTENDEE_NOT_ON_MEETING');
      const notOnAgenda = await t.http.put(`/meetings/${meeting.id}/minutes`).set(bearer(secretary)).send({ undecidedCaseIds: [mine.replace(/.$/, (c) => (c === '0' ? '1' : '0'))] });
      expect([notOnAgenda.status, notOnAgenda.body.code]).toEqual([400, 'CASE_NOT_ON_AGENDA']);
      expect((await t.http.post(`/meetings/${meeting.id}/minutes/issue`).set(bearer(secretary)).expect(404)).body.code).toBe('MINUTES_NOT_FOUND');
      expect((await t.http.post(`/meetings/${meeting.id}/minutes/send`).set(bearer(secretary)).expect(404)).body.code).toBe('MINUTES_NOT_FOUND');
      await t.http.put(`/meetings/${meeting.id}/minutes`).set(bearer(secretary)).send({ summary: '草稿' }).expect(200);
      expect((await t.http.post(`/meetings/${meeting.id}/minutes/send`).set(bearer(secretary)).expect(409)).body.code).toBe('MINUTES_NOT_ISSUED');
    });

    it('lets only admin and secretariat write minutes: auditor and leaders get 403 on every write route', async () => {
      t.clock.set('2026-11-26T02:00:00.000Z');
      const { meeting } = await confirmedMeeting(15);
      t.clock.set('2026-12-15T02:00:00.000Z');
      for (const who of ['auditor', 'leaderIn', 'leaderOut'] as Who[]) {
        const answers = [
          (await t.http.put(`/meetings/${meeting.id}/minutes`).set(as(who)).send({ summary: '试试' })).status,
          (await t.http.post(`/meetings/${meeting.id}/minutes/issue`).set(as(who))).status,
          (await t.http.post(`/meetings/${meeting.id}/minutes/send`).set(as(who))).status,
        ];
        expect({ who, answers }).toEqual({ who, answers: [403, 403, 403] });
      }
      expect((await getMeeting(meeting.id)).minutes).toBeNull();
      const byAdmin = await t.http.put(`/meetings/${meeting.id}/minutes`).set(as('admin')).send({ summary: '管理员记录' }).expect(200);
      expect(byAdmin.body.minutes).toMatchObject({ status: 'draft', summary: '管理员记录' });
      const anonymous = await t.http.get(`/meetings/${meeting.id}/minutes.docx`);
      expect(anonymous.status).toBe(401);
    });
  });
});
