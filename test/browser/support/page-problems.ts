import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

/** A response a test provokes on purpose (a wrong password's 401, a 404 it asks for). */
export interface ExpectedResponse {
  status: number;
  /** The URL's path: exact when a string, or a pattern. */
  path: string | RegExp;
  method?: string;
}

/**
 * What went wrong on a test's pages: console errors, uncaught page errors, failed requests and answers
 * ≥ 400 that the test did not declare. Chromium's own "Failed to load resource: … status of 4xx" console
 * line is left to the response check (so a declared 401 does not come back as a console error), and a
 * request aborted by a navigation (net::ERR_ABORTED) is not a failure.
 */
export class PageProblems {
  private readonly problems: string[] = [];
  private readonly expected: ExpectedResponse[] = [];

  expectResponse(expected: ExpectedResponse): void {
    this.expected.push(expected);
  }

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (message.text().startsWith('Failed to load resource: the server responded with a status of')) return;
      this.problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.stack ?? error.message}`));
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? 'failed';
      if (failure.includes('ERR_ABORTED')) return;
      this.problems.push(`request failed: ${request.method()} ${request.url()} (${failure})`);
    });
    page.on('response', (response) => {
      if (response.status() < 400) return;
      const method = response.request().method();
      const path = new URL(response.url()).pathname;
      if (this.isExpected(response.status(), method, path)) return;
      this.problems.push(`unexpected answer: ${response.status()} to ${method} ${path}`);
    });
  }

  /** Fails the test with every problem seen so far. */
  async expectNone(): Promise<void> {
    // Let events of the last interaction arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(this.problems).toEqual([]);
  }

  private isExpected(status: number, method: string, path: string): boolean {
    return this.expected.some(
      (e) => e.status === status && (!e.method || e.method.toUpperCase() === method) && (typeof e.path === 'string' ? e.path === path : e.path.test(path)),
    );
  }
}
