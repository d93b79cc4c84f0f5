import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Model } from '../src/model/index.ts';
import { expect, test } from './support/fixtures.ts';
import { exportFolder, siteFolder } from './support/sites.ts';

test.use({ siteName: 'hostile' });

const model: Model = JSON.parse(
  readFileSync(path.join(siteFolder('hostile'), 'model.json'), 'utf8'),
);
const pages = [
  '',
  'matrix/',
  'search/?q=script',
  ...model.parties.map((party) => `parties/${party.id}/`),
  ...model.areas.map((area) => `areas/${area.id}/`),
  ...model.activities.map((activity) => `activities/${activity.id}/`),
];

/** Nothing that came in with the content may run: no dialog, no global set by it. */
async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  // Hover and click where injected handlers would sit, on text rather than on a link.
  await page.locator('h1:visible').hover();
  await page.locator('h1:visible').click();
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
}

test.describe('hostile content', () => {
  const dialogs: string[] = [];
  test.beforeEach(({ page }) => {
    dialogs.length = 0;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  test('runs no script on any page of the hosted site', async ({ page }) => {
    for (const route of pages) {
      await page.goto(route);
      await expectNothingRan(page, dialogs);
    }
  });

  test('is shown as text in titles, the tab title and search results', async ({ page }) => {
    await page.goto('');
    await expect(page).toHaveTitle(model.title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(model.title);
    await page.keyboard.press('/');
    await page.keyboard.type('image activity');
    const option = page
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option')
      .first();
    await expect(option).toContainText(
      `<img src=x onerror="window.__pwned='activity'"> Image activity`,
    );
    await expect(option.locator('img')).toHaveCount(0);
    await page.getByRole('combobox', { name: /^Search/ }).fill('quoted');
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(
      `"Quoted" & 'single' </textarea></style></script> activity`,
    );
    await page.keyboard.press('Escape');
    await expectNothingRan(page, dialogs);
  });

  test('leaves no javascript: link live', async ({ page }) => {
    await page.goto('');
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.filter((href) => /^\s*javascript:/i.test(href ?? ''))).toEqual([]);
  });

  test('stays text in the single file, whose views are built from text as they are shown', async ({
    page,
  }) => {
    await page.goto(
      `file://${path.join(exportFolder('hostile'), 'hostile.html')}#noscript-breakout`,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `</noscript><img src=x onerror="window.__pwned='noscript'"> Noscript breakout`,
    );
    for (const view of ['_matrix', '_party-customer', '_party-provider', 'breakout']) {
      await page.goto(`file://${path.join(exportFolder('hostile'), 'hostile.html')}#${view}`);
      await expect(page.locator(`[id="${view}"]`)).toBeVisible();
    }
    await expectNothingRan(page, dialogs);
  });

  for (const [name, file] of [
    ['the single file', path.join(exportFolder('hostile'), 'hostile.html')],
    ['the site for disk', path.join(exportFolder('hostile'), 'hostile', 'index.html')],
  ]) {
    test(`runs no script in ${name}, nor in its search`, async ({ page }) => {
      await page.goto(`file://${file}`);
      await expectNothingRan(page, dialogs);
      await page.keyboard.press('/');
      await page.keyboard.type('script');
      await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
      const before = page.url();
      await page.keyboard.press('Enter');
      await expect(page).not.toHaveURL(before);
      await page.waitForLoadState();
      await expectNothingRan(page, dialogs);
    });
  }
});
