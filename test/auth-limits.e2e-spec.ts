import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/factories.js';
import { AUTH_CLOCK } from '../src/auth/auth-clock.js';
import { FakeClock } from './support/fake-clock.js';
import { createTestApp, useTestApp, PASSWORD, TEST_MODE } from './support/test-app.js';

/**
 * Issue 10, findings 5 and 10: brute-force protection at sign-in (per account and per client address,
 * growing locks, audited), general request limits per user and per address (calendar feeds included),
 * and the security headers of every answer.
 */
const STRONG = 'Lichee-harvest-2026-秋';
/** Sign-in limits run on wall time (AUTH_CLOCK); in-process counters follow this movable one. */
const authClock = new FakeClock(new Date());
const overrides = [{ provide: AUTH_CLOCK, useValue: authClock }];

describe('sign-in brute-force protection', () => {
  const t = useTestApp({ env: { LOGIN_MAX_FAILURES: '5', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' }, overrides });
  let admin: string;

  beforeAll(async () => {
    admin = await t.token('admin');
  });

  it('locks an account after 5 failures (429 with Retry-After, even for the right password), audits it, and lets it in after the lock', async () => {
    await t.http.post('/users').set(bearer(admin)).send({ username: 'target', password: STRONG, role: 'secretariat', displayName: '目标' }).expect(201);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.http.post('/auth/login').send({ username: 'target', password: `wrong-guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const fifth = await t.http.post('/auth/login').send({ username: 'target', password: 'wrong-guess-4' }).expect(429);
    expect(fifth.body.code).toBe('LOGIN_LOCKED');
    expect(fifth.body.message).toContain('登录失败次数过多');
    expect(Number(fifth.headers['retry-after'])).toBe(30);
    const right = await t.http.post('/auth/login').send({ username: 'target', password: STRONG }).expect(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const audit: { action: string; n: number }[] = await t.dataSource.query(
      "SELECT action, COUNT(*) AS n FROM audit_log WHERE action IN ('auth.login-failed', 'auth.lockout') AND entityId = (SELECT id FROM users WHERE username = 'target') GROUP BY action ORDER BY action",
    );
    expect(audit.map((a) => [a.action, Number(a.n)])).toEqual([
      ['auth.lockout', 1],
      ['auth.login-failed', 5],
    ]);
    if (!TEST_MODE.redis) {
      // 31 s later the lock is over.
      authClock.advanceMs(31_000);
      await t.http.post('/auth/login').send({ username: 'target', password: STRONG }).expect(200);
    }
  });

  it('locks longer at each further failure within the window, and counts afresh after it', async () => {
    await t.http.post('/users').set(bearer(admin)).send({ username: 'target2', password: STRONG, role: 'secretariat', displayName: '目标二' }).expect(201);
    for (let i = 0; i < 4; i++) await t.http.post('/auth/login').send({ username: 'target2', password: `nope-${i}` }).expect(401);
    const retryAfter = [Number((await t.http.post('/auth/login').send({ username: 'target2', password: 'nope-4' }).expect(429)).headers['retry-after'])];
    if (TEST_MODE.redis) {
      expect(retryAfter).toEqual([30]);
      return;
    }
    for (const wait of [31_000, 61_000]) {
      // The lock ends; the next guess is wrong again: the lock doubles.
      authClock.advanceMs(wait);
      retryAfter.push(Number((await t.http.post('/auth/login').send({ username: 'target2', password: 'still-wrong' }).expect(429)).headers['retry-after']));
    }
    expect(retryAfter).toEqual([30, 60, 120]);
    // 15 minutes after the first failure the window ends: one more wrong guess is a plain 401 again.
    authClock.advanceMs(15 * 60_000);
    await t.http.post('/auth/login').send({ username: 'target2', password: 'after-the-window' }).expect(401);
    await t.http.post('/auth/login').send({ username: 'target2', password: STRONG }).expect(200);
  });
});

describe('sign-in limits per client address', () => {
  const t = useTestApp({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '12' } });

  it('locks a client address that tries many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await t.http.post('/auth/login').send({ username: `spray-${i}`, password: 'Spring-2026-guess' })).status);
    expect(statuses).toEqual([...Array.from({ length: 11 }, () => 401), 429]);
    // A user who did nothing wrong, from the same address, waits too: the address is what is locked.
    const res = await t.http.post('/auth/login').send({ username: 'admin', password: PASSWORD }).expect(429);
    expect(res.body.code).toBe('LOGIN_LOCKED');
  });
});

describe('request limits', () => {
  const t = useTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4' }, overrides });

  it('answers 429 with Retry-After past the per-user limit, and again after the minute', async () => {
    const token = await t.token('secretary');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.http.get('/auth/me').set(bearer(token))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const over = await t.http.get('/cases').set(bearer(token)).expect(429);
    expect(over.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(over.body.message).toContain('请求过于频繁');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Another user has a budget of his own.
    const other = await t.token('auditor');
    await t.http.get('/auth/me').set(bearer(other)).expect(200);
    if (!TEST_MODE.redis) {
      authClock.advanceMs(61_000);
      await t.http.get('/auth/me').set(bearer(token)).expect(200);
    }
  });

});

describe('request limits without a token', () => {
  const t = useTestApp({ env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4' } });

  it('limits requests without a token per client address, calendar feed guesses included; /health stays open', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.http.get(`/calendar/feeds/${'a'.repeat(40 + i)}.ics`)).status);
    expect(statuses.slice(0, 4).every((s) => s === 404 || s === 400)).toBe(true);
    expect(statuses[4]).toBe(429);
    for (let i = 0; i < 10; i++) expect((await t.http.get('/health')).status).toBe(200);
  });
});

describe('security headers', () => {
  const t = useTestApp();

  it('sends CSP, no framing, no sniffing, a same-origin referrer, no X-Powered-By, and no-store on personal data', async () => {
    const token = await t.token('secretary');
    const res = await t.http.get('/cases').set(bearer(token)).expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Plain HTTP here: no HSTS (browsers ignore it there, and it would pin a misconfigured host).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const error = await t.http.get('/cases').expect(401);
    expect(error.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS when the service is reached over TLS, and serves no /docs when told not to', async () => {
    const tls = await createTestApp({ env: { PUBLIC_BASE_URL: 'https://xinfang.example.cn', API_DOCS: 'false' } });
    try {
      const res = await tls.http.get('/health').expect(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      await tls.http.get('/docs').expect(404);
      await tls.http.get('/docs-json').expect(404);
    } finally {
      await tls.close();
    }
  });
});
