import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { containsPii } from '../src/common/pii/masking.js';
import { bearer, caseBody } from './support/factories.js';
import { expectError } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

/** The forms of issue 10, finding 4, as a caller might type them into any field, key or path. */
const TYPED = ['420302198507151232', '13872651234', '138 7265 1234', '138-7265-1234'];

describe('input hygiene', () => {
  const t = useTestApp();
  let secretary: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
  });

  it.each([
    ['subject', { subject: '   ' }],
    ['region', { region: ' \t ' }],
    ['petitioner.name', { petitioner: { name: '  ' } }],
  ])('refuses a blank %s (spaces only) instead of storing an empty text', async (field, overrides) => {
    const res = await t.http.post('/cases').set(bearer(secretary)).send(caseBody(overrides as never)).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('stores trimmed text', async () => {
    const res = await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ subject: '  物业费上涨  ' })).expect(201);
    expect(res.body.subject).toBe('物业费上涨');
  });

  it('accepts a landline written with the country code, and matches it with the same number written locally', async () => {
    const first = await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '刘一', phone: '+86 27 8888 1234' } })).expect(201);
    expect(first.body.petitioner.phone).toBe('02788881234');
    const second = await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: { name: '刘一', phone: '027-88881234' } })).expect(201);
    expect(second.body.repeatCount).toBe(1);
  });

  it('does not adopt a request id that could carry a phone number or an ID number', async () => {
    const phone = await t.http.get('/health').set('X-Request-Id', '13812345678').expect(200);
    expect(phone.headers['x-request-id']).not.toBe('13812345678');
    const id = await t.http.get('/health').set('X-Request-Id', 'req-11010519491231002X').expect(200);
    expect(id.headers['x-request-id']).not.toContain('11010519491231002X');
    const sane = await t.http.get('/health').set('X-Request-Id', 'console-4f2a').expect(200);
    expect(sane.headers['x-request-id']).toBe('console-4f2a');
  });

  describe('error messages never echo what was typed (issue 10, finding 8)', () => {
    /** The error has its code and a Chinese message, and neither it nor its details repeat personal data, in either language. */
    const expectNoEcho = (res: Response, status: number, code: string): void => {
      expectError(res, status, code);
      const text = JSON.stringify(res.body);
      expect({ code, pii: containsPii(text), typed: TYPED.filter((f) => text.includes(f)) }).toEqual({ code, pii: false, typed: [] });
    };
    const both = async (send: (lang: string) => Promise<Response>, status: number, code: string): Promise<Response> => {
      const zh = await send('zh-CN');
      expectNoEcho(zh, status, code);
      const en = await send('en');
      expect({ status: en.status, code: en.body.code, pii: containsPii(JSON.stringify(en.body)) }).toEqual({ status, code, pii: false });
      for (const f of TYPED) expect(JSON.stringify(en.body)).not.toContain(f);
      return zh;
    };
    const postCase = (body: object) => (lang: string) => t.http.post('/cases').set(bearer(secretary)).set('Accept-Language', lang).send(body);

    it.each([
      ['an ID number', '420302198507151232'],
      ['a mobile after letters', 'phone13872651234'],
      ['an ID number after a letter', 'a420302198507151232'],
      ['a dashed mobile', 'tel-138-7265-1234'],
    ])('refuses an unknown field named with %s without naming it', async (_label, key) => {
      const res = await both(postCase({ ...caseBody(), [key]: 'x' }), 400, 'VALIDATION_FAILED');
      expect(res.body.message).toContain('不允许的字段');
      expect(res.body.details).toEqual([expect.objectContaining({ field: '', constraint: 'whitelistValidation' })]);
    });

    it('says in which object an unnamed unknown field was, and still names a safe one', async () => {
      const nested = await both(postCase(caseBody({ petitioner: { name: '张三', a420302198507151232: 1 } as never })), 400, 'VALIDATION_FAILED');
      expect(nested.body.message).toContain('“petitioner”中有不允许的字段');
      expect(nested.body.details).toEqual([expect.objectContaining({ field: 'petitioner', constraint: 'whitelistValidation' })]);
      const safe = await t.http.post('/cases').set(bearer(secretary)).send({ ...caseBody(), priority: 1 }).expect(400);
      expect(safe.body.message).toContain('不允许的字段“priority”');
    });

    it('names unknown unit codes only when they look like unit codes', async () => {
      const hidden = await both(postCase(caseBody({ unitsInvolved: ['GOV', '13872651234'] })), 400, 'UNKNOWN_UNIT');
      expect(hidden.body.details).toEqual({ codes: [], unshown: 1 });
      const mixed = await both(postCase(caseBody({ unitsInvolved: ['NOPE', 'UNIT13872651234', '138 7265 1234'] })), 400, 'UNKNOWN_UNIT');
      expect(mixed.body.message).toContain('NOPE');
      expect(mixed.body.details).toEqual({ codes: ['NOPE'], unshown: 2 });
    });

    it('refuses an unknown handling unit in an action without naming it', async () => {
      const c = await t.http.post('/cases').set(bearer(secretary)).send(caseBody()).expect(201);
      await t.http.post(`/cases/${c.body.id}/actions`).set(bearer(secretary)).send({ action: 'accept' }).expect(200);
      const act = (lang: string) => t.http.post(`/cases/${c.body.id}/actions`).set(bearer(secretary)).set('Accept-Language', lang).send({ action: 'transfer', handledBy: 'a420302198507151232' });
      await both(act, 400, 'UNKNOWN_UNIT');
      const named = await t.http.post(`/cases/${c.body.id}/actions`).set(bearer(secretary)).send({ action: 'transfer', handledBy: 'NOPE' }).expect(400);
      expect(named.body.message).toContain('NOPE');
    });

    it.each(['/cases/a420302198507151232', '/cases/13872651234/timeline', '/cases/phone13872651234', '/cases/138-7265-1234'])('refuses the malformed id in %s without echoing it', async (path) => {
      const res = await both((lang) => t.http.get(path).set(bearer(secretary)).set('Accept-Language', lang), 400, 'INVALID_ID');
      expect(res.body.details).toEqual({ field: 'id' });
    });

    it('refuses a unit code taken twice without repeating a code that holds a mobile', async () => {
      const admin = await t.token('admin');
      const unit = { code: 'A13872651234', name: '测试单位', kind: 'external', categories: [] };
      await t.http.post('/units').set(bearer(admin)).send(unit).expect(201);
      await both((lang) => t.http.post('/units').set(bearer(admin)).set('Accept-Language', lang).send(unit), 409, 'UNIT_CODE_TAKEN');
      await t.http.post('/units').set(bearer(admin)).send({ ...unit, code: 'EDU2' }).expect(201);
      const named = await t.http.post('/units').set(bearer(admin)).send({ ...unit, code: 'EDU2' }).expect(409);
      expect(named.body.message).toContain('EDU2');
    });
  });
});
