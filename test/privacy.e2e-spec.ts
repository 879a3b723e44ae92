import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CreateCaseDto } from '../src/cases/dto/create-case.dto.js';
import { containsPii, PII_PATTERNS } from '../src/common/pii/masking.js';
import { readEml } from './support/eml.js';
import { mimePart } from './support/smtp-sink.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { expectError, idsOf, registerCase, writeCounts } from './support/http-helpers.js';
import { useTestApp, type TestUser } from './support/test-app.js';

interface PetitionerView {
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  organisation: string | null;
  masked: boolean;
}
interface CaseResponse {
  id: string;
  code: string;
  version: number;
  leadLeaderId: string | null;
  petitioner: PetitionerView;
}

const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';
const ADDRESS = '湖北省十堰市茅箭区北京中路1号3栋502室';
const PETITIONER = { name: '张三', idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS, organisation: '某小区业主委员会' };

const CLEAR: PetitionerView = { ...PETITIONER, masked: false };

/**
 * Issue 10, findings 3 and 4: an ID number and a mobile typed into free text in the forms the old
 * detector missed (after a Latin letter, after a–f, with +86 / 0086, full-width), and the strings
 * that must never reach a masked role, a log line, an e-mail, an invite, a CSV or a document.
 */
const FREE_ID = '420302198507151232';
const FREE_ID_MASKED = '420***********1232';
const FREE_MOBILE_MASKED = '138****1234';
const FORMS = `ID${FREE_ID}；phone13872651234；+86 138 7265 1234；0086-138-7265-1234；/cases/a${FREE_ID}；电话１３８７２６５１２３４`;
const NEVER = [FREE_ID, '13872651234', '138 7265 1234', '138-7265-1234', '１３８７２６５１２３４'];

/** Lines of an iCalendar text joined back (RFC 5545 folding splits long lines with CRLF + space). */
const unfold = (ics: string): string => ics.replace(/\r\n[ \t]/g, '');

/** Every leak of the finding-4 forms in a text: what the detector finds, and the raw strings. */
const leaks = (text: string): string[] => [...(containsPii(text) ? ['<detector>'] : []), ...NEVER.filter((f) => text.includes(f))];
const MASKED: PetitionerView = {
  name: '张*',
  idNumber: '110***********002X',
  phone: '138****5678',
  address: '湖北省十堰市茅箭区***',
  organisation: '某小区业主委员会',
  masked: true,
};

