import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { SessionService } from '../src/auth/sessions/session.service.js';
import { bearer } from './support/factories.js';
import { caseAction, registerCase } from './support/http-helpers.js';
import { routeInventory, type RouteInfo } from './support/route-inventory.js';
import { useTestApp } from './support/test-app.js';

/** Another unit's objects, which a unit's token must not reach (404 as if missing). */
interface Foreign {
  caseId: string;
  attachmentId: string | null;
  /** Another unit's directory id (its scorecard, its evaluations). */
  unitId: string;
}

type Probe = { path: string; body?: Record<string, unknown>; file?: boolean } | null;

/**
 * The routes a handling unit's account may call (deny by default: every other route answers 403), and
 * for each route about an object, the request that aims it at another unit's case (or its attachment):
 * `null` for routes about no object or the unit's own (the ledger is scoped: test/unit-cases.e2e-spec.ts).
 */
const UNIT_ROUTES: Record<string, (other: Foreign) => Probe> = {
  'GET /auth/me': () => null,
  'POST /auth/logout': () => null,
  'POST /auth/password': () => null,
  'GET /cases': () => null,
  // The units' names (to name a case's units); nothing else of the directory.
  'GET /units': () => null,
  'GET /directory/units': () => null,
  'GET /cases/:id': (o) => ({ path: `/cases/${o.caseId}` }),
  'GET /cases/:id/timeline': (o) => ({ path: `/cases/${o.caseId}/timeline` }),
  'POST /cases/:id/actions': (o) => ({ path: `/cases/${o.caseId}/actions`, body: { action: 'sign' } }),
  // Attachments of a case (src/case-files): units upload, list and download on the cases they see.
  'GET /cases/:id/attachments': (o) => ({ path: `/cases/${o.caseId}/attachments` }),
  'POST /cases/:id/attachments': (o) => ({ path: `/cases/${o.caseId}/attachments`, file: true }),
  'GET /attachments/:id/content': (o) => (o.attachmentId ? { path: `/attachments/${o.attachmentId}/content` } : null),
  // Letters of a case and the unit's notices (src/letters, src/unit-notices).
  'GET /cases/:id/letters': (o) => ({ path: `/cases/${o.caseId}/letters` }),
  'GET /cases/:id/notices': (o) => ({ path: `/cases/${o.caseId}/notices` }),
  // The unit's own scorecard and evaluations (src/reports: the list is scoped to the unit itself).
  'GET /reports/units': () => null,
  'GET /reports/units/:unitId': (o) => ({ path: `/reports/units/${o.unitId}` }),
  'GET /units/:unitId/evaluations': (o) => ({ path: `/units/${o.unitId}/evaluations` }),
  'GET /units/:unitId/evaluations/:period': (o) => ({ path: `/units/${o.unitId}/evaluations/2026-Q4` }),
};

