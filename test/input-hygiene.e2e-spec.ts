import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, caseBody } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('input hygiene', () => {
  let t: TestApp;
  let secretary: string;

  beforeAll(async () => {
    t = await createTestApp();
    secretary = await t.token('secretary');
  });
  afterAll(async () => {
    await t.close();
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
});
