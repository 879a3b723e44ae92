import { expect, it } from '@jest/globals';
import { checkA11y, describeBrowser, expectFitsWidth, screenshot, TABLET, useConsole } from './support/harness.js';

const MENU = ['台账', '登记', '会议规划', '我的会议', '统计分析'];

describeBrowser('the console: login, role menu, session end, language', () => {
  const c = useConsole();

  const menuLinks = async (): Promise<string[]> => {
    const nav = c.page.getByRole('navigation', { name: '主菜单' });
    await nav.getByRole('link').first().waitFor();
    const names = await nav.getByRole('link').allTextContents();
    return names.map((n) => n.trim()).filter((n) => MENU.includes(n));
  };

  it('shows an accessible login page that fits a 1024-wide tablet', async () => {
    await c.page.goto(c.url('/console/login'));
    // The login view is a lazy chunk: it renders after the load event.
    await c.page.getByRole('button', { name: '登录' }).waitFor();
    await expect(c.page.getByRole('button', { name: '登录' }).isVisible()).resolves.toBe(true);
    await expect(c.page.getByLabel('用户名').isVisible()).resolves.toBe(true);
    await expect(c.page.getByLabel('密码', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(c.page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
    await screenshot(c.page, 'login');
    await screenshot(c.page, 'login', TABLET);
    await expectFitsWidth(c.page);
    await checkA11y(c.page, 'login');
    await c.expectNoErrors();
  });

  it("shows the API's message on a wrong password and stays on the login page", async () => {
    c.expectResponse({ status: 401, path: '/auth/login', method: 'POST' });
    await c.t.token('secretary');
    await c.page.goto(c.url('/console/login'));
    await c.page.getByLabel('用户名').fill('secretary');
    await c.page.getByLabel('密码', { exact: true }).fill('not-the-password');
    const answer = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/login');
    await c.page.getByRole('button', { name: '登录' }).click();
    const body = (await (await answer).json()) as { message: string };
    expect(body.message).toBe('用户名或密码不正确。');
    const alert = c.page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(body.message);
    expect(new URL(c.page.url()).pathname).toBe('/console/login');
    await c.expectNoErrors();
  });

  it('takes the secretary to the ledger with the office menu', async () => {
    await c.login('secretary');
    expect(new URL(c.page.url()).pathname).toBe('/console/ledger');
    expect(await menuLinks()).toEqual(['台账', '登记', '会议规划', '统计分析']);
    await c.expectNoErrors();
  });

  it('takes a leader to 我的会议, without 登记', async () => {
    await c.login('director');
    expect(new URL(c.page.url()).pathname).toBe('/console/my');
    expect(await menuLinks()).toEqual(['我的会议']);
    await c.expectNoErrors();
  });

  it('shows the auditor 统计分析 and 审计, without 规则管理', async () => {
    await c.login('auditor');
    const nav = c.page.getByRole('navigation', { name: '主菜单' });
    await nav.getByRole('link').first().waitFor();
    const names = (await nav.getByRole('link').allTextContents()).map((n) => n.trim());
    expect(names).toEqual(expect.arrayContaining(['统计分析', '审计']));
    expect(names).not.toContain('规则管理');
    await c.expectNoErrors();
  });

  it('returns to the login page with a notice when the session has ended elsewhere', async () => {
    await c.login('secretary');
    const token = await c.sessionToken();
    await c.t.http.post('/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    // The next page's requests carry the revoked token (401), and the renewal is refused too (401).
    c.expectResponse({ status: 401, path: /^\/(?!auth\/)/, method: 'GET' });
    c.expectResponse({ status: 401, path: '/auth/refresh', method: 'POST' });
    await c.page.goto(c.url('/console/ledger'));
    await c.page.waitForURL((url) => url.pathname === '/console/login');
    const notice = c.page.getByRole('status');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toBe('登录已过期，请重新登录。');
    await c.expectNoErrors();
  });

  it('signs out: back to the login page with a notice, and the tokens no longer work', async () => {
    await c.login('secretary');
    const token = await c.sessionToken();
    await c.page.getByRole('button', { name: '退出登录' }).click();
    await c.page.waitForURL((url) => url.pathname === '/console/login');
    const notice = c.page.getByRole('status');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toBe('您已退出登录。');
    await c.t.http.get('/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await c.expectNoErrors();
  });

  it('leads from / to the console and, signed out, to the login page', async () => {
    const first = await c.page.goto(c.url('/'));
    const chain: string[] = [];
    for (let r = first?.request() ?? null; r; r = r.redirectedFrom()) chain.unshift(new URL(r.url()).pathname);
    expect(chain).toEqual(['/', '/console/']);
    await c.page.waitForURL((url) => url.pathname === '/console/login');
    await c.page.getByRole('button', { name: '登录' }).waitFor();
    await c.expectNoErrors();
  });

  it('switches to English: the page and <html lang>', async () => {
    await c.login('secretary');
    await c.page.getByLabel('语言').selectOption('en');
    // The menu's entry (the ledger page also links to 'Ledger import').
    await c.page.getByRole('link', { name: 'Ledger', exact: true }).waitFor();
    await expect(c.page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expect(c.page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    await expect(c.page.getByLabel('Language').inputValue()).resolves.toBe('en');
    await c.expectNoErrors();
  });
});
