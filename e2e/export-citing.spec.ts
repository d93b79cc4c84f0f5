import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { exportFolder, exportWithSiteFolder, SEED_SITE_URL } from './support/sites.ts';

/**
 * Citing from an offline copy: the address it gives as permanent must be the hosted one, or
 * it must say it has none; a cited item it does not hold must not pass for the overview.
 */
const single = (folder: string) => `file://${path.join(folder, 'vmware-site-recovery.html')}`;
const csvUrls = (folder: string) =>
  readFileSync(path.join(folder, 'vmware-site-recovery', 'matrix.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').at(-1)!);
const visibleHeading = (page: Page) => page.locator('h1:visible');

test.describe('the single file', () => {
  test('says a cited item is not found, and offers search', async ({ page, makeAxeBuilder }) => {
    for (const anchor of ['no-such-activity', 'matrix', 'vmware-site-recovery-recovery-plans%']) {
      await page.goto(`${single(exportFolder('seed'))}#${anchor}`);
      const notice = page.getByRole('alert');
      await expect(notice).toContainText(`Not found: this file holds no item #${anchor}.`);
      await expect(notice.getByRole('link', { name: 'Search this file' })).toBeVisible();
    }
    // One view at a time, whatever the address held.
    await expect(visibleHeading(page)).toHaveCount(1);
    expect((await makeAxeBuilder().analyze()).violations).toEqual([]);
    await page.getByRole('alert').getByRole('link', { name: 'browse the matrix' }).click();
    await expect(visibleHeading(page)).toHaveText('Responsibility matrix');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('moves focus to the heading of the view it opens', async ({ page }) => {
    await page.goto(single(exportFolder('seed')));
    await page.getByRole('link', { name: 'Matrix', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Responsibility matrix' }),
    ).toBeFocused();
    await page.getByRole('link', { name: 'Recovery Plans' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Recovery Plans' })).toBeFocused();
  });

  test('exported with --site, gives the hosted page as the permalink', async ({ page }) => {
    await page.goto(`${single(exportWithSiteFolder())}#vmware-site-recovery-recovery-plans`);
    await expect(page.getByRole('textbox', { name: 'Permalink' })).toHaveValue(
      `${SEED_SITE_URL}activities/vmware-site-recovery-recovery-plans/`,
    );
  });
});

test.describe('the CSV of the site for disk', () => {
  test('links each activity to its page beside it when the site is not known', () => {
    const folder = exportFolder('seed');
    const urls = csvUrls(folder);
    expect(urls).toHaveLength(28);
    for (const url of urls) {
      expect(url).toMatch(/^activities\/[a-z0-9-]+\/index\.html$/);
      expect(existsSync(path.join(folder, 'vmware-site-recovery', url))).toBe(true);
    }
  });

  test('links each activity to its hosted page with --site', () => {
    for (const url of csvUrls(exportWithSiteFolder())) {
      expect(url).toMatch(new RegExp(`^${SEED_SITE_URL}activities/[a-z0-9-]+/$`));
    }
  });
});
