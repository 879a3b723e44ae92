import { beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { bearer } from './support/factories.js';
import { useTestApp } from './support/test-app.js';

describe('rules: JSON Schema of the format', () => {
  const t = useTestApp();
  let admin: string;

  beforeAll(async () => {
    admin = await t.token('admin');
  });

  it('serves the draft-07 schema to admin, secretariat and auditor (not leaders or deputies), and it accepts the active set', async () => {
    const res = await t.http.get('/rules/schema').set(bearer(admin)).expect(200);
    expect(res.body).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', title: '规则集', type: 'object' });
    const active = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body as { note: string; precedence: string[]; rules: unknown[] };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(res.body as object);
    expect(validate({ note: active.note, precedence: active.precedence, rules: active.rules })).toBe(true);
    expect(validate({ note: 'x', rules: [{ name: 'r', priority: 0 }] })).toBe(false);

    for (const user of ['secretary', 'auditor'] as const) await t.http.get('/rules/schema').set(bearer(await t.token(user))).expect(200);
    for (const user of ['director', 'deputy1'] as const) {
      const refused = await t.http.get('/rules/schema').set(bearer(await t.token(user))).expect(403);
      expect(refused.body.code).toEqual(expect.any(String));
    }
    await t.http.get('/rules/schema').expect(401);
  });
});
