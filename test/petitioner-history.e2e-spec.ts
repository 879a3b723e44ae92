import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { bearer, idNumber } from './support/factories.js';
import { expectError, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

interface History {
  windowMonths: number;
  total: number;
  cases: { id: string; code: string; subject: string; status: string; grade: string; receivedAt: string; registeredAt: string }[];
}

const ID = idNumber('42030319800101123');
const PHONE = '13912345678';

describe('POST /cases/petitioner-history (the intake form\'s hint)', () => {
  const t = useTestApp();
  let secretary: string;
  const lookup = (body: unknown, token = secretary) => t.http.post('/cases/petitioner-history').set(bearer(token)).send(body as object);

  beforeAll(async () => {
    secretary = await t.token('secretary');
  });

  it('finds the earlier cases of the petitioner by ID number and by phone, newest first', async () => {
    const first = await registerCase<{ id: string; code: string }>(t, secretary, { petitioner: { name: '赵六', idNumber: ID }, receivedAt: '2026-03-02T09:00:00+08:00' });
    const second = await registerCase<{ id: string; code: string }>(t, secretary, { petitioner: { name: '赵六', idNumber: ID, phone: PHONE }, receivedAt: '2026-10-08T09:00:00+08:00' });
    await registerCase(t, secretary, { petitioner: { name: '钱七', idNumber: idNumber('42030319800101456'), phone: '13900000000' } });

    const byId = await lookup({ idNumber: ID.toLowerCase() }).expect(200);
    expect(byId.body).toEqual({
      windowMonths: 12,
      total: 2,
      cases: [
        { id: second.id, code: second.code, subject: expect.any(String), status: 'registered', grade: 'normal', receivedAt: '2026-10-08T01:00:00.000Z', registeredAt: expect.any(String) },
        { id: first.id, code: first.code, subject: expect.any(String), status: 'registered', grade: 'normal', receivedAt: '2026-03-02T01:00:00.000Z', registeredAt: expect.any(String) },
      ],
    });
    const byPhone = (await lookup({ phone: '+86 139-1234-5678' }).expect(200)).body as History;
    expect(byPhone.cases.map((c) => c.id)).toEqual([second.id]);
    const byEither = (await lookup({ idNumber: ID, phone: PHONE }).expect(200)).body as History;
    expect([byEither.total, byEither.cases.map((c) => c.id)]).toEqual([2, [second.id, first.id]]);
    const stranger = (await lookup({ idNumber: idNumber('11010519491231002') }).expect(200)).body as History;
    expect(stranger).toEqual({ windowMonths: 12, total: 0, cases: [] });
  });

  it('leaves out cases received more than 12 months ago', async () => {
    const id = idNumber('42030319800101789');
    const c = await registerCase<{ id: string }>(t, secretary, { petitioner: { name: '孙八', idNumber: id } });
    expect(((await lookup({ idNumber: id }).expect(200)).body as History).cases.map((x) => x.id)).toEqual([c.id]);
    const start = t.clock.now();
    try {
      t.clock.set('2027-11-26T02:00:00.000Z'); // received 2026-11-25: 12 months and a day before
      expect((await lookup({ idNumber: id }).expect(200)).body).toEqual({ windowMonths: 12, total: 0, cases: [] });
      t.clock.set('2027-11-24T02:00:00.000Z');
      expect(((await lookup({ idNumber: id }).expect(200)).body as History).total).toBe(1);
    } finally {
      t.clock.set(start);
    }
  });

  it('is for admins and the secretariat only', async () => {
    await lookup({ idNumber: ID }, await t.token('admin')).expect(200);
    for (const user of ['director', 'auditor'] as const) {
      const res = await lookup({ idNumber: ID }, await t.token(user));
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(ID);
    }
    await t.http.post('/cases/petitioner-history').send({ idNumber: ID }).expect(401);
  });

  it.each([
    ['nothing', {}, 'PETITIONER_LOOKUP_REQUIRED'],
    ['blanks', { idNumber: '  ', phone: '' }, 'PETITIONER_LOOKUP_REQUIRED'],
    ['an ID number with a wrong check digit', { idNumber: ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1') }, 'INVALID_ID_NUMBER'],
    ['a phone that is no phone number', { phone: '12345' }, 'INVALID_PHONE'],
    ['a valid ID with a bad phone', { idNumber: ID, phone: '139123456789999' }, 'INVALID_PHONE'],
    ['an ID number that is not text', { idNumber: 4203031980 }, 'VALIDATION_FAILED'],
    ['an over-long ID number', { idNumber: ID.repeat(3) }, 'VALIDATION_FAILED'],
    ['an unknown field', { idNumber: ID, name: '赵六' }, 'VALIDATION_FAILED'],
    ['an array', [ID], 'VALIDATION_FAILED'],
  ])('refuses %s with a 400 and a stable code, naming nothing typed', async (_what, body, code) => {
    const res = await lookup(body);
    expectError(res, 400, code);
    const text = JSON.stringify(res.body);
    for (const typed of [ID, ID.slice(0, 17), '12345', '139123456789999', '4203031980', '赵六']) expect(text).not.toContain(typed);
  });

  it('never writes the number or the phone to the log', async () => {
    await lookup({ idNumber: ID, phone: PHONE }).expect(200);
    await lookup({ idNumber: '42030319800101123X' });
    expect(t.logLines.filter((line) => line.includes(ID) || line.includes(PHONE) || line.includes('42030319800101123X'))).toEqual([]);
  });
});

describe('petitioner history during a key rotation', () => {
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);
  const t = useTestApp({ env: { PII_KEY: keyB.toString('hex'), PII_KEY_PREVIOUS: keyA.toString('hex') } });

  it('finds a case whose lookup hashes are still under the previous key', async () => {
    const secretary = await t.token('secretary');
    const id = idNumber('42030319900202123');
    const c = await registerCase<{ id: string }>(t, secretary, { petitioner: { name: '周九', idNumber: id, phone: PHONE } });
    // As a row not rotated yet: its hashes are key A's.
    const a = new PiiCipher(keyA);
    await t.dataSource.query('UPDATE cases SET petitionerIdHash = ?, petitionerPhoneHash = ? WHERE id = ?', [a.lookupHash('id', id), a.lookupHash('phone', PHONE), c.id]);
    for (const body of [{ idNumber: id }, { phone: PHONE }]) {
      const res = await t.http.post('/cases/petitioner-history').set(bearer(secretary)).send(body).expect(200);
      expect((res.body as History).cases.map((x) => x.id)).toEqual([c.id]);
    }
  });
});
