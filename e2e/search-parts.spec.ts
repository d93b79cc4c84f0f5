import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { siteFolder } from './support/sites.ts';

test.use({ siteName: 'large' });

test.describe('search over a large catalog', () => {
  test('loads the words of the results it shows, and more as the reader scrolls to them', async ({
    page,
  }) => {
    const index = readFileSync(path.join(siteFolder('large'), 'search-index.js'), 'utf8');
    const parts = Number(/"textParts":(\d+)/.exec(index)![1]);
    expect(parts).toBeGreaterThan(10);
    const loaded = new Set<string>();
    page.on('request', (request) => {
      const part = /\/search-text\/(\d+)\.js$/.exec(request.url())?.[1];
      if (part) loaded.add(part);
    });

    await page.goto('');
    await page.keyboard.press('/');
    await page.keyboard.type('quarterly');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options).toHaveCount(20);
    await expect(options.locator('mark').first()).toHaveText(/^quarterly$/i);
    await expect(options.filter({ has: page.locator('.result-excerpt') })).toHaveCount(20);
    // Twenty results' words, not the whole catalog's.
    expect(loaded.size).toBeLessThanOrEqual(20);
    expect(loaded.size).toBeLessThan(parts);

    loaded.clear();
    await page.goto('search/?q=quarterly');
    const results = page.locator('.search-page-results > li');
    await expect(page.getByRole('status')).toHaveText(/^\d+ results for “quarterly”$/);
    const count = await results.count();
    expect(count).toBeGreaterThan(60);
    await expect(results.first().locator('.result-excerpt mark').first()).toBeVisible();
    await expect(results.last().locator('.result-excerpt')).toHaveCount(0);
    const before = loaded.size;
    expect(before).toBeLessThan(parts);
    await results.last().scrollIntoViewIfNeeded();
    await expect(results.last().locator('.result-excerpt mark').first()).toBeVisible();
    expect(loaded.size).toBeGreaterThan(before);
  });
});
