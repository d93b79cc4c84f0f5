import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { exportFolder } from './support/sites.ts';

test.use({ siteName: 'renamed' });

const heading = (page: Page) => page.locator('h1:visible');

test.describe('a former id', () => {
  test('leads to where the item is now, on the hosted site under its base path', async ({
    page,
    baseURL,
  }) => {
    await page.goto('activities/old-backups/');
    await expect(page).toHaveURL(`${baseURL}activities/backups/`);
    await expect(heading(page)).toHaveText(/^Backups and restores/);
    await page.goto('areas/data-handling/');
    await expect(page).toHaveURL(`${baseURL}areas/data/`);
    await expect(heading(page)).toHaveText('Data protection');
  });

  test('leads there in the site for disk too', async ({ page }) => {
    await page.goto(
      `file://${path.join(exportFolder('renamed'), 'renamed', 'activities', 'data-backups', 'index.html')}`,
    );
    await expect(heading(page)).toHaveText(/^Backups and restores/);
    expect(page.url()).toMatch(/\/activities\/backups\/index\.html$/);
  });

  test('keeps its anchor in the single file', async ({ page }) => {
    const file = `file://${path.join(exportFolder('renamed'), 'renamed.html')}`;
    await page.goto(`${file}#data-handling-backups`);
    await expect(heading(page)).toHaveText(/^Backups and restores/);
    await page.goto(`${file}#_matrix__area-data-handling`);
    await expect(heading(page)).toHaveText('Responsibility matrix');
  });
});
