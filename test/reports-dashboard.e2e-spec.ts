import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, caseBody } from './support/factories.js';
import { expectError } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

/**
 * Report windows in office days (Asia/Shanghai, UTC+8), the dashboard's data and the whole-office
 * thematic report. Three cases around midnight tell an office day from a UTC day:
 *   A 2026-11-29 06:00 (+08) = 11-28 22:00 UTC    B 2026-11-29 23:30 (+08) = 11-29 15:30 UTC
 *   C 2026-11-30 07:00 (+08) = 11-29 23:00 UTC
 * Office day 11-29 holds A and B; read as UTC days it would hold B and C.
 */
describe('reports: office-day windows, the dashboard and the whole-office report', () => {
  const t = useTestApp();
  let secretary: string;
  let auditor: string;
  const codes: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

  const summary = async (query: string): Promise<{ cases: { received: number } }> =>
    (await t.http.get(`/reports/summary?${query}`).set(bearer(auditor)).expect(200)).body;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    auditor = await t.token('auditor');
    t.clock.set('2026-11-30T02:00:00.000Z');
    const at = { A: '2026-11-29T06:00:00+08:00', B: '2026-11-29T23:30:00+08:00', C: '2026-11-30T07:00:00+08:00' } as const;
    for (const key of ['A', 'B', 'C'] as const) {
      const { body } = await t.http
        .post('/cases')
        .set(bearer(secretary))
        .send(caseBody({ receivedAt: at[key], channel: key === 'A' ? 'visit' : 'letter', category: 'urban-construction', region: '张湾区' }))
        .expect(201);
      codes[key] = body.code;
    }
  });

  it('reads a date-only from/to as office days, both included: from=to is that whole day', async () => {
    expect((await summary('from=2026-11-29&to=2026-11-29')).cases.received).toBe(2); // A and B
    expect((await summary('from=2026-11-30&to=2026-11-30')).cases.received).toBe(1); // C
    expect((await summary('from=2026-11-28&to=2026-11-28')).cases.received).toBe(0); // A is 11-28 only in UTC
    expect((await summary('from=2026-11-29&to=2026-11-30')).cases.received).toBe(3);
    const csv = await t.http.get('/reports/ledger.csv?from=2026-11-29&to=2026-11-29').set(bearer(auditor)).expect(200);
    const rows = csv.text.slice(1).trim().split('\r\n').slice(1).map((r) => r.split(',')[0]);
    expect(rows.sort()).toEqual([codes.A, codes.B].sort());
  });

  it('keeps the instant of a full ISO date-time', async () => {
    expect((await summary('from=2026-11-29T23:00:00%2B08:00&to=2026-11-30T00:00:00%2B08:00')).cases.received).toBe(1); // B
    expect((await summary('from=2026-11-29T00:00:00Z&to=2026-11-30T00:00:00Z')).cases.received).toBe(2); // B and C, a UTC day
  });

  it('refuses a window that ends before it starts, and never answers 5xx on odd bounds', async () => {
    expectError(await t.http.get('/reports/summary?from=2026-11-30&to=2026-11-29').set(bearer(auditor)), 400, 'REPORT_WINDOW_INVALID');
    expectError(await t.http.get('/reports/dashboard?from=2026-11-30&to=2026-11-29').set(bearer(auditor)), 400, 'REPORT_WINDOW_INVALID');
    expectError(await t.http.get('/reports/ledger.csv?from=2026-11-30&to=2026-11-29').set(bearer(auditor)), 400, 'REPORT_WINDOW_INVALID');
    for (const bad of ['from=2026-02-30', 'to=yesterday', 'from=2026-11-29T25:00:00Z', 'from=1900-01-01&to=2026-01-01', 'from[]=2026-01-01']) {
      const res = await t.http.get(`/reports/dashboard?${bad}`).set(bearer(auditor));
      expect(res.status).toBe(400);
      expect(typeof res.body.code).toBe('string');
    }
  });

  it('gives the dashboard for one office day: figures, breakdowns, trend, heat map and leaders’ load', async () => {
    const res = await t.http.get('/reports/dashboard?from=2026-11-29&to=2026-11-29').set(bearer(auditor)).expect(200);
    const d = res.body;
    expect(d.window).toEqual({ from: '2026-11-28T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z', fromDay: '2026-11-29', toDay: '2026-11-29' });
    expect(d.summary.cases.received).toBe(2);
    expect(d.summary.cases.byChannel).toEqual({ visit: 1, letter: 1 });
    expect(d.trend).toEqual([{ month: '2026-11', received: 2, accepted: 0, closed: 0, replied: 0, repliedOnTime: 0 }]);
    expect(d.heatmap.categories).toEqual(['urban-construction']);
    expect(d.heatmap.regions).toEqual(['张湾区']);
    expect(d.heatmap.cells).toEqual([{ category: 'urban-construction', region: '张湾区', count: 2, open: 2, earlyWarning: 0, warning: false }]);
    const director = d.leaders.find((l: { leaderId: string }) => l.leaderId === t.leaders.get('director'));
    expect(director).toMatchObject({ openCases: 0, receptions: 0, instructions: 0 });
    expect(director.maxActiveCases).toBeGreaterThan(0);
  });

  it('gives a monthly trend over the default window (this office year) and marks early-warning clusters', async () => {
    for (let i = 0; i < 5; i++) {
      await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ category: 'economy', region: '丹江口市', subject: `企业欠薪 ${i + 1}`, receivedAt: '2026-10-31T23:30:00+08:00' })).expect(201);
    }
    const d = (await t.http.get('/reports/dashboard').set(bearer(secretary)).expect(200)).body;
    expect(d.window).toMatchObject({ fromDay: '2026-01-01', toDay: '2026-11-30' });
    expect(d.trend.map((p: { month: string }) => p.month)).toEqual(Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    const received = Object.fromEntries(d.trend.map((p: { month: string; received: number }) => [p.month, p.received]));
    expect(received['2026-10']).toBe(5); // 23:30 office time on 10-31 is October, not November
    expect(received['2026-11']).toBe(3);
    const economy = d.heatmap.cells.find((c: { category: string }) => c.category === 'economy');
    expect(economy).toMatchObject({ region: '丹江口市', count: 5, open: 5, earlyWarning: 1, warning: true });
    expect(d.heatmap.categories[0]).toBe('economy');
  });

  it('lets admins, the secretariat and auditors read the dashboard, not leaders', async () => {
    for (const user of ['admin', 'secretary', 'auditor'] as const) await t.http.get('/reports/dashboard').set(bearer(await t.token(user))).expect(200);
    for (const user of ['director', 'deputy1', 'deputy2'] as const) expectError(await t.http.get('/reports/dashboard').set(bearer(await t.token(user))), 403, 'FORBIDDEN');
    await t.http.get('/reports/dashboard').expect(401);
  });

  it('answers report.md without parameters with a whole-office report, and names a bad parameter clearly', async () => {
    const md = await t.http.get('/reports/hotspots/report.md').set(bearer(secretary)).expect(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.text).toContain('# 关于全市信访问题的专题分析（草稿）');
    expect(md.text).toContain('登记信访事项 8 件');
    const region = await t.http.get(`/reports/hotspots/report.md?region=${encodeURIComponent('张湾区')}`).set(bearer(secretary)).expect(200);
    expect(region.text).toContain('# 关于张湾区信访问题的专题分析（草稿）');
    expect(region.text).toContain('登记信访事项 3 件');
    const empty = await t.http.get('/reports/hotspots/report.md?region=').set(bearer(secretary));
    expectError(empty, 400, 'VALIDATION_FAILED');
    expect(empty.body.message).not.toContain('过长');
    expectError(await t.http.get('/reports/hotspots/report.md?category=nonsense').set(bearer(secretary)), 400, 'VALIDATION_FAILED');
  });
});
