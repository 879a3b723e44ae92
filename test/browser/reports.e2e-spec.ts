import { expect, it } from '@jest/globals';
import { bearer } from '../support/factories.js';
import { caseAction, registerCase } from '../support/http-helpers.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

interface Registered {
  id: string;
  route: { mode: string };
}

const CATEGORIES = ['urban-construction', 'employment-social', 'economy', 'education-health-culture', 'agriculture-rural', 'litigation', 'legislation'] as const;
const REGIONS = ['茅箭区', '张湾区', '郧阳区', '丹江口市', '房县', '竹山县'];
const CHANNELS = ['letter', 'visit', 'online', 'phone'] as const;
/** Picks that favour the first entries, as real figures do (urban construction and the city districts lead). */
const SKEW = [0, 0, 1, 0, 2, 1, 0, 3, 0, 1, 4, 2, 0, 5, 1, 6, 0];

/** 统计分析: the auditor's dashboard for a one-day window agrees with the API; the charts draw and read as text; the print view. */
describeBrowser('the console: reports dashboard and the annual report', () => {
  const c = useConsole();

  it('shows the figures of a one-day window as the API counts them, the charts with text alternatives, and the print view', async () => {
    const secretary = await c.t.token('secretary');
    const director = c.t.leaders.get('director') as string;
    // A year of cases: every month, several categories, regions and channels; some handled to a reply.
    for (let i = 0; i < 44; i++) {
      const month = String((i % 11) + 1).padStart(2, '0');
      const day = String(3 + (i % 4) * 6).padStart(2, '0');
      c.t.clock.set(`2026-${month}-${day}T04:00:00.000Z`);
      const created = await registerCase<Registered>(c.t, secretary, {
        receivedAt: `2026-${month}-${day}T09:00:00+08:00`,
        category: CATEGORIES[SKEW[i % SKEW.length]],
        region: REGIONS[SKEW[(i * 5 + 2) % SKEW.length] % REGIONS.length],
        channel: CHANNELS[i % CHANNELS.length],
      });
      if (i % 7 === 3) await caseAction(c.t, secretary, created.id, { action: 'leader-reception', leaderId: director, note: '主任接待来访群众' });
      if (i % 5 === 0) continue;
      await caseAction(c.t, secretary, created.id, { action: 'accept' });
      if (i % 3 !== 0 || month === '11') continue;
      await caseAction(c.t, secretary, created.id, { action: created.route.mode === 'internal' ? 'route' : 'transfer' });
      await caseAction(c.t, secretary, created.id, { action: 'start' });
      await caseAction(c.t, secretary, created.id, { action: 'reply', reason: '已书面答复', ...(created.route.mode === 'supervised' ? { report: '书面报告' } : {}) });
      await caseAction(c.t, secretary, created.id, { action: 'feedback', feedback: i % 2 ? 'satisfied' : 'dissatisfied' });
    }
    // The day the test picks: 2026-11-20, with a cluster of five that triggers the early warning.
    c.t.clock.set('2026-11-20T08:00:00.000Z');
    for (let i = 0; i < 5; i++) await registerCase(c.t, secretary, { receivedAt: `2026-11-20T${String(9 + i).padStart(2, '0')}:00:00+08:00`, category: 'urban-construction', region: '张湾区', channel: i % 2 ? 'visit' : 'letter' });
    c.t.clock.set('2026-11-26T02:00:00.000Z');
    const auditor = await c.t.token('auditor');
    const oneDay = (await c.t.http.get('/reports/dashboard?from=2026-11-20&to=2026-11-20').set(bearer(auditor)).expect(200)).body;
    expect(oneDay.summary.cases.received).toBeGreaterThanOrEqual(5);

    await c.login('auditor');
    await c.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '统计分析' }).click();
    await c.page.getByRole('heading', { name: '统计分析', level: 1 }).waitFor();
    await c.page.getByRole('status').filter({ hasText: '2026-01-01 至 2026-11-26' }).waitFor();
    await c.page.locator('[data-chart="trend"] canvas').waitFor();
    await screenshot(c.page, 'reports');
    await checkA11y(c.page, 'reports');

    // One office day, typed into the labelled date inputs.
    await c.page.getByLabel('开始日期').fill('2026-11-20');
    await c.page.getByLabel('结束日期').fill('2026-11-20');
    const answered = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/reports/dashboard' && new URL(r.url()).searchParams.get('from') === '2026-11-20');
    await c.page.getByRole('button', { name: '查询' }).click();
    const shown = (await (await answered).json());
    expect(shown.summary.cases).toEqual(oneDay.summary.cases);
    await c.page.getByRole('status').filter({ hasText: '2026-11-20 至 2026-11-20' }).waitFor();
    const received = c.page.locator('[data-figure="received"] .figure-value');
    await expect(received.textContent()).resolves.toBe(`${oneDay.summary.cases.received} 件`);

    // Charts draw on a canvas, and each reads as a sentence and a table with the API's numbers.
    for (const id of ['category', 'region', 'unit', 'channel', 'trend', 'heatmap', 'leaders']) await c.page.locator(`[data-chart="${id}"] canvas`).first().waitFor();
    const channelRows = await c.page.locator('[data-chart-table="channel"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const channelNames: Record<string, string> = { letter: '来信', visit: '来访', online: '网上信访', phone: '电话' };
    expect(Object.fromEntries(channelRows.map(([name, n]) => [name, Number(n)]))).toEqual(Object.fromEntries(Object.entries(oneDay.summary.cases.byChannel as Record<string, number>).map(([k, n]) => [channelNames[k], n])));
    const channelImage = c.page.locator('[data-chart="channel"] [role="img"]');
    await expect(channelImage.getAttribute('aria-label')).resolves.toMatch(/^按信访渠道：(来信|来访) \d+/);
    const heatSummary = await c.page.locator('[data-chart="heatmap"] [role="img"]').getAttribute('aria-label');
    expect(heatSummary).toContain('最多的是城建 · 张湾区（5 件）');
    expect(heatSummary).toContain('1 个组合有聚集预警');
    await expect(c.page.locator('[data-chart-table="trend"] tbody tr').count()).resolves.toBe(1);
    await checkA11y(c.page, 'reports: one day');

    // The print view of the same window.
    await c.page.getByRole('button', { name: '本年' }).click();
    await c.page.getByRole('status').filter({ hasText: '2026-01-01 至 2026-11-26' }).waitFor();
    await c.page.getByRole('link', { name: '年度报告（打印版）' }).click();
    await c.page.getByRole('heading', { name: '信访工作情况报告', level: 1 }).waitFor();
    await c.page.getByText('（统计区间：2026年1月1日至2026年11月26日）').waitFor();
    const year = (await c.t.http.get('/reports/dashboard?from=2026-01-01&to=2026-11-26').set(bearer(auditor)).expect(200)).body;
    await c.page.getByRole('heading', { name: '一、基本情况' }).waitFor();
    await expect(c.page.getByText(`共登记来信来访 ${year.summary.cases.received} 件次`).count()).resolves.toBe(1);
    await expect(c.page.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual(['一、基本情况', '二、办理质效', '三、领导重视', '四、信访事项分布', '五、成果转化', '六、承办单位考评']);
    await c.page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await c.page.getByRole('button', { name: '打印' }).click();
    await expect(c.page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);
    await screenshot(c.page, 'annual-report');
    await checkA11y(c.page, 'annual report');
    await c.page.emulateMedia({ media: 'print' });
    await expect(c.page.locator('.console-header').isVisible()).resolves.toBe(false);
    await expect(c.page.getByRole('button', { name: '打印' }).isVisible()).resolves.toBe(false);
    await c.page.emulateMedia({ media: 'screen' });
    await c.expectNoErrors();
  });
});
