import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer } from '../support/factories.js';
import { registerCase } from '../support/http-helpers.js';
import { checkA11y, describeBrowser, DESKTOP, PASSWORD, screenshot, TABLET, useConsole } from './support/harness.js';

interface PlannedMeeting {
  id: string;
  startAt: string;
  endAt: string;
}

/** The make-up working day: a Saturday a week after the FakeClock's Thursday 2026-11-26. */
const MAKE_UP_SATURDAY = '2026-12-05';
const PUBLISH_NOTE = '12月5日（周六）调休上班；办公时间改为 9:00–12:00、14:00–17:00';
const ADMIN_MENU = ['台账', '登记', '会议规划', '规则管理', '办公设置', '通讯录与用户', '统计分析', '审计', '接访日'];

/** Office-zone (UTC+8, no daylight saving) date and HH:MM of an instant. */
function officeWallTime(iso: string): { date: string; time: string; weekday: number } {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return { date: shifted.toISOString().slice(0, 10), time: shifted.toISOString().slice(11, 16), weekday: shifted.getUTCDay() };
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

async function openMenu(page: Page, label: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/**
 * The header as laid out: rows of menu links, the most lines one label breaks into, the header's height,
 * the links inside the window, and whether the user's controls fit in it.
 */
async function headerLayout(page: Page): Promise<{ rows: number; linesPerLabel: number; headerHeight: number; visibleLinks: number; userVisible: boolean }> {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLElement>('.console-menu a')];
    const rows = new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size;
    const linesPerLabel = Math.max(
      ...links.map((a) => {
        const range = document.createRange();
        range.selectNodeContents(a);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    const inside = (el: Element | null) => !!el && el.getBoundingClientRect().right <= window.innerWidth && el.getBoundingClientRect().left >= 0;
    const menu = document.querySelector('.console-menu')?.getBoundingClientRect();
    const visibleLinks = links.filter((a) => menu && a.getBoundingClientRect().right <= menu.right + 0.5).length;
    const header = document.querySelector<HTMLElement>('.console-header');
    return { rows, linesPerLabel, headerHeight: Math.round(header?.getBoundingClientRect().height ?? 0), visibleLinks, userVisible: inside(document.querySelector('.console-user')) };
  });
}

/** Issue 13's admin journey: office settings without restart, directory and users, and the audit trail of both. */
describeBrowser('the console: office settings, directory and users, audit trail', () => {
  const c = useConsole();

  it('shows the admin nine menu entries on one header line at 1366 and 1024 px', async () => {
    await c.login('admin');
    const nav = c.page.getByRole('navigation', { name: '主菜单' });
    await nav.getByRole('link').first().waitFor();
    expect((await nav.getByRole('link').allTextContents()).map((n) => n.trim())).toEqual(ADMIN_MENU);
    for (const size of [DESKTOP, TABLET]) {
      await c.page.setViewportSize(size);
      expect({ width: size.width, ...(await headerLayout(c.page)) }).toEqual({ width: size.width, rows: 1, linesPerLabel: 1, headerHeight: 56, visibleLinks: ADMIN_MENU.length, userVisible: true });
    }
    // In English too (longer labels): every entry in view, none broken.
    await c.page.getByLabel('语言').selectOption('en');
    await c.page.getByRole('link', { name: 'Ledger', exact: true }).waitFor();
    for (const size of [DESKTOP, TABLET]) {
      await c.page.setViewportSize(size);
      const layout = await headerLayout(c.page);
      expect({ width: size.width, english: true, ...layout }).toEqual({ width: size.width, english: true, rows: 1, linesPerLabel: 1, headerHeight: 56, visibleLinks: ADMIN_MENU.length, userVisible: true });
    }
    await c.expectNoErrors();
  });

  it('adds a make-up Saturday and moves office hours; the next plan uses them without a restart', async () => {
    const secretary = await c.t.token('secretary');
    for (const region of ['房县', '竹山县', '郧西县']) await registerCase(c.t, secretary, { provincialReferral: true, category: 'agriculture-rural', region });
    const WINDOW = { from: '2026-11-29T16:00:00.000Z', to: '2026-12-27T16:00:00.000Z' };
    // Before: the shipped hours (08:30–12:00, 14:30–17:30) put the first meeting at 08:30. The drafts are cancelled again.
    const before = (await c.t.http.post('/meetings/plan').set(bearer(secretary)).send(WINDOW).expect(200)).body.meetings as PlannedMeeting[];
    expect(before.map((m) => officeWallTime(m.startAt).time)).toContain('08:30');
    for (const m of before) await c.t.http.post(`/meetings/${m.id}/cancel`).set(bearer(secretary)).send({ reason: '按新的办公时间重新规划' }).expect(200);

    await c.login('admin');
    await openMenu(c.page, '办公设置', '办公设置');
    await c.page.getByText('已计算的期限保持不变，修改自下一次计算起生效。').waitFor();
    await expect(c.page.getByLabel('时区').inputValue()).resolves.toBe('Asia/Shanghai');
    await expect(c.page.getByLabel('受理期限').inputValue()).resolves.toBe('15');
    await expect(c.page.getByLabel('办理期限').inputValue()).resolves.toBe('60');

    await c.page.getByLabel('第 1 个时段开始').fill('09:00');
    await c.page.getByLabel('第 1 个时段结束').fill('12:00');
    // A slip first: the afternoon starting at 11:00 overlaps the morning; 校验 says so next to that period.
    c.expectResponse({ status: 400, path: '/settings/versions', method: 'POST' });
    await c.page.getByLabel('第 2 个时段开始').fill('11:00');
    const refused = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/settings/versions' && r.request().method() === 'POST');
    await c.page.getByRole('button', { name: '校验' }).click();
    const refusal = (await (await refused).json()) as { code: string; details: { path: string; code: string; message: string }[] };
    expect(refusal.code).toBe('SETTINGS_INVALID');
    const overlap = refusal.details.find((d) => d.path === 'officeHours[1]');
    expect(overlap?.code).toBe('HOURS_OVERLAP');
    const secondPeriod = c.page.locator('li', { has: c.page.getByLabel('第 2 个时段开始') });
    await secondPeriod.getByText(overlap?.message ?? '').waitFor();
    await checkA11y(c.page, 'settings: a problem at its field');
    await c.page.getByLabel('第 2 个时段开始').fill('14:00');
    await c.page.getByLabel('第 2 个时段结束').fill('17:00');
    await c.page.getByRole('button', { name: '添加调休上班日' }).click();
    await c.page.getByLabel('第 1 个调休日名称').fill('调休上班');
    await c.page.getByLabel('第 1 个调休日日期').fill(MAKE_UP_SATURDAY);

    const validated = c.page.waitForResponse((r) => /^\/settings\/versions\/[^/]+\/validate$/.test(new URL(r.url()).pathname));
    await c.page.getByRole('button', { name: '校验' }).click();
    expect((await validated).status()).toBe(200);
    await c.page.getByRole('status').filter({ hasText: '校验通过，可以发布。' }).waitFor();

    await c.page.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = c.page.getByRole('dialog', { name: /^发布第 \d+ 版$/ });
    await dialog.waitFor();
    await dialog.getByLabel('说明').fill(PUBLISH_NOTE);
    const published = c.page.waitForResponse((r) => /^\/settings\/versions\/[^/]+\/publish$/.test(new URL(r.url()).pathname));
    await dialog.getByRole('button', { name: '发布' }).click();
    expect((await published).ok()).toBe(true);
    await c.page.getByRole('status').filter({ hasText: /已发布并立即生效/ }).waitFor();

    // The API agrees: the active version carries the new hours, the Saturday and the note.
    const admin = await c.sessionToken();
    const active = await c.t.http.get('/settings').set(bearer(admin)).expect(200);
    expect(active.body.body.officeHours).toEqual([
      ['09:00', '12:00'],
      ['14:00', '17:00'],
    ]);
    expect(active.body.body.workdays).toEqual([{ name: '调休上班', date: MAKE_UP_SATURDAY }]);
    expect(active.body.note).toBe(PUBLISH_NOTE);
    const versions = c.page.locator('section', { has: c.page.getByRole('heading', { name: '版本记录' }) });
    await versions.getByText(PUBLISH_NOTE).waitFor();
    await screenshot(c.page, 'settings');
    await checkA11y(c.page, 'settings');

    // The secretary's next plan, same service (no restart): inside the new hours, on the Saturday or at 09:00.
    const plan = await c.t.http.post('/meetings/plan').set(bearer(secretary)).send(WINDOW).expect(200);
    const meetings = plan.body.meetings as PlannedMeeting[];
    expect(meetings.length).toBeGreaterThan(0);
    const slots = meetings.map((m) => ({ start: officeWallTime(m.startAt), end: officeWallTime(m.endAt) }));
    for (const { start, end } of slots) {
      const inMorning = minutes(start.time) >= minutes('09:00') && minutes(end.time) <= minutes('12:00');
      const inAfternoon = minutes(start.time) >= minutes('14:00') && minutes(end.time) <= minutes('17:00');
      expect({ start, end, inNewHours: inMorning || inAfternoon }).toEqual({ start, end, inNewHours: true });
      // Weekends are off, but for the make-up Saturday.
      expect(start.weekday !== 0 && (start.weekday !== 6 || start.date === MAKE_UP_SATURDAY)).toBe(true);
    }
    expect(slots.some(({ start }) => start.date === MAKE_UP_SATURDAY || start.time === '09:00')).toBe(true);
    // And the Saturday alone is a working day now: a plan of just that day meets on it, at 09:00.
    for (const m of meetings) await c.t.http.post(`/meetings/${m.id}/cancel`).set(bearer(secretary)).send({ reason: '只规划调休日' }).expect(200);
    const saturday = await c.t.http.post('/meetings/plan').set(bearer(secretary)).send({ from: '2026-12-04T16:00:00.000Z', to: '2026-12-05T16:00:00.000Z' }).expect(200);
    expect((saturday.body.meetings as PlannedMeeting[]).map((m) => officeWallTime(m.startAt))).toContainEqual({ date: MAKE_UP_SATURDAY, time: '09:00', weekday: 6 });
    await c.expectNoErrors();
  });

  it('creates a user and resets its password: the temporary password is shown once and signs in', async () => {
    await c.login('admin');
    await openMenu(c.page, '通讯录与用户', '通讯录与用户');
    // The petition office's ten responsibilities (职责清单) on its unit.
    await c.page.getByRole('tab', { name: '单位' }).waitFor();
    await c.page.getByRole('cell', { name: '10 项' }).first().waitFor();
    await screenshot(c.page, 'directory');
    await checkA11y(c.page, 'directory: units');
    await c.page.getByRole('button', { name: '编辑 信访室' }).click();
    const office = c.page.getByRole('dialog', { name: '编辑单位：信访室' });
    await office.getByRole('textbox', { name: '第 10 项职责', exact: true }).waitFor();
    await expect(office.getByRole('textbox', { name: /^第 \d+ 项职责$/ }).count()).resolves.toBe(10);
    await checkA11y(c.page, 'directory: a unit with its 职责清单');
    await office.getByRole('button', { name: '取消' }).click();
    await office.waitFor({ state: 'hidden' });

    // Every tab reads as a person and a screen reader need it; the rooms are seeded.
    await c.page.getByRole('tab', { name: '领导' }).click();
    await c.page.getByRole('button', { name: '忙碌时段 李明华' }).click();
    const busy = c.page.getByRole('dialog', { name: '忙碌时段：李明华' });
    await busy.getByRole('button', { name: '添加时段' }).click();
    await busy.getByLabel('第 1 段开始日期').waitFor();
    await checkA11y(c.page, 'directory: busy blocks');
    await busy.getByRole('button', { name: '取消' }).click();
    await busy.waitFor({ state: 'hidden' });
    await checkA11y(c.page, 'directory: leaders');
    await c.page.getByRole('tab', { name: '代表' }).click();
    await checkA11y(c.page, 'directory: deputies');
    await c.page.getByRole('tab', { name: '会议室' }).click();
    await c.page.getByRole('cell', { name: '常委会第三会议室', exact: true }).waitFor();
    await checkA11y(c.page, 'directory: rooms');

    await c.page.getByRole('tab', { name: '用户' }).click();
    await c.page.getByRole('button', { name: '新增用户' }).click();
    const form = c.page.getByRole('dialog', { name: '新增用户' });
    await form.getByLabel('用户名').fill('clerk2');
    await form.getByLabel('显示名称').fill('李文书');
    await form.getByLabel('角色').selectOption('secretariat');
    await form.getByLabel('初始密码').fill('Xinfang-Clerk-2026');
    await checkA11y(c.page, 'directory: new user');
    const created = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/users' && r.request().method() === 'POST');
    await form.getByRole('button', { name: '保存' }).click();
    expect((await created).status()).toBe(201);
    await c.page.getByRole('cell', { name: 'clerk2', exact: true }).waitFor();

    await c.page.getByRole('button', { name: '重置密码 clerk2' }).click();
    const confirm = c.page.getByRole('dialog', { name: '重置密码' });
    await confirm.getByText('为 clerk2 重置密码？').waitFor();
    const reset = c.page.waitForResponse((r) => /^\/users\/[^/]+\/password-reset$/.test(new URL(r.url()).pathname));
    await confirm.getByRole('button', { name: '重置密码' }).click();
    expect((await reset).ok()).toBe(true);
    const shown = c.page.getByRole('dialog', { name: '临时密码：clerk2' });
    await shown.getByText('此密码只显示这一次').waitFor();
    await confirm.waitFor({ state: 'hidden' });
    const temporary = await shown.getByLabel('临时密码').inputValue();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await checkA11y(c.page, 'directory: temporary password');
    await shown.getByRole('button', { name: '复制密码' }).click();
    await shown.getByRole('status').filter({ hasText: /已复制|无法复制/ }).waitFor();
    await shown.getByRole('button', { name: '关闭' }).first().click();
    await shown.waitFor({ state: 'hidden' });
    await expect(c.page.getByText(temporary).count()).resolves.toBe(0);

    // The temporary password signs in; the initial one no longer does.
    await c.t.http.post('/auth/login').send({ username: 'clerk2', password: temporary }).expect(200);
    c.expectResponse({ status: 401, path: '/auth/login', method: 'POST' });
    await c.t.http.post('/auth/login').send({ username: 'clerk2', password: 'Xinfang-Clerk-2026' }).expect(401);
    await c.expectNoErrors();
  });

  it('lists the settings publish with its note and the new user in the audit trail, each with its detail', async () => {
    await c.login('auditor');
    const nav = c.page.getByRole('navigation', { name: '主菜单' });
    await nav.getByRole('link').first().waitFor();
    const menu = (await nav.getByRole('link').allTextContents()).map((n) => n.trim());
    expect(menu).toEqual(expect.arrayContaining(['统计分析', '审计']));
    expect(menu).not.toContain('规则管理');

    await openMenu(c.page, '审计', '审计');
    const table = c.page.locator('.el-table');
    // The summary quotes the note (long notes shortened); the drawer shows it whole.
    await table.getByText(/^发布办公设置 v\d+（备注：12月5日（周六）调休上班/).first().waitFor();
    await table.getByText(/^新增用户 clerk2/).first().waitFor();
    await table.getByText(/^重置用户 clerk2 的密码/).first().waitFor();
    await screenshot(c.page, 'audit');
    await checkA11y(c.page, 'audit');

    // Filter by action: only the settings publish remains.
    const listed = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/audit' && new URL(r.url()).searchParams.get('action') === 'settings.publish');
    await c.page.getByLabel('操作', { exact: true }).selectOption('settings.publish');
    await c.page.getByRole('button', { name: '查询' }).click();
    const page = (await (await listed).json()) as { total: number; items: { action: string; data: unknown }[] };
    expect(page.total).toBe(1);
    expect(page.items.map((i) => i.action)).toEqual(['settings.publish']);
    await c.page.getByRole('button', { name: /^查看详情/ }).first().click();
    const drawer = c.page.getByRole('dialog', { name: '审计记录' });
    await drawer.getByText(PUBLISH_NOTE, { exact: false }).first().waitFor();
    await checkA11y(c.page, 'audit: entry detail');
    await c.expectNoErrors();
  });

  it('does not let a password into the audit trail', async () => {
    const admin = await c.t.token('admin');
    const trail = await c.t.http.get('/audit?pageSize=200').set(bearer(admin)).expect(200);
    expect(JSON.stringify(trail.body)).not.toContain(PASSWORD);
    expect(JSON.stringify(trail.body)).not.toContain('Xinfang-Clerk-2026');
  });
});
