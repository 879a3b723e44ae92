import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import playwright, { type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium fonts-wqy-zenhei`); no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set by .ci/run: a missing browser fails the browser tests instead of skipping them. */
export const REQUIRE_BROWSER = process.env.REQUIRE_BROWSER === '1';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=zh-CN'];

export const chromiumFound = (): boolean => existsSync(CHROMIUM_PATH);

export const SKIP_NOTICE =
  `浏览器测试已跳过：未找到 Chromium（${CHROMIUM_PATH}）；apt-get install chromium fonts-wqy-zenhei\n` +
  `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH); set REQUIRE_BROWSER=1 to fail instead.`;

export function launchChromium(): Promise<Browser> {
  return playwright.chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * `describe` for a browser spec. Without a Chromium it is reported as skipped (and the reason is printed
 * once per jest run), or, under REQUIRE_BROWSER=1, as one failing test that says what is missing.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumFound()) {
    describe(name, body);
  } else if (REQUIRE_BROWSER) {
    describe(name, () => {
      it('needs a Chromium (REQUIRE_BROWSER=1)', () => {
        throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM_PATH}: apt-get install chromium fonts-wqy-zenhei, or set CHROMIUM_PATH.`);
      });
    });
  } else {
    noticeOnce();
    describe.skip(name, body);
  }
}

/** One line per jest run, not per spec file: the workers share the parent's pid (in band, it is our own). */
function noticeOnce(): void {
  const pid = process.send ? process.ppid : process.pid;
  // The process's start time (field 22 of /proc/<pid>/stat) tells a reused pid from this run.
  const started = ((): string => {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[19] ?? '';
    } catch {
      return '';
    }
  })();
  const marker = join(tmpdir(), `xf-browser-skip-notice-${pid}-${started}`);
  try {
    writeFileSync(marker, '', { flag: 'wx' });
  } catch {
    return;
  }
  process.stderr.write(`\n${SKIP_NOTICE}\n\n`);
}
