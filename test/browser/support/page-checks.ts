import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { projectPath } from '../../../config/paths.js';

export const DESKTOP = { width: 1366, height: 768 };
export const TABLET = { width: 1024, height: 768 };
export const SCREENSHOT_DIR = projectPath('docs/screenshots');

let axeSource: string | null = null;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Waits until no transition or animation runs (a dialog fading in has, for a moment, the contrast of its
 * first frame: axe would judge that frame, not the dialog a person reads). Infinite animations (spinners)
 * are left alone.
 */
async function settled(page: Page): Promise<void> {
  // A message shown right after the awaited change (an ElMessage toast) starts its transition a frame
  // later: wait for frames, then for what runs, until a frame starts nothing new (at most 5 rounds).
  await page.evaluate(async () => {
    // (A page in the background gets no frames: a timer stands in.)
    const frame = (): Promise<void> =>
      new Promise((done) => {
        requestAnimationFrame(() => done());
        setTimeout(done, 100);
      });
    for (let round = 0; round < 5; round++) {
      await frame();
      await frame();
      const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity && a.playState === 'running');
      if (finite.length === 0) return;
      await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation (rule id, help,
 * and the elements). axe is evaluated rather than added as a <script>: the console's CSP refuses inline
 * scripts, and that refusal would be a console error of its own.
 */
export async function checkA11y(page: Page, name: string): Promise<void> {
  axeSource ??= readFileSync(projectPath('node_modules/axe-core/axe.min.js'), 'utf8');
  await settled(page);
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n')}`);
  expect({ page: name, violations: report }).toEqual({ page: name, violations: [] });
}

/**
 * Saves a full-page screenshot to docs/screenshots/<name>.png (documentation: always written, stable
 * names). At another width (e.g. TABLET) the file is <name>-<width>.png and the viewport is put back after.
 */
export async function screenshot(page: Page, name: string, size: { width: number; height: number } = DESKTOP): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, size.width === DESKTOP.width ? `${name}.png` : `${name}-${size.width}.png`);
  const before = page.viewportSize();
  if (before?.width !== size.width || before.height !== size.height) await page.setViewportSize(size);
  try {
    await settle(page);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    if (before && (before.width !== size.width || before.height !== size.height)) await page.setViewportSize(before);
  }
  return file;
}

/** Fails when the page scrolls sideways at this width (the console must be usable on a 1024-wide tablet). */
export async function expectFitsWidth(page: Page, width = TABLET.width): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: before?.height ?? DESKTOP.height });
  try {
    await settle(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect({ width, scrollWidth: Math.min(scrollWidth, width) }).toEqual({ width, scrollWidth });
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Waits for pending requests and the web fonts, so a screenshot shows the finished page. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