const keyOf = (r: RouteInfo): string => `${r.method} ${r.path}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('a unit account reaches only the routes meant for units (deny by default)', () => {
  const t = useTestApp();
  let routes: RouteInfo[];
  let unit: string;

  beforeAll(async () => {
    routes = routeInventory(t.app);
    unit = await t.token('unit-gov');
  });

  it('finds the routes of every controller', () => {
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.map(keyOf)).toEqual(expect.arrayContaining(['GET /cases', 'POST /cases/:id/actions', 'GET /meetings', 'GET /users']));
  });

  it("names 'unit' in @Roles on exactly the allow-listed routes", () => {
    const naming = routes.filter((r) => !r.isPublic && r.roles?.includes('unit')).map(keyOf).sort();
    expect(naming).toEqual(naming.filter((k) => k in UNIT_ROUTES));
    for (const key of Object.keys(UNIT_ROUTES).filter((k) => routes.some((r) => keyOf(r) === k))) expect(naming).toContain(key);
  });

  it('answers 403 FORBIDDEN on every other route, whatever its method and parameters', async () => {
    const others = routes.filter((r) => !r.isPublic && !(keyOf(r) in UNIT_ROUTES));
    expect(others.length).toBeGreaterThan(60);
    const answers: { route: string; status: number; code: unknown }[] = [];
    for (const r of others) {
      const path = r.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      const req = t.http[r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set(bearer(unit));
      const res = r.method === 'GET' || r.method === 'DELETE' ? await req : await req.send({});
      answers.push({ route: keyOf(r), status: res.status, code: (res.body as { code?: unknown }).code });
    }
    expect(answers.filter((a) => a.status !== 403 || a.code !== 'FORBIDDEN')).toEqual([]);
  });

  it("answers 404 on every allow-listed route aimed at another unit's case or attachment", async () => {
    const secretary = await t.token('secretary');
    const { id: caseId } = await registerCase<{ id: string }>(t, secretary);
    await caseAction(t, secretary, caseId, { action: 'accept' });
    await caseAction(t, secretary, caseId, { action: 'route', committee: 'LAC', handledBy: 'LAC' });
    let attachmentId: string | null = null;
    if (routes.some((r) => keyOf(r) === 'POST /cases/:id/attachments')) {
      // A file the case's unit may read (a petitioner's scan is office-only: attachment-audience.ts).
      const up = await t.http.post(`/cases/${caseId}/attachments`).set(bearer(secretary)).field('kind', 'other').attach('file', PDF, 'note.pdf');
      expect(up.status).toBe(201);
      attachmentId = (up.body as { id: string }).id;
    }
    const units = (await t.http.get('/units').set(bearer(secretary)).expect(200)).body as { id: string; code: string }[];
    const lacId = units.find((u) => u.code === 'LAC')?.id as string;
    // LAC's own account reaches them (the probe is real), GOV's does not.
    const lac = await t.token('unit-lac');
    await t.http.get(`/cases/${caseId}`).set(bearer(lac)).expect(200);
    const answers: { route: string; status: number; code: unknown }[] = [];
    for (const r of routes.filter((r) => keyOf(r) in UNIT_ROUTES)) {
      const probe = UNIT_ROUTES[keyOf(r)]({ caseId, attachmentId, unitId: lacId });
      if (!probe) continue;
      let req = t.http[r.method.toLowerCase() as 'get' | 'post'](probe.path).set(bearer(unit));
      if (probe.file) req = req.field('kind', 'unit-report').attach('file', PDF, 'report.pdf');
      else if (probe.body) req = req.send(probe.body);
      const res = await req;
      answers.push({ route: keyOf(r), status: res.status, code: (res.body as { code?: unknown }).code });
    }
    expect(answers.length).toBeGreaterThanOrEqual(4);
    expect(answers.filter((a) => a.status !== 404)).toEqual([]);
    // The same reads by the unit whose objects they are pass its access check: the 404s are about the unit, not
    // the probes (an evaluation not recorded for the period is its own 404, with another code).
    const owner: { route: string; status: number; code: unknown }[] = [];
    for (const r of routes.filter((r) => keyOf(r) in UNIT_ROUTES && r.method === 'GET')) {
      const probe = UNIT_ROUTES[keyOf(r)]({ caseId, attachmentId, unitId: lacId });
      if (!probe) continue;
      const res = await t.http.get(probe.path).set(bearer(lac));
      owner.push({ route: keyOf(r), status: res.status, code: (res.body as { code?: unknown }).code });
    }
    const refusedAs = new Map(answers.map((a) => [a.route, a.code]));
    expect(owner.filter((o) => o.status === 403 || (o.status === 404 && o.code === refusedAs.get(o.route)))).toEqual([]);
    expect(owner.filter((o) => o.status === 200).length).toBeGreaterThanOrEqual(4);
  });

  it('refuses the accounts of a disabled unit, even on the unit routes', async () => {
    const admin = await t.token('admin');
    const created = await t.http.post('/units').set(bearer(admin)).send({ code: 'TMPU', name: '临时单位', kind: 'external', categories: [] });
    expect(created.status).toBe(201);
    const unitId = (created.body as { id: string }).id;
    await t.http.post('/users').set(bearer(admin)).send({ username: 'tmp-unit', password: 'Lianluo-yuan-2026!', role: 'unit', displayName: '临时联络员', unitId }).expect(201);
    const login = await t.http.post('/auth/login').send({ username: 'tmp-unit', password: 'Lianluo-yuan-2026!' }).expect(200);
    const token = (login.body as { accessToken: string }).accessToken;
    await t.http.get('/auth/me').set(bearer(token)).expect(200);
    await t.http.patch(`/units/${unitId}`).set(bearer(admin)).send({ active: false }).expect(200);
    // The principal is cached for a few seconds (AUTH_CACHE_MS); a disabled unit ends access within it.
    await t.app.get(SessionService).forgetUser((login.body as { user: { id: string } }).user.id);
    const res = await t.http.get('/cases').set(bearer(token));
    expect([res.status, (res.body as { code: string }).code]).toEqual([403, 'FORBIDDEN']);
  });
});
