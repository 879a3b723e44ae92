import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { CreateCaseDto } from '../src/cases/dto/create-case.dto.js';
import { PII_PATTERNS } from '../src/common/pii/masking.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { expectError, idsOf, registerCase, writeCounts } from './support/http-helpers.js';
import { createTestApp, type TestApp, type TestUser } from './support/test-app.js';

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
const MASKED: PetitionerView = {
  name: '张*',
  idNumber: '110***********002X',
  phone: '138****5678',
  address: '湖北省十堰市茅箭区***',
  organisation: '某小区业主委员会',
  masked: true,
};

describe('privacy of petitioners and object-level access', () => {
  let t: TestApp;
  let secretary: string;

  beforeAll(async () => {
    t = await createTestApp();
    secretary = await t.token('secretary');
  });
  afterAll(async () => {
    await t.close();
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
        expect(String(row[column])).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
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
});
