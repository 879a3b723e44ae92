import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, randomBytes, scryptSync } from 'node:crypto';
import { bearer } from './support/factories.js';
import { AUTH_CLOCK } from '../src/auth/auth-clock.js';
import { FakeClock } from './support/fake-clock.js';
import { createTestApp, useTestApp, PASSWORD, type TestApp, TEST_MODE } from './support/test-app.js';

/**
 * Issue 10, finding 1: sessions can be revoked. Short-lived access tokens name their session and the
 * user's token version; each request re-reads both through a short cache; refresh tokens rotate and a
 * replayed one ends the session. Finding 11 and 12: password policy, Argon2id, PATCH answers in full.
 */
interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionExpiresAt: string;
  user: { id: string; role: string; active: boolean };
}

const STRONG = 'Lichee-harvest-2026-秋';

describe('revocable sessions', () => {
  let admin: string;
  // Sessions run on wall time (AUTH_CLOCK), apart from the service clock; this one can be moved.
  const authClock = new FakeClock(new Date());
  const t = useTestApp({ env: { AUTH_CACHE_MS: '200' }, overrides: [{ provide: AUTH_CLOCK, useValue: authClock }] });

  beforeAll(async () => {
    admin = await t.token('admin');
  });

  async function newUser(role: 'secretariat' | 'admin' | 'auditor' = 'secretariat'): Promise<{ id: string; username: string }> {
    const username = `u${randomBytes(4).toString('hex')}`;
    const res = await t.http.post('/users').set(bearer(admin)).send({ username, password: STRONG, role, displayName: '测试用户' }).expect(201);
    return { id: (res.body as { id: string }).id, username };
  }

  async function login(username: string, password = STRONG): Promise<SignedIn> {
    const res = await t.http.post('/auth/login').send({ username, password }).expect(200);
    return res.body as SignedIn;
  }

  it('signs in with a short-lived access token that has an expiry, and a refresh token', async () => {
    const { username } = await newUser();
    const s = await login(username);
    expect(s.expiresIn).toBe(900);
    expect(s.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const claims = JSON.parse(Buffer.from(s.accessToken.split('.')[1], 'base64url').toString()) as { exp: number; iat: number; sid: string; tv: number };
    expect(claims.exp - claims.iat).toBe(900);
    expect(claims.tv).toBe(0);
    const me = await t.http.get('/auth/me').set(bearer(s.accessToken)).expect(200);
    expect(me.body).toMatchObject({ username, role: 'secretariat', sessionId: claims.sid });
  });

  it('refuses a disabled user at once: no more cases with personal data, no more registrations', async () => {
    const { id, username } = await newUser();
    const s = await login(username);
    await t.http.get('/cases').set(bearer(s.accessToken)).expect(200);
    const patched = await t.http.patch(`/users/${id}`).set(bearer(admin)).send({ active: false }).expect(200);
    expect(patched.body).toMatchObject({ id, username, role: 'secretariat', active: false });
    const refused = await t.http.get('/cases').set(bearer(s.accessToken)).expect(401);
    expect(refused.body.code).toBe('SESSION_ENDED');
    await t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    await t.http.post('/auth/login').send({ username, password: STRONG }).expect(401);
  });

  it('refuses the token of a user deleted from the database once the cache interval has passed', async () => {
    const { id, username } = await newUser();
    const s = await login(username);
    await t.http.get('/cases').set(bearer(s.accessToken)).expect(200);
    await t.dataSource.query('DELETE FROM auth_sessions WHERE userId = ?', [id]);
    await t.dataSource.query('DELETE FROM users WHERE id = ?', [id]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await t.http.get('/cases').set(bearer(s.accessToken)).expect(401)).body.code).toBe('SESSION_ENDED');
  });

  it('ends an admin demoted to auditor with a new password: the old token is refused, the new sign-in has the new role', async () => {
    const { id, username } = await newUser('admin');
    const s = await login(username);
    await t.http.get('/users').set(bearer(s.accessToken)).expect(200);
    const patched = await t.http.patch(`/users/${id}`).set(bearer(admin)).send({ role: 'auditor', password: 'Auditor-only-now-2026' }).expect(200);
    expect(patched.body).toMatchObject({ role: 'auditor', active: true });
    await t.http.get('/users').set(bearer(s.accessToken)).expect(401);
    const again = await login(username, 'Auditor-only-now-2026');
    await t.http.get('/users').set(bearer(again.accessToken)).expect(403);
  });

  it('refuses a correctly signed token without an expiry, or without its session', async () => {
    const { id, username } = await newUser();
    const s = await login(username);
    const claims = JSON.parse(Buffer.from(s.accessToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    const jwt = new JwtService({ secret: createSecretKey(Buffer.from(t.env.JWT_SECRET, 'utf8')) });
    const { exp: _exp, iat: _iat, ...rest } = claims;
    const noExpiry = await jwt.signAsync(rest, { algorithm: 'HS256', noTimestamp: true });
    expect((await t.http.get('/auth/me').set(bearer(noExpiry)).expect(401)).body.code).toBe('UNAUTHENTICATED');
    const noSession = await jwt.signAsync({ sub: id, tv: 0, role: 'admin', username, name: 'x' }, { algorithm: 'HS256', expiresIn: 600 });
    await t.http.get('/auth/me').set(bearer(noSession)).expect(401);
    const otherSession = await jwt.signAsync({ ...rest, sid: randomUUID() }, { algorithm: 'HS256', expiresIn: 600 });
    await t.http.get('/auth/me').set(bearer(otherSession)).expect(401);
  });

  it('rotates the refresh token; a replayed one ends the whole session', async () => {
    const { username } = await newUser();
    const first = await login(username);
    const second = (await t.http.post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body as SignedIn;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http.get('/auth/me').set(bearer(second.accessToken)).expect(200);
    // The first refresh token again: someone copied it. The session ends for both holders.
    expect((await t.http.post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401)).body.code).toBe('SESSION_ENDED');
    await t.http.get('/auth/me').set(bearer(second.accessToken)).expect(401);
    await t.http.post('/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    const rows: { revokedReason: string }[] = await t.dataSource.query('SELECT s.revokedReason FROM auth_sessions s JOIN users u ON u.id = s.userId WHERE u.username = ?', [username]);
    expect(rows).toEqual([{ revokedReason: 'refresh-reuse' }]);
  });

  it('stores refresh tokens only as hashes', async () => {
    const { username } = await newUser();
    const s = await login(username);
    const rows: { refreshHash: string }[] = await t.dataSource.query('SELECT s.refreshHash FROM auth_sessions s JOIN users u ON u.id = s.userId WHERE u.username = ?', [username]);
    expect(rows).toHaveLength(1);
    expect(rows[0].refreshHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].refreshHash).not.toContain(s.refreshToken);
  });

  it('logs out: the access and the refresh token stop working, other sessions go on', async () => {
    const { username } = await newUser();
    const a = await login(username);
    const b = await login(username);
    await t.http.post('/auth/logout').set(bearer(a.accessToken)).expect(204);
    await t.http.get('/auth/me').set(bearer(a.accessToken)).expect(401);
    await t.http.post('/auth/refresh').send({ refreshToken: a.refreshToken }).expect(401);
    await t.http.get('/auth/me').set(bearer(b.accessToken)).expect(200);
  });

  it('lets an access token expire after 15 minutes, and the refresh token bring a new one', async () => {
    const { username } = await newUser();
    const s = await login(username);
    authClock.advanceMs(901_000);
    try {
      await t.http.get('/auth/me').set(bearer(s.accessToken)).expect(401);
      const renewed = (await t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken }).expect(200)).body as SignedIn;
      await t.http.get('/auth/me').set(bearer(renewed.accessToken)).expect(200);
      // A session ends 12 hours after sign-in, however often it is refreshed.
      authClock.advanceMs(12 * 3_600_000);
      await t.http.post('/auth/refresh').send({ refreshToken: renewed.refreshToken }).expect(401);
    } finally {
      authClock.advanceMs(-(901_000 + 12 * 3_600_000));
    }
  });

  it('changes one\'s own password: other sessions end, this one continues with new tokens', async () => {
    const { username } = await newUser();
    const a = await login(username);
    const b = await login(username);
    const wrong = await t.http.post('/auth/password').set(bearer(a.accessToken)).send({ currentPassword: 'not-the-password', newPassword: 'Another-long-one-2027' }).expect(400);
    expect(wrong.body.details[0].field).toBe('currentPassword');
    const changed = (await t.http.post('/auth/password').set(bearer(a.accessToken)).send({ currentPassword: STRONG, newPassword: 'Another-long-one-2027' }).expect(200)).body as SignedIn;
    await t.http.get('/auth/me').set(bearer(b.accessToken)).expect(401);
    await t.http.get('/auth/me').set(bearer(a.accessToken)).expect(401);
    await t.http.get('/auth/me').set(bearer(changed.accessToken)).expect(200);
    await t.http.post('/auth/login').send({ username, password: 'Another-long-one-2027' }).expect(200);
  });

  it('signs a user out everywhere on an admin\'s request', async () => {
    const { id, username } = await newUser();
    const s = await login(username);
    await t.http.post(`/users/${id}/sessions/revoke`).set(bearer(admin)).expect(204);
    await t.http.get('/auth/me').set(bearer(s.accessToken)).expect(401);
    await t.http.post(`/users/${randomUUID()}/sessions/revoke`).set(bearer(admin)).expect(404);
    await t.http.post(`/users/${id}/sessions/revoke`).set(bearer(s.accessToken)).expect(401);
  });

  it('never disables or demotes the last active admin', async () => {
    const users = (await t.http.get('/users').set(bearer(admin)).expect(200)).body as { id: string; role: string; active: boolean; username: string }[];
    for (const u of users.filter((x) => x.role === 'admin' && x.active && x.username !== 'admin')) {
      await t.http.patch(`/users/${u.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    }
    const me = users.find((u) => u.username === 'admin');
    const refused = await t.http.patch(`/users/${me?.id}`).set(bearer(admin)).send({ active: false }).expect(409);
    expect(refused.body.code).toBe('LAST_ADMIN');
    await t.http.patch(`/users/${me?.id}`).set(bearer(admin)).send({ role: 'auditor' }).expect(409);
  });
});

describe('accounts: passwords and hostile input', () => {
  const t = useTestApp();
  let admin: string;

  beforeAll(async () => {
    admin = await t.token('admin');
  });

  it.each([
    ['12345678', 'PASSWORD_TOO_SHORT'],
    ['password', 'PASSWORD_TOO_SHORT'],
    ['        ', 'PASSWORD_TOO_SHORT'],
    ['password1234', 'PASSWORD_TOO_COMMON'],
    ['qwerty123456', 'PASSWORD_TOO_COMMON'],
    ['clerk-zhao-secret', 'PASSWORD_CONTAINS_USERNAME'],
  ])('refuses the password %j with %s', async (password, code) => {
    const res = await t.http.post('/users').set(bearer(admin)).send({ username: 'clerk-zhao', password, role: 'secretariat', displayName: '赵' }).expect(400);
    expect(res.body.code).toBe(code);
    expect(res.body.message).not.toContain(password.trim() || 'x');
  });

  it('refuses nulls in a user change with a 400, never a 500', async () => {
    const created = await t.http.post('/users').set(bearer(admin)).send({ username: 'nulls', password: STRONG, role: 'auditor', displayName: '空值' }).expect(201);
    const id = (created.body as { id: string }).id;
    for (const body of [{ active: null }, { password: null }, { role: null }, { displayName: null }]) {
      const res = await t.http.patch(`/users/${id}`).set(bearer(admin)).send(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const unchanged = await t.http.patch(`/users/${id}`).set(bearer(admin)).send({}).expect(200);
    expect(unchanged.body).toMatchObject({ id, role: 'auditor', active: true, displayName: '空值' });
  });

  it('gives concurrent creations of one username one 201 and 409s, no 500', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => t.http.post('/users').set(bearer(admin)).send({ username: 'twin', password: STRONG, role: 'auditor', displayName: '重名' })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['USERNAME_TAKEN']));
  });

  it('stores Argon2id hashes and replaces an old scrypt hash at the next sign-in', async () => {
    const created = await t.http.post('/users').set(bearer(admin)).send({ username: 'legacy', password: STRONG, role: 'auditor', displayName: '旧' }).expect(201);
    const id = (created.body as { id: string }).id;
    const [fresh] = await t.dataSource.query<{ passwordHash: string }[]>('SELECT passwordHash FROM users WHERE id = ?', [id]);
    expect(fresh.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const salt = randomBytes(16);
    const legacy = ['scrypt', 16384, 8, 1, salt.toString('base64'), scryptSync(STRONG, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')].join('$');
    await t.dataSource.query('UPDATE users SET passwordHash = ? WHERE id = ?', [legacy, id]);
    await t.http.post('/auth/login').send({ username: 'legacy', password: STRONG }).expect(200);
    const [after] = await t.dataSource.query<{ passwordHash: string }[]>('SELECT passwordHash FROM users WHERE id = ?', [id]);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    await t.http.post('/auth/login').send({ username: 'legacy', password: STRONG }).expect(200);
  });

  it('still signs in the test users with the suite password', async () => {
    expect(PASSWORD.length).toBeGreaterThanOrEqual(12);
    await t.http.post('/auth/login').send({ username: 'admin', password: PASSWORD }).expect(200);
  });
});

const describeShared = TEST_MODE.mysql ? describe : describe.skip;

describeShared('two instances on one database: a disabled user is refused on both', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp({ env: { AUTH_CACHE_MS: '1000' } });
    const shared = ['DATABASE_URL', 'PII_KEY', 'JWT_SECRET', 'REDIS_URL', 'QUEUE_PREFIX', 'AUTH_CACHE_MS'];
    b = await createTestApp({ clock: a.clock, env: Object.fromEntries(shared.filter((k) => a.env[k] !== undefined).map((k) => [k, a.env[k]])) });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('within the cache interval on the other instance, at once on the one that changed it', async () => {
    const admin = await a.token('admin');
    const created = await a.http.post('/users').set(bearer(admin)).send({ username: 'roamer', password: STRONG, role: 'secretariat', displayName: '两地' }).expect(201);
    const s = (await b.http.post('/auth/login').send({ username: 'roamer', password: STRONG }).expect(200)).body as SignedIn;
    // Both instances have the session cached.
    await a.http.get('/cases').set(bearer(s.accessToken)).expect(200);
    await b.http.get('/cases').set(bearer(s.accessToken)).expect(200);
    const disabledAt = Date.now();
    await a.http.patch(`/users/${(created.body as { id: string }).id}`).set(bearer(admin)).send({ active: false }).expect(200);
    await a.http.get('/cases').set(bearer(s.accessToken)).expect(401);
    let refusedAfter = -1;
    while (Date.now() - disabledAt < 3000) {
      const res = await b.http.get('/auth/me').set(bearer(s.accessToken));
      if (res.status === 401) {
        refusedAfter = Date.now() - disabledAt;
        break;
      }
      expect(res.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(refusedAfter).toBeLessThanOrEqual(1000 + 250);
  });
});

const describeRedis = TEST_MODE.mysql && TEST_MODE.redis ? describe : describe.skip;

describeRedis('two instances with Redis: a change reaches the other instance at once, not at cache expiry', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // A cache of one minute: only the message through Redis can end access on the other instance in time.
    a = await createTestApp({ env: { AUTH_CACHE_MS: '60000' } });
    const shared = ['DATABASE_URL', 'PII_KEY', 'JWT_SECRET', 'REDIS_URL', 'QUEUE_PREFIX', 'AUTH_CACHE_MS'];
    b = await createTestApp({ clock: a.clock, env: Object.fromEntries(shared.filter((k) => a.env[k] !== undefined).map((k) => [k, a.env[k]])) });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  async function refusedWithin(app: TestApp, token: string, limitMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < limitMs) {
      const res = await app.http.get('/auth/me').set(bearer(token));
      if (res.status === 401) return Date.now() - started;
      expect(res.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return -1;
  }

  it('disabling a user on one instance ends the token on the other within a second', async () => {
    const admin = await a.token('admin');
    const created = await a.http.post('/users').set(bearer(admin)).send({ username: 'courier', password: STRONG, role: 'secretariat', displayName: '信使' }).expect(201);
    const s = (await b.http.post('/auth/login').send({ username: 'courier', password: STRONG }).expect(200)).body as SignedIn;
    await b.http.get('/auth/me').set(bearer(s.accessToken)).expect(200);
    await a.http.patch(`/users/${(created.body as { id: string }).id}`).set(bearer(admin)).send({ active: false }).expect(200);
    const after = await refusedWithin(b, s.accessToken, 5000);
    expect(after).toBeGreaterThanOrEqual(0);
    expect(after).toBeLessThan(1000);
  });

  it('signing out on one instance ends the access token on the other within a second', async () => {
    const admin = await a.token('admin');
    await a.http.post('/users').set(bearer(admin)).send({ username: 'walker', password: STRONG, role: 'auditor', displayName: '行者' }).expect(201);
    const s = (await a.http.post('/auth/login').send({ username: 'walker', password: STRONG }).expect(200)).body as SignedIn;
    await b.http.get('/auth/me').set(bearer(s.accessToken)).expect(200);
    await a.http.post('/auth/logout').set(bearer(s.accessToken)).expect(204);
    const after = await refusedWithin(b, s.accessToken, 5000);
    expect(after).toBeGreaterThanOrEqual(0);
    expect(after).toBeLessThan(1000);
  });
});