describe('privacy of petitioners and object-level access', () => {
  const t = useTestApp();
  let secretary: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
  });

  const register = (overrides: Partial<CreateCaseDto> = {}): Promise<CaseResponse> => registerCase<CaseResponse>(t, secretary, overrides);
  const assign = async (caseId: string, leaderKey: string): Promise<void> => {
    const leaderId = t.leaders.get(leaderKey);
    expect(leaderId).toBeDefined();
    const res = await t.http.post(`/cases/${caseId}/actions`).set(bearer(secretary)).send({ action: 'assign-leader', leaderId });
    expect(res.status).toBe(200);
    expect((res.body as CaseResponse).leadLeaderId).toBe(leaderId);
  };
  const getAs = async (user: TestUser, path: string) => t.http.get(path).set(bearer(await t.token(user)));

  describe('masking per role', () => {
    let c: CaseResponse;

    beforeAll(async () => {
      c = await register({ petitioner: PETITIONER });
      await assign(c.id, 'deputy-1');
    });

    it('shows the secretariat and admins the personal data in clear', async () => {
      expect(c.petitioner).toEqual(CLEAR);
      for (const user of ['secretary', 'admin'] as const) {
        const res = await getAs(user, `/cases/${c.id}`);
        expect(res.status).toBe(200);
        expect((res.body as CaseResponse).petitioner).toEqual(CLEAR);
      }
    });

    it('masks them for the auditor and for the leader in charge, everywhere', async () => {
      for (const user of ['auditor', 'deputy1'] as const) {
        const one = await getAs(user, `/cases/${c.id}`);
        expect(one.status).toBe(200);
        expect((one.body as CaseResponse).petitioner).toEqual(MASKED);

        const ledger = await getAs(user, '/cases?pageSize=200');
        expect(ledger.status).toBe(200);
        const item = (ledger.body.items as CaseResponse[]).find((i) => i.id === c.id);
        expect(item?.petitioner).toEqual(MASKED);

        const timeline = await getAs(user, `/cases/${c.id}/timeline`);
        expect(timeline.status).toBe(200);
        for (const text of [JSON.stringify(one.body), JSON.stringify(ledger.body), JSON.stringify(timeline.body)]) {
          expect(text).not.toContain(ID_NUMBER);
          expect(text).not.toContain(PHONE);
          expect(text).not.toContain('北京中路');
          expect(PII_PATTERNS.idNumber.test(text)).toBe(false);
          expect(PII_PATTERNS.mobile.test(text)).toBe(false);
        }
      }
    });

    it('masks a landline and a Latin name too', async () => {
      const other = await register({ petitioner: { name: 'Alice Smith', phone: '027-88881234', address: '某小区 3 栋' } });
      const res = await getAs('auditor', `/cases/${other.id}`);
      expect((res.body as CaseResponse).petitioner).toEqual({
        name: 'A***',
        idNumber: null,
        phone: '027-****1234',
        address: '***',
        organisation: null,
        masked: true,
      });
    });
  });

  describe('encryption at rest', () => {
    it('stores no plaintext ID number, phone or address in any table', async () => {
      const c = await register({ petitioner: PETITIONER });
      const [row]: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM cases WHERE id = ?', [c.id]);
      expect(row).toBeDefined();
      const plaintexts = [ID_NUMBER, ID_NUMBER.toLowerCase(), PHONE, ADDRESS, '北京中路'];
      for (const [column, value] of Object.entries(row)) {
        const text = value instanceof Date ? value.toISOString() : String(value);
        for (const plain of plaintexts) expect({ column, leaks: text.includes(plain) }).toEqual({ column, leaks: false });
      }
      for (const column of ['petitionerIdCipher', 'petitionerPhoneCipher', 'petitionerAddressCipher']) {
        expect(String(row[column])).toMatch(/^v2:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
      }
      for (const column of ['petitionerIdHash', 'petitionerPhoneHash']) {
        expect(String(row[column])).toMatch(/^[0-9a-f]{64}$/);
      }
      // The lookup hashes are keyed: not a plain SHA-256 of the value, which anyone could brute-force.
      expect(row.petitionerIdHash).not.toBe(createHash('sha256').update(ID_NUMBER).digest('hex'));
      expect(row.petitionerPhoneHash).not.toBe(createHash('sha256').update(PHONE).digest('hex'));
      // Two registrations of the same values encrypt differently (random IV) but hash the same.
      const again = await register({ petitioner: PETITIONER });
      const [row2]: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM cases WHERE id = ?', [again.id]);
      expect(row2.petitionerIdCipher).not.toBe(row.petitionerIdCipher);
      expect(row2.petitionerIdHash).toBe(row.petitionerIdHash);
      expect(row2.petitionerPhoneHash).toBe(row.petitionerPhoneHash);

      // Nor anywhere else: timeline, idempotency keys, outbox, users …
      for (const table of t.dataSource.entityMetadatas.map((m) => m.tableName)) {
        const rows: Record<string, unknown>[] = await t.dataSource.query(`SELECT * FROM ${table}`);
        const dump = JSON.stringify(rows);
        for (const plain of [ID_NUMBER, PHONE, '北京中路']) expect({ table, leaks: dump.includes(plain) }).toEqual({ table, leaks: false });
      }
    });
  });

  describe('object-level access', () => {
    let forDirector: CaseResponse;
    let forDeputy1: CaseResponse;
    let unassigned: CaseResponse;

    beforeAll(async () => {
      forDirector = await register({ subject: '主任包案事项' });
      forDeputy1 = await register({ subject: '王副主任包案事项' });
      unassigned = await register({ subject: '未指定包案领导' });
      await assign(forDirector.id, 'director');
      await assign(forDeputy1.id, 'deputy-1');
    });

    it('answers 404 CASE_NOT_FOUND to a leader for a case someone else is in charge of, exactly as for a missing case', async () => {
      const missing = await getAs('deputy1', `/cases/${randomUUID()}`);
      expectError(missing, 404, 'CASE_NOT_FOUND');
      for (const id of [forDirector.id, unassigned.id]) {
        const res = await getAs('deputy1', `/cases/${id}`);
        expectError(res, 404, 'CASE_NOT_FOUND');
        expect(res.body.message).toBe(missing.body.message);
        expect(res.body.details).toEqual(missing.body.details);
        expectError(await getAs('deputy1', `/cases/${id}/timeline`), 404, 'CASE_NOT_FOUND');
      }
      const own = await getAs('deputy1', `/cases/${forDeputy1.id}`);
      expect(own.status).toBe(200);
      const ownTimeline = await getAs('deputy1', `/cases/${forDeputy1.id}/timeline`);
      expect(ownTimeline.status).toBe(200);
      expect((ownTimeline.body as { action: string }[]).map((e) => e.action)).toEqual(['register', 'assign-leader']);
      expect((await getAs('director', `/cases/${forDirector.id}`)).status).toBe(200);
      expectError(await getAs('director', `/cases/${forDeputy1.id}`), 404, 'CASE_NOT_FOUND');
    });

    it("lists only the leader's own cases, whatever the filters", async () => {
      const deputy1Id = t.leaders.get('deputy-1');
      const mine = await getAs('deputy1', '/cases?pageSize=200');
      expect(mine.status).toBe(200);
      const items = mine.body.items as CaseResponse[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.leadLeaderId === deputy1Id)).toBe(true);
      expect(mine.body.total).toBe(items.length);
      expect(items.map((i) => i.id)).toContain(forDeputy1.id);
      expect(items.map((i) => i.id)).not.toContain(forDirector.id);
      expect(items.map((i) => i.id)).not.toContain(unassigned.id);

      // Same set as the secretariat's view of the cases deputy1 is in charge of.
      const all = await getAs('secretary', '/cases?pageSize=200');
      const expected = (all.body.items as CaseResponse[]).filter((i) => i.leadLeaderId === deputy1Id);
      expect(idsOf(items)).toEqual(idsOf(expected));

      const search = await getAs('deputy1', `/cases?q=${forDirector.code}`);
      expect(search.body.total).toBe(0);
      expect((await getAs('deputy2', '/cases')).body.total).toBe(0);
      const director = await getAs('director', '/cases?pageSize=200');
      expect((director.body.items as CaseResponse[]).map((i) => i.id)).toEqual([forDirector.id]);
    });

    it('takes a case away from a leader as soon as it is reassigned', async () => {
      const moving = await register({ subject: '改派包案领导' });
      await assign(moving.id, 'deputy-1');
      expect((await getAs('deputy1', `/cases/${moving.id}`)).status).toBe(200);
      await assign(moving.id, 'deputy-2');
      expectError(await getAs('deputy1', `/cases/${moving.id}`), 404, 'CASE_NOT_FOUND');
      expect(((await getAs('deputy1', '/cases?pageSize=200')).body.items as CaseResponse[]).map((i) => i.id)).not.toContain(moving.id);
      expect((await getAs('deputy2', `/cases/${moving.id}`)).status).toBe(200);
    });

    it('forbids leaders and auditors to register cases or act on them (403), writing nothing', async () => {
      const before = await writeCounts(t);
      const version = (await getAs('secretary', `/cases/${forDeputy1.id}`)).body.version as number;
      for (const user of ['deputy1', 'director', 'auditor'] as const) {
        const token = await t.token(user);
        expectError(await t.http.post('/cases').set(bearer(token)).send(caseBody()), 403, 'FORBIDDEN');
        for (const action of [{ action: 'accept' }, { action: 'assign-leader', leaderId: t.leaders.get('deputy-2') }]) {
          expectError(await t.http.post(`/cases/${forDeputy1.id}/actions`).set(bearer(token)).send(action), 403, 'FORBIDDEN');
        }
      }
      expect(await writeCounts(t)).toEqual(before);
      const after = await getAs('secretary', `/cases/${forDeputy1.id}`);
      expect(after.body.version).toBe(version);
      expect(after.body.leadLeaderId).toBe(t.leaders.get('deputy-1'));
    });

    it('answers 401 UNAUTHENTICATED without a token or with a forged, tampered or expired one', async () => {
      const secretaryClaims = JSON.parse(Buffer.from(secretary.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
      const { iat: _iat, exp: _exp, ...claims } = secretaryClaims;
      const adminClaims = { ...claims, role: 'admin' };
      const nowSeconds = Math.floor(Date.now() / 1000);
      const forged = new JwtService({ secret: randomBytes(24).toString('hex') }).sign(adminClaims, { expiresIn: 3600 });
      const expired = new JwtService({ secret: t.config.jwtSecret }).sign({ ...claims, iat: nowSeconds - 7200, exp: nowSeconds - 3600 });
      const [header, , signature] = secretary.split('.');
      const tampered = [header, Buffer.from(JSON.stringify({ ...secretaryClaims, role: 'admin' })).toString('base64url'), signature].join('.');
      const unsigned = [
        Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
        Buffer.from(JSON.stringify({ ...adminClaims, exp: nowSeconds + 3600 })).toString('base64url'),
        '',
      ].join('.');
      // Control: a token signed with the right secret and not expired is accepted, so the refusals below are about the token.
      const fresh = new JwtService({ secret: t.config.jwtSecret }).sign(claims, { expiresIn: 3600 });
      expect((await t.http.get('/cases').set(bearer(fresh))).status).toBe(200);

      const before = await writeCounts(t);
      const headers: (Record<string, string> | null)[] = [
        null,
        bearer(forged),
        bearer(expired),
        bearer(tampered),
        bearer(unsigned),
        bearer('not-a-jwt'),
        { Authorization: `Basic ${Buffer.from('secretary:test-password-2026').toString('base64')}` },
        { Authorization: secretary },
      ];
      for (const header of headers) {
        const requests = [
          t.http.get('/cases'),
          t.http.get(`/cases/${forDeputy1.id}`),
          t.http.get(`/cases/${forDeputy1.id}/timeline`),
          t.http.post('/cases').send(caseBody()),
          t.http.post(`/cases/${forDeputy1.id}/actions`).send({ action: 'accept' }),
        ];
        for (const req of requests) {
          const res = await (header ? req.set(header) : req);
          expectError(res, 401, 'UNAUTHENTICATED');
        }
      }
      expect(await writeCounts(t)).toEqual(before);
    });
  });

  describe('logs and error bodies', () => {
    it('never carry an ID number or a mobile number', async () => {
      const ids = [idNumber('42030219850615123'), idNumber('42030319901231456')];
      const phones = ['13900001111', '+86 137-1234-0000'];
      for (const [i, id] of ids.entries()) {
        await register({ petitioner: { name: '赵九', idNumber: id, phone: phones[i], address: '湖北省十堰市张湾区车城路8号' } });
      }

      const badId = ids[0].slice(0, 17) + (ids[0].endsWith('1') ? '2' : '1');
      const errors = [
        t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '赵九', idNumber: badId } })),
        t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '赵九', idNumber: ids[0], phone: '1390000111' } })),
        t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '赵九', idNumber: `${ids[0]} / ${phones[0]} / 备用号码很长很长很长` } })),
        t.http.post('/cases').set(bearer(secretary)).send({ ...caseBody(), idNumber: ids[1], phone: phones[0] }),
        t.http.post('/cases').set(bearer(secretary)).send({ ...caseBody(), receivedAt: ids[1] }),
        t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '赵九', idNumber: ids[1] }, unitsInvolved: ['GOV', 'XX'], receivedAt: '2030-01-01T00:00:00Z' })),
        t.http.post('/cases').set(bearer(secretary)).set('Content-Type', 'application/json').send(`{"petitioner":{"idNumber":"${ids[1]}","phone":"${phones[0]}"`),
        t.http.get(`/cases?q=${ids[0]}&page=0`).set(bearer(secretary)),
        t.http.get(`/cases/${ids[0]}`).set(bearer(secretary)),
        t.http.get(`/cases/${phones[0]}/timeline`).set(bearer(secretary)),
        t.http.post(`/cases/${ids[0]}/actions`).set(bearer(secretary)).send({ action: 'reject', reason: phones[0] }),
      ];
      for (const req of errors) {
        const res = await req;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        const text = JSON.stringify(res.body);
        expect(typeof res.body.code).toBe('string');
        expect({ code: res.body.code, id: PII_PATTERNS.idNumber.test(text), mobile: PII_PATTERNS.mobile.test(text) }).toEqual({
          code: res.body.code,
          id: false,
          mobile: false,
        });
        for (const secret of [...ids, badId, '13900001111', '1390000111']) expect(text).not.toContain(secret);
      }

      // Even code that logs personal data by mistake ends up with masked lines.
      new Logger('PrivacyProbe').error(`lookup failed for ${ids[0]}, tel ${phones[1]}`);
      new Logger('PrivacyProbe').warn(new Error(`retrying ${phones[0]}`));
      const probe = t.logLines.filter((l) => l.includes('PrivacyProbe'));
      expect(probe).toHaveLength(2);
      expect(probe[0]).toContain(ids[0].slice(0, 3) + '*'.repeat(11) + ids[0].slice(-4));

      expect(t.logLines.length).toBeGreaterThan(2);
      const leaking = t.logLines.filter((l) => PII_PATTERNS.idNumber.test(l) || PII_PATTERNS.mobile.test(l));
      expect(leaking).toEqual([]);
      for (const secret of [...ids, '13900001111', ID_NUMBER, PHONE]) expect(t.logLines.join('\n')).not.toContain(secret);
    });
  });

  describe('free text shown to masked roles (issue 10, findings 3 and 4)', () => {
    let c: CaseResponse;
    let meetingId = '';
    const region = `茅箭区phone13872651234`;

    beforeAll(async () => {
      c = await register({ subject: `反映 ${FREE_ID} 的问题 电话13872651234`, content: `信访人自述：${FORMS}`, region, unitsInvolved: ['GOV'] });
      const act = async (body: Record<string, unknown>): Promise<void> => {
        const res = await t.http.post(`/cases/${c.id}/actions`).set(bearer(secretary)).send(body);
        expect({ action: body.action, status: res.status }).toEqual({ action: body.action, status: 200 });
      };
      await act({ action: 'accept', reason: `已核实身份 ID${FREE_ID}` });
      await act({ action: 'transfer', handledBy: 'HOUSING' });
      await act({ action: 'urge', note: `请回访 phone13872651234，${FORMS}` });
      await assign(c.id, 'deputy-1');
      const conversion = await t.http
        .post(`/cases/${c.id}/conversions`)
        .set(bearer(secretary))
        .send({ kind: 'supervision-topic', title: `关于 ID${FREE_ID} 所涉问题的监督议题`, note: FORMS });
      expect(conversion.status).toBe(201);
      const created = await t.http
        .post('/meetings')
        .set(bearer(secretary))
        .send({
          type: 'supervision',
          title: `督办会 ID${FREE_ID}`,
          location: '第三会议室 phone13872651234',
          startAt: '2026-12-08T09:00:00+08:00',
          endAt: '2026-12-08T11:00:00+08:00',
          chairId: t.leaders.get('director'),
          agenda: [{ caseId: c.id, leadLeaderId: t.leaders.get('deputy-1'), minutes: 20 }],
          units: ['UCEC'],
        });
      expect({ status: created.status, body: created.status === 201 ? 'ok' : created.body }).toEqual({ status: 201, body: 'ok' });
      meetingId = created.body.id as string;
      expect((await t.http.post(`/meetings/${meetingId}/confirm`).set(bearer(secretary))).status).toBe(200);
      // Outcomes are recorded once the meeting has started (09:30 on its day); the clock goes back for the sweep below.
      const today = t.clock.now();
      t.clock.set('2026-12-08T01:30:00.000Z');
      const outcome = await t.http
        .post(`/meetings/${meetingId}/outcomes`)
        .set(bearer(secretary))
        .send({ caseId: c.id, decision: `责成承办单位联系 +86 138 7265 1234`, requirements: `会议要求：${FORMS}` });
      t.clock.set(today);
      expect(outcome.status).toBe(200);
      // The daily sweep mails the handling unit its digest (the urge note); the relay sends the invites.
      expect((await t.http.post('/jobs/deadline-sweep').set(bearer(secretary))).status).toBeLessThan(300);
      await t.relay.drain();
      await t.relay.drain();
    });

    it('keeps the text as typed for the secretariat and admins', async () => {
      for (const user of ['secretary', 'admin'] as const) {
        const one = await getAs(user, `/cases/${c.id}`);
        expect(one.body.subject).toBe(`反映 ${FREE_ID} 的问题 电话13872651234`);
        expect(one.body.content).toContain(FORMS);
        const meeting = await getAs(user, `/meetings/${meetingId}`);
        expect(meeting.body.title).toBe(`督办会 ID${FREE_ID}`);
        expect(meeting.body.outcomes[0].requirements).toBe(`会议要求：${FORMS}`);
      }
    });

    it('redacts every free-text field of every response an auditor or a leader can get', async () => {
      const paths = [
        `/cases/${c.id}`,
        '/cases?pageSize=200',
        `/cases?pageSize=200&q=${encodeURIComponent('反映')}`,
        `/cases/${c.id}/timeline`,
        '/meetings',
        `/meetings/${meetingId}`,
        `/meetings/${meetingId}/brief`,
        `/meetings/${meetingId}/invite.ics`,
        '/conversions',
        '/reports/summary',
        '/reports/hotspots?days=30',
        `/reports/hotspots/report.md?category=urban-construction&region=${encodeURIComponent(region)}&days=30`,
      ];
      const seen: Record<string, number> = {};
      for (const user of ['auditor', 'deputy1'] as const) {
        for (const path of paths) {
          const res = await getAs(user, path);
          const text = unfold(res.text || JSON.stringify(res.body));
          expect({ user, path, leaks: leaks(text) }).toEqual({ user, path, leaks: [] });
          if (res.status === 200) seen[user] = (seen[user] ?? 0) + 1;
        }
      }
      // Both roles read the case, its timeline and the ledger; the masked forms show the text was there.
      expect(seen.auditor).toBeGreaterThanOrEqual(8);
      expect(seen.deputy1).toBeGreaterThanOrEqual(5);
      for (const user of ['auditor', 'deputy1'] as const) {
        const one = await getAs(user, `/cases/${c.id}`);
        expect(one.body.subject).toBe(`反映 ${FREE_ID_MASKED} 的问题 电话${FREE_MOBILE_MASKED}`);
        expect(one.body.content).toBe(
          `信访人自述：ID${FREE_ID_MASKED}；phone${FREE_MOBILE_MASKED}；${FREE_MOBILE_MASKED}；${FREE_MOBILE_MASKED}；/cases/a${FREE_ID_MASKED}；电话${FREE_MOBILE_MASKED}`,
        );
        expect(one.body.region).toBe(`茅箭区phone${FREE_MOBILE_MASKED}`);
        const timeline = (await getAs(user, `/cases/${c.id}/timeline`)).body as { action: string; reason: string | null; data: Record<string, unknown> }[];
        expect(timeline.find((e) => e.action === 'accept')?.reason).toBe(`已核实身份 ID${FREE_ID_MASKED}`);
        expect(timeline.find((e) => e.action === 'meeting-outcome')?.data.requirements).toContain(`ID${FREE_ID_MASKED}`);
        const meeting = await getAs(user, `/meetings/${meetingId}`);
        if (meeting.status === 200) expect(meeting.body.title).toBe(`督办会 ID${FREE_ID_MASKED}`);
      }
      const leader = await getAs('deputy1', `/meetings/${meetingId}`);
      expect(leader.status).toBe(200);
      expect(leader.body.location).toBe(`第三会议室 phone${FREE_MOBILE_MASKED}`);
      expect(leader.body.outcomes[0].decision).toBe(`责成承办单位联系 ${FREE_MOBILE_MASKED}`);
    });

    it('redacts the CSV export and the thematic report for every role', async () => {
      for (const user of ['auditor', 'secretary'] as const) {
        const csv = await t.http
          .get('/reports/ledger.csv')
          .set(bearer(await t.token(user)))
          .buffer(true)
          .parse((r, cb) => {
            const chunks: Buffer[] = [];
            r.on('data', (chunk: Buffer) => chunks.push(chunk));
            r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8')));
          });
        expect(csv.status).toBe(200);
        const text = csv.body as string;
        expect(text).toContain(`反映 ${FREE_ID_MASKED} 的问题 电话${FREE_MOBILE_MASKED}`);
        expect({ user, leaks: leaks(text) }).toEqual({ user, leaks: [] });
        const md = await getAs(user, `/reports/hotspots/report.md?category=urban-construction&region=${encodeURIComponent(region)}&days=30`);
        expect(md.status).toBe(200);
        expect(md.text).toContain(FREE_ID_MASKED);
        expect({ user, leaks: leaks(md.text) }).toEqual({ user, leaks: [] });
      }
    });

    it('sends no e-mail (invites to leaders and units, the unit digest) with the forms, in subject, text or calendar', () => {
      const dir = join(t.config.dataDir, 'outbox');
      const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      const mails = files.map((f) => readFileSync(join(dir, f), 'utf8'));
      const invites = mails.filter((m) => /text\/calendar/i.test(m));
      expect(invites.length).toBeGreaterThanOrEqual(3); // director, deputy1, UCEC
      const digest = files.findIndex((f) => f.startsWith('reminder-HOUSING-')); // the handling unit's digest of urging notices
      expect(readEml(mails[digest]).subject).toContain('催办通知');
      expect(readEml(mails[digest]).text).toContain(`反映 ${FREE_ID_MASKED} 的问题`);
      for (const [i, raw] of mails.entries()) {
        const parts = [readEml(raw).subject, readEml(raw).text, ...[/text\/plain/i, /text\/calendar/i, /application\/ics/i].map((type) => unfold(mimePart(raw, type)?.body ?? ''))];
        const text = parts.join('\n');
        expect({ file: files[i], leaks: leaks(text) }).toEqual({ file: files[i], leaks: [] });
      }
      const subjects = invites.map((m) => readEml(m).subject);
      expect(subjects.some((s) => s.includes(`督办会 ID${FREE_ID_MASKED}`))).toBe(true);
    });

    it('keeps the forms out of every log line and every response header, even in a path or a request id', async () => {
      const probes = [
        t.http.get(`/cases/a${FREE_ID}`).set(bearer(secretary)).set('X-Request-Id', `a${FREE_ID}`),
        t.http.get('/cases/phone13872651234/timeline').set(bearer(secretary)).set('X-Request-Id', 'phone13872651234'),
        t.http.get(`/cases/${encodeURIComponent('的')}${FREE_ID}`).set(bearer(secretary)).set('X-Request-Id', '00000000-0000-0000-0000-a13872651234'),
        t.http.get(`/cases/${encodeURIComponent('+86 138 7265 1234')}`).set(bearer(secretary)),
      ];
      for (const probe of probes) {
        const res = await probe;
        expect(res.status).toBe(400);
        const headers = JSON.stringify(res.headers);
        expect({ headers: leaks(headers), body: leaks(JSON.stringify(res.body)) }).toEqual({ headers: [], body: [] });
      }
      const access = t.logLines.filter((l) => l.includes('"context":"HTTP"'));
      expect(access.some((l) => l.includes(`/cases/a${FREE_ID_MASKED}`))).toBe(true);
      const leaking = t.logLines.filter((l) => leaks(l).length > 0);
      expect(leaking).toEqual([]);
    });
  });
});
