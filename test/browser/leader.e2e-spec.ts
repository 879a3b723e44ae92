import { expect, it } from '@jest/globals';
import { bearer } from '../support/factories.js';
import { registerCase } from '../support/http-helpers.js';
import { checkA11y, describeBrowser, screenshot, TABLET, useConsole } from './support/harness.js';

/** Issue 12's leader journey: the director sees his meeting and its brief, cannot open a case outside his charge, copies his feed link. */
describeBrowser('the console: a leader’s meetings, cases and calendar link', () => {
  const c = useConsole();

  it('shows the director his meeting with its brief, refuses a case outside his charge, and gives his feed link', async () => {
    const secretary = await c.t.token('secretary');
    const director = c.t.leaders.get('director') as string;
    const mine = await registerCase<{ id: string; code: string }>(c.t, secretary, { provincialReferral: true, category: 'agriculture-rural', region: '房县' });
    const elsewhere = await registerCase<{ id: string; code: string }>(c.t, secretary, { category: 'economy', region: '竹山县' });
    const meeting = await c.t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({
        type: 'supervision',
        title: '督办会（浏览器测试）',
        startAt: '2026-12-08T09:00:00+08:00',
        endAt: '2026-12-08T10:00:00+08:00',
        chairId: director,
        agenda: [{ caseId: mine.id, leadLeaderId: director, minutes: 30 }],
      })
      .expect(201);
    await c.t.http.post(`/meetings/${meeting.body.id}/confirm`).set(bearer(secretary)).expect(200);

    await c.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await c.login('director');
    await c.page.getByRole('heading', { name: '我的会议与包案' }).waitFor();
    expect(new URL(c.page.url()).pathname).toBe('/console/my');
    const meetings = c.page.getByRole('region', { name: '近期会议' });
    await meetings.getByText('督办会（浏览器测试）').first().waitFor();
    await expect(meetings.getByText(mine.code).first().isVisible()).resolves.toBe(true);
    const charge = c.page.getByRole('region', { name: '我的包案' });
    await expect(charge.getByRole('link', { name: mine.code }).isVisible()).resolves.toBe(true);

    await c.page.getByRole('button', { name: '生成订阅链接' }).click();
    const link = c.page.getByLabel('日历订阅链接');
    await c.page.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[readonly]')?.value ?? '').startsWith('webcal://'));
    const webcal = await link.inputValue();
    expect(webcal).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/calendar\/feeds\/[A-Za-z0-9_-]+\.ics$/);
    await c.page.getByRole('button', { name: '复制链接' }).click();
    await expect(c.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(webcal);
    await expect(c.page.getByRole('img', { name: '日历订阅二维码' }).isVisible()).resolves.toBe(true);
    const feed = await c.t.http.get(new URL(webcal.replace(/^webcal:/, 'http:')).pathname).expect(200);
    expect(feed.text).toContain('督办会（浏览器测试）');
    await c.page.locator('.el-message').first().waitFor({ state: 'detached' }); // the toasts cover the meeting card
    await c.page.locator('.el-message').last().waitFor({ state: 'detached' });
    await screenshot(c.page, 'leader');
    await screenshot(c.page, 'leader', TABLET);
    await checkA11y(c.page, 'leader');

    c.expectResponse({ status: 404, path: `/cases/${elsewhere.id}` });
    await c.page.goto(c.url(`/console/cases/${elsewhere.id}`));
    await c.page.getByRole('heading', { name: '没有找到，或您无权查看' }).waitFor();
    await expect(c.page.getByText(elsewhere.code).count()).resolves.toBe(0);
    await c.expectNoErrors();
  });
});
