import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Model } from '../../src/model/index.ts';
import { siteFolder, SITES, type SiteName } from './sites.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

interface TestFixtures {
  /** Console errors a test expects, such as the browser's own report of a 404 page. */
  expectedConsoleErrors: RegExp[];
  /** Axe, set to the WCAG 2.x A and AA rules. */
  makeAxeBuilder: () => AxeBuilder;
  /** The published model.json of the site under test. */
  model: Model;
}

interface WorkerFixtures {
  siteName: SiteName;
  /** Response headers the test server sends with every file, such as a Content-Security-Policy. */
  serverHeaders: Record<string, string>;
  server: StaticServer;
}

/**
 * Every test gets a page served from a built site, and fails on any console error, page
 * error, failed request or failed sub-resource: a page that works must load cleanly.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  siteName: ['seed', { scope: 'worker', option: true }],
  serverHeaders: [{}, { scope: 'worker', option: true }],
  server: [
    async ({ siteName, serverHeaders }, use) => {
      const server = await serveStatic(siteFolder(siteName), {
        base: SITES[siteName].base,
        headers: serverHeaders,
      });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  model: async ({ siteName }, use) => {
    await use(JSON.parse(readFileSync(path.join(siteFolder(siteName), 'model.json'), 'utf8')));
  },
  expectedConsoleErrors: [[], { option: true }],
  page: async ({ page, expectedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (expectedConsoleErrors.some((pattern) => pattern.test(message.text()))) return;
      problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText;
      // Cancelled because the page moved on (a redirect page does at once), not broken.
      if (error === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${request.url()} ${error}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.request().isNavigationRequest()) {
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
    await use(page);
    expect(problems, 'console errors and failed requests').toEqual([]);
  },
  makeAxeBuilder: async ({ page }, use) => {
    await use(() =>
      new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']),
    );
  },
});

export { expect };
