import { expect, test } from './support/fixtures.ts';

test.use({ siteName: 'catalog' });

test.describe('a model with a version and a review date', () => {
  test('says both on every page', async ({ page }) => {
    for (const path of ['', 'matrix/', 'activities/a-a-01/']) {
      await page.goto(path);
      await expect(page.getByRole('contentinfo')).toContainText(
        'version 3.1.0 · last reviewed 2026-11-01',
      );
    }
  });

  test('prints the address of a reference it links to', async ({ page }) => {
    await page.goto('activities/a-a-01/');
    const reference = page.locator('.references a[href^="http"]').first();
    const href = await reference.getAttribute('href');
    await page.emulateMedia({ media: 'print' });
    const after = await reference.evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toContain(href!);
  });
});
