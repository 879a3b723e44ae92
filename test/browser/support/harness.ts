/**
 * Browser tests of the web console: Debian's Chromium driven by playwright-core against the service on
 * the embedded default (the test app of test/support/test-app.ts: SQLite in a temporary data directory,
 * its FakeClock, its users admin/secretary/auditor/director/deputy1/deputy2 with password PASSWORD),
 * listening on a free port of 127.0.0.1 and serving the built console (dist/web, built once if missing).
 *
 * Run only these:    npm run test:jest -- test/browser
 *                    (they test dist/web as built: run `npm run build:web` first after changing web/;
 *                    a missing dist/web is built once; `npm test` always builds it before jest)
 * One spec:          npm run test:jest -- test/browser/login.e2e-spec.ts
 * Without Chromium at /usr/bin/chromium (or CHROMIUM_PATH) they are skipped with a printed notice;
 * with REQUIRE_BROWSER=1 (as in .ci/run) they fail instead. Screenshots go to docs/screenshots/.
 *
 * A spec:
 *   describeBrowser('the ledger', () => {
 *     const c = useConsole();                  // one service + browser for the file
 *     it('…', async () => {
 *       await c.login('secretary');            // c.page: this test's page (1366×768, zh-CN, Asia/Shanghai)
 *       await c.page.getByRole('link', { name: '台账' }).click();
 *       await checkA11y(c.page, 'ledger');
 *       await screenshot(c.page, 'ledger');
 *       await c.expectNoErrors();              // console errors, page errors, failed requests, 4xx/5xx
 *     });
 *   });
 * Declare a response the test provokes with c.expectResponse({ status: 401, path: '/auth/login' }).
 * Another user at the same time: `const other = await c.newPage(); await c.login('director', other);`.
 * Data through the API: `c.t.http`, `await c.t.token('secretary')` (supertest on the same app).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp, TestAppOptions, TestUser } from '../../support/test-app.js';
import { PASSWORD } from '../../support/test-app.js';
import { launchChromium } from './chromium.js';
import { startConsoleServer, type ConsoleServer } from './console-server.js';
import { DESKTOP } from './page-checks.js';
import { type ExpectedResponse, PageProblems } from './page-problems.js';

export { describeBrowser } from './chromium.js';
export { checkA11y, expectFitsWidth, screenshot, DESKTOP, TABLET } from './page-checks.js';
export { PASSWORD };

export const SESSION_KEY = 'console.session';

export interface ConsoleHarness {
  /** The test app: `t.http` (supertest), `t.token(user)`, `t.clock`, `t.relay.drain()`, `t.leaders`. */
  readonly t: TestApp;
  readonly baseUrl: string;
  /** This test's page: a fresh browser context per test (no shared session or language). */
  readonly page: Page;
  /** `url('/console/ledger')` → http://127.0.0.1:<port>/console/ledger */
  url(path: string): string;
  /** Another page in its own context (another user), watched for problems like the first. */
  newPage(): Promise<Page>;
  expectResponse(expected: ExpectedResponse): void;
  /** Every test ends with it: no console error, page error, failed request or undeclared answer ≥ 400. */
  expectNoErrors(): Promise<void>;
  /** Signs in through the login form (labels 用户名/密码, button 登录) and waits to leave the login page. */
  login(user: TestUser, page?: Page): Promise<void>;
  /** The access token the page holds (sessionStorage 'console.session'). */
  sessionToken(page?: Page): Promise<string>;
}

export interface ConsoleOptions extends TestAppOptions {
  /** The browser's clock starts at the FakeClock's time (and then runs), so "today" agrees with the service. Default true. */
  browserClockFromServer?: boolean;
}

/** One service and one Chromium for the spec file (beforeAll/afterAll), one context and page per test. */
export function useConsole(options: ConsoleOptions = {}): ConsoleHarness {
  let server: ConsoleServer | null = null;
  let browser: Browser | null = null;
  let contexts: BrowserContext[] = [];
  let page: Page | null = null;
  let problems = new PageProblems();

  const live = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`useConsole: ${what} exists only inside the hooks and tests of its describe block`);
    return value;
  };

  async function openPage(): Promise<Page> {
    const context = await live(browser, 'the browser').newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    if (options.browserClockFromServer !== false) await context.clock.install({ time: live(server, 'the service').t.clock.now() });
    const opened = await context.newPage();
    problems.watch(opened);
    return opened;
  }

  beforeAll(async () => {
    server = await startConsoleServer(options);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    browser = null;
    server = null;
  });

  beforeEach(async () => {
    problems = new PageProblems();
    page = await openPage();
  });

  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    page = null;
  });

  const harness: ConsoleHarness = {
    get t() {
      return live(server, 'the service').t;
    },
    get baseUrl() {
      return live(server, 'the service').baseUrl;
    },
    get page() {
      return live(page, 'the page');
    },
    url: (path) => live(server, 'the service').baseUrl + path,
    newPage: openPage,
    expectResponse: (expected) => problems.expectResponse(expected),
    expectNoErrors: () => problems.expectNone(),
    async login(user, on = harness.page) {
      await harness.t.token(user); // creates the test user on first use
      if (!new URL(on.url(), 'http://x').pathname.startsWith('/console/login')) await on.goto(harness.url('/console/login'));
      await on.getByLabel('用户名').fill(user);
      await on.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await on.getByRole('button', { name: '登录' }).click();
      await on.waitForURL((url) => !url.pathname.startsWith('/console/login'));
    },
    async sessionToken(on = harness.page) {
      const token = await on.evaluate((key) => {
        const raw = sessionStorage.getItem(key);
        return raw ? (JSON.parse(raw) as { accessToken?: string }).accessToken ?? null : null;
      }, SESSION_KEY);
      expect(token).toEqual(expect.any(String));
      return token as string;
    },
  };
  return harness;
}
