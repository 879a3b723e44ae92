import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/factories.js';
import { useTestApp, PASSWORD } from './support/test-app.js';

describe('auth, directory, health and API docs', () => {
  const t = useTestApp();
  let admin: string;
  let secretary: string;

  beforeAll(async () => {
    admin = await t.token('admin');
    secretary = await t.token('secretary');
  });

  it('logs in with the first admin from the environment and refuses wrong passwords alike for known and unknown users', async () => {
    const ok = await t.http.post('/auth/login').send({ username: 'admin', password: PASSWORD }).expect(200);
    expect(ok.body.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(ok.body.user.passwordHash).toBeUndefined();
    const wrong = await t.http.post('/auth/login').send({ username: 'admin', password: 'nope-nope' }).expect(401);
    const unknown = await t.http.post('/auth/login').send({ username: 'ghost', password: 'nope-nope' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body).toMatchObject({ code: wrong.body.code, message: wrong.body.message });
    const me = await t.http.get('/auth/me').set(bearer(secretary)).expect(200);
    expect(me.body).toMatchObject({ username: 'secretary', role: 'secretariat' });
  });

  it('stores password hashes, never passwords', async () => {
    const rows: { passwordHash: string }[] = await t.dataSource.query("SELECT passwordHash FROM users WHERE username = 'admin'");
    expect(rows[0].passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0].passwordHash).not.toContain(PASSWORD);
  });

  it('lets only admins manage users, and refuses duplicate usernames', async () => {
    await t.http.get('/users').set(bearer(secretary)).expect(403);
    const created = await t.http
      .post('/users')
      .set(bearer(admin))
      .send({ username: 'clerk2', password: 'clerk-pass-2026', role: 'secretariat', displayName: '李文书' })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'clerk2', role: 'secretariat', active: true });
    const dup = await t.http
      .post('/users')
      .set(bearer(admin))
      .send({ username: 'clerk2', password: 'clerk-pass-2026', role: 'secretariat', displayName: '李文书' })
      .expect(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
    await t.http.patch(`/users/${created.body.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    await t.http.post('/auth/login').send({ username: 'clerk2', password: 'clerk-pass-2026' }).expect(401);
  });

  it('seeds the shipped directory (config/directory) and lets admins edit it', async () => {
    const units = await t.http.get('/units').set(bearer(secretary)).expect(200);
    const codes = units.body.map((u: { code: string }) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['OFFICE', 'LAC', 'DAC', 'FEC', 'UCEC', 'SDC', 'ESCH', 'ARC', 'SJC', 'GOV', 'SUP', 'COURT', 'PROC']));
    const lac = units.body.find((u: { code: string }) => u.code === 'LAC');
    expect(lac).toMatchObject({ name: '法制工作委员会', shortName: '法工委', kind: 'committee' });

    await t.http.post('/units').set(bearer(secretary)).send({ code: 'EDU', name: '市教育局', kind: 'external', categories: [] }).expect(403);
    const edu = await t.http
      .post('/units')
      .set(bearer(admin))
      .send({ code: 'EDU', name: '市教育局', kind: 'external', categories: ['education-health-culture'] })
      .expect(201);
    const patched = await t.http.patch(`/units/${edu.body.id}`).set(bearer(admin)).send({ email: 'xf@edu.example.cn' }).expect(200);
    expect(patched.body.email).toBe('xf@edu.example.cn');
    expect((await t.http.get(`/units/${edu.body.id}`).set(bearer(secretary)).expect(200)).body.email).toBe('xf@edu.example.cn');
    const dup = await t.http.post('/units').set(bearer(admin)).send({ code: 'EDU', name: '重复', kind: 'external', categories: [] }).expect(409);
    expect(dup.body.code).toBe('UNIT_CODE_TAKEN');
    const badKind = await t.http.post('/units').set(bearer(admin)).send({ code: 'X1', name: 'x', kind: 'ministry', categories: [] }).expect(400);
    expect(badKind.body.details[0].field).toBe('kind');
  });

  it('keeps leaders with rank, portfolio, regions and capacity, and their busy blocks', async () => {
    const leaders = await t.http.get('/leaders').set(bearer(secretary)).expect(200);
    const ranks = leaders.body.map((l: { rank: string }) => l.rank);
    expect(ranks.filter((r: string) => r === 'director')).toHaveLength(1);
    expect(ranks.filter((r: string) => r === 'deputy-director')).toHaveLength(4);
    const id = t.leaders.get('deputy-1') as string;
    const busy = await t.http
      .put(`/leaders/${id}/busy`)
      .set(bearer(secretary))
      .send([{ start: '2026-12-08T09:00:00+08:00', end: '2026-12-08T12:00:00+08:00', reason: '外出调研' }])
      .expect(200);
    expect(busy.body).toHaveLength(1);
    const listed = await t.http.get(`/leaders/${id}/busy`).set(bearer(secretary)).expect(200);
    expect(listed.body[0]).toMatchObject({ reason: '外出调研', startAt: '2026-12-08T01:00:00.000Z', endAt: '2026-12-08T04:00:00.000Z' });
    const reversed = await t.http
      .put(`/leaders/${id}/busy`)
      .set(bearer(secretary))
      .send([{ start: '2026-12-08T12:00:00+08:00', end: '2026-12-08T09:00:00+08:00' }])
      .expect(400);
    expect(reversed.body.code).toBe('BUSY_BLOCK_INVALID');
    const notArray = await t.http.put(`/leaders/${id}/busy`).set(bearer(secretary)).send({ start: 'x' }).expect(400);
    expect(notArray.body.code).toBe('VALIDATION_FAILED');
    // A failed replace keeps the blocks there were.
    expect((await t.http.get(`/leaders/${id}/busy`).set(bearer(secretary)).expect(200)).body).toHaveLength(1);
    const missing = await t.http.get('/leaders/6f1c2a58-1b1d-4c41-9a55-0d6f4f2b9a10').set(bearer(secretary)).expect(404);
    expect(missing.body.code).toBe('LEADER_NOT_FOUND');

    const deputies = await t.http.get('/deputies').set(bearer(secretary)).expect(200);
    expect(deputies.body.map((d: { profession: string }) => d.profession)).toEqual(expect.arrayContaining(['律师', '教师', '医生']));
  });

  it("seeds the petition office's ten responsibilities (职责清单) and the meeting rooms, under /directory too", async () => {
    const units = (await t.http.get('/directory/units').set(bearer(secretary)).expect(200)).body as { code: string; responsibilities: string[] }[];
    const office = units.find((u) => u.code === 'OFFICE');
    expect(office?.responsibilities).toHaveLength(10);
    expect(office?.responsibilities[0]).toContain('来信必登、有访必接');
    expect(office?.responsibilities).toEqual(expect.arrayContaining([expect.stringContaining('对疑难复杂信访事项，由信访室牵头定期会商、联合研判')]));
    expect(units.find((u) => u.code === 'LAC')?.responsibilities).toEqual([]);
    const sameUnits = (await t.http.get('/units').set(bearer(secretary)).expect(200)).body as unknown[];
    expect(sameUnits).toEqual(units);

    const rooms = (await t.http.get('/directory/rooms').set(bearer(secretary)).expect(200)).body as { name: string; capacity: number; active: boolean }[];
    expect(rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['常委会第三会议室', '信访接待室']));
    expect(rooms.every((r) => r.capacity > 0 && r.active)).toBe(true);
    await t.http.get('/directory/rooms').set(bearer(await t.token('director'))).expect(403);
  });

  it('lets admins and the secretariat correct a deputy, and admins link a user to a leader', async () => {
    const deputies = (await t.http.get('/directory/deputies').set(bearer(secretary)).expect(200)).body as { id: string; name: string; station: string }[];
    const first = deputies[0];
    const moved = await t.http.patch(`/deputies/${first.id}`).set(bearer(secretary)).send({ station: '郧阳区人大代表之家', active: false }).expect(200);
    expect(moved.body).toMatchObject({ id: first.id, name: first.name, station: '郧阳区人大代表之家', active: false });
    const reread = (await t.http.get('/deputies').set(bearer(secretary)).expect(200)).body as { id: string; station: string; active: boolean }[];
    expect(reread.find((d) => d.id === first.id)).toMatchObject({ station: '郧阳区人大代表之家', active: false });
    await t.http.patch(`/deputies/${first.id}`).set(bearer(secretary)).send({ profession: 'x'.repeat(51) }).expect(400);

    const leaderId = t.leaders.get('deputy-2') as string;
    const user = await t.http.post('/users').set(bearer(admin)).send({ username: 'liaison', password: 'harbor-lantern-2026', role: 'leader', displayName: '联络员' }).expect(201);
    expect(user.body.leaderId).toBeNull();
    const linked = await t.http.patch(`/users/${user.body.id}`).set(bearer(admin)).send({ leaderId }).expect(200);
    expect(linked.body).toMatchObject({ leaderId, role: 'leader', active: true });
    const listed = (await t.http.get('/users').set(bearer(admin)).expect(200)).body as { id: string; leaderId: string | null }[];
    expect(listed.find((u) => u.id === user.body.id)?.leaderId).toBe(leaderId);
    expect((await t.http.patch(`/users/${user.body.id}`).set(bearer(admin)).send({ leaderId: null }).expect(200)).body.leaderId).toBeNull();
    await t.http.patch(`/users/${user.body.id}`).set(bearer(admin)).send({ leaderId: 'not-a-uuid' }).expect(400);
  });

  it('reports health without a token, and serves the OpenAPI document', async () => {
    const health = await t.http.get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { ok: true }, queue: { ok: true } });
    const docs = await t.http.get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/cases', '/cases/{id}/actions', '/auth/login', '/units', '/leaders/{id}/busy']));
    await t.http.get('/docs').expect(200);
  });

  it('documents one optional Idempotency-Key header on POST /cases', async () => {
    const docs = await t.http.get('/docs-json').expect(200);
    const headers = (docs.body.paths['/cases'].post.parameters as { in: string; name: string; required?: boolean }[]).filter((p) => p.in === 'header');
    expect(headers).toEqual([expect.objectContaining({ name: 'Idempotency-Key', required: false })]);
  });

  it('answers unknown routes and missing tokens with the error model', async () => {
    const missing = await t.http.get('/nowhere').set(bearer(secretary)).expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
    const anonymous = await t.http.get('/cases').expect(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('登录') });
    const english = await t.http.get('/cases').set('Accept-Language', 'en-US').expect(401);
    expect(english.body.message).toMatch(/sign in/i);
    expect(anonymous.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
  });
});
