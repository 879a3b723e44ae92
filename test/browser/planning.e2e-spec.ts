import { expect, it } from '@jest/globals';
import { bearer } from '../support/factories.js';
import { registerCase } from '../support/http-helpers.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

interface PlannedMeeting {
  id: string;
  title: string;
  startAt: string;
  endAt: string;
  status: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Issue 12's planning journey: plan four weeks, move a meeting, confirm it, see the invites' delivery. */
describeBrowser('the console: planning board and meeting page', () => {
  const c = useConsole();

  it('plans four weeks, moves a meeting, confirms it and shows the deliveries', async () => {
    const secretary = await c.t.token('secretary');
    for (const region of ['房县', '竹山县', '郧西县']) await registerCase(c.t, secretary, { provincialReferral: true, category: 'agriculture-rural', region });

    await c.login('secretary');
    await c.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '会议规划' }).click();
    await c.page.getByRole('heading', { name: '会议规划' }).waitFor();
    await expect(c.page.getByLabel('起始日').inputValue()).resolves.toBe('2026-11-30');
    const planned = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/meetings/plan');
    await c.page.getByRole('button', { name: '生成方案' }).click();
    const plan = (await (await planned).json()) as { window: { from: string; to: string }; meetings: PlannedMeeting[] };
    expect(plan.meetings.length).toBeGreaterThan(0);
    const first = plan.meetings[0];

    const block = c.page.getByRole('button', { name: new RegExp(`^${escape(first.title)}`) }).first();
    await block.waitFor();
    await screenshot(c.page, 'planning');
    await checkA11y(c.page, 'planning');
    await block.click();
    const panel = c.page.getByRole('dialog', { name: first.title });
    await panel.waitFor();
    await checkA11y(c.page, 'planning: the meeting panel');

    await panel.getByRole('button', { name: '调整时间' }).click();
    await panel.getByLabel('日期').fill('2026-12-24');
    await panel.getByLabel('开始时间').fill('15:00');
    const moved = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/meetings/${first.id}` && r.request().method() === 'PATCH');
    await panel.getByRole('button', { name: '保存' }).click();
    expect((await moved).status()).toBe(200);
    const afterMove = await c.t.http.get(`/meetings/${first.id}`).set(bearer(secretary)).expect(200);
    expect(new Date(afterMove.body.startAt as string).toISOString()).toBe('2026-12-24T07:00:00.000Z');
    expect(new Date(afterMove.body.endAt as string).getTime() - new Date(afterMove.body.startAt as string).getTime()).toBe(new Date(first.endAt).getTime() - new Date(first.startAt).getTime());

    const confirmed = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/meetings/${first.id}/confirm`);
    await panel.getByRole('button', { name: '确认会议' }).click();
    expect((await confirmed).status()).toBe(200);
    const afterConfirm = await c.t.http.get(`/meetings/${first.id}`).set(bearer(secretary)).expect(200);
    expect(afterConfirm.body.status).toBe('confirmed');

    await c.t.relay.drain();
    await c.page.goto(c.url(`/console/meetings/${first.id}`));
    await c.page.getByRole('heading', { name: '送达情况' }).waitFor();
    const deliveries = await c.t.http.get(`/meetings/${first.id}/deliveries`).set(bearer(secretary)).expect(200);
    expect(deliveries.body.length).toBeGreaterThan(0);
    const deliveriesTable = c.page.locator('section', { has: c.page.getByRole('heading', { name: '送达情况' }) }).last();
    await deliveriesTable.getByRole('button', { name: /^下载邀请/ }).first().waitFor();
    expect(await deliveriesTable.getByRole('button', { name: /^下载邀请/ }).count()).toBe(afterConfirm.body.attendees.length);
    // A row per attendee, each one sent (the API agrees).
    expect(deliveries.body.length).toBe(afterConfirm.body.attendees.length);
    expect(deliveries.body.map((d: { status: string }) => d.status)).toEqual(deliveries.body.map(() => 'sent'));
    await expect(deliveriesTable.getByText('已发送', { exact: true }).count()).resolves.toBe(afterConfirm.body.attendees.length);
    await screenshot(c.page, 'meeting');
    await checkA11y(c.page, 'meeting');
    await c.expectNoErrors();
  });
});
