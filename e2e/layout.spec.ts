import { expect, test } from './support/fixtures.ts';
import { PAGE_TYPES } from './support/page-types.ts';

test.describe('on a 375 px wide phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    test(`the ${type} page does not scroll sideways`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('the matrix names the responsible party on each activity', async ({ page }) => {
    await page.goto('matrix/');
    const row = page.locator('tr.activity-row', {
      has: page.getByRole('link', { name: 'vSAN', exact: true }),
    });
    await expect(row.locator('.mark-label')).toHaveText(['VMware']);
    await expect(row.locator('.mark-label')).toBeVisible();
    await expect(row.locator('td.empty')).toHaveCount(2);
    await expect(row.locator('td.empty').first()).toBeHidden();
  });
});

test.describe('the theme', () => {
  const background = (page: import('@playwright/test').Page) =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test('follows the system: dark when the system is dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('matrix/');
    expect(await background(page)).toBe('rgb(15, 20, 25)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe('rgb(255, 255, 255)');
  });

  test('can be set to light, dark or the system, and the choice is remembered', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('');
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await expect(theme).toHaveValue('system');
    await theme.selectOption('dark');
    expect(await background(page)).toBe('rgb(15, 20, 25)');
    await page.getByRole('link', { name: 'Matrix', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Responsibility matrix');
    expect(await background(page)).toBe('rgb(15, 20, 25)');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');

    // Back to the system's choice: it follows the system again, on this page and the next.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe('rgb(15, 20, 25)');
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
    expect(await background(page)).toBe('rgb(15, 20, 25)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe('rgb(255, 255, 255)');
  });
});

test.describe('requests', () => {
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    test(`the ${type} page requests nothing from another origin`, async ({ page, baseURL }) => {
      const origins = new Set<string>();
      page.on('request', (request) => origins.add(new URL(request.url()).origin));
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect([...origins]).toEqual([new URL(baseURL!).origin]);
    });
  }
});

test.describe('layout stability', () => {
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    test(`the ${type} page does not shift as its scripts wake up`, async ({ page }) => {
      await page.addInitScript(() => {
        (window as unknown as { shift: number }).shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as Array<{
            value: number;
            hadRecentInput: boolean;
          }>) {
            if (!entry.hadRecentInput)
              (window as unknown as { shift: number }).shift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      expect(
        await page.evaluate(() => (window as unknown as { shift: number }).shift),
      ).toBeLessThan(0.01);
    });
  }
});
