import { expect, test } from './support/fixtures.ts';
import { PAGE_TYPES } from './support/page-types.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      test(`the ${type} page has no WCAG A/AA violation`, async ({ page, makeAxeBuilder }) => {
        await page.goto(path);
        const { violations } = await makeAxeBuilder().analyze();
        expect(
          violations.map(
            ({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(' | ')}`,
          ),
        ).toEqual([]);
      });
    }

    test('every page type at 390 px has no violation, targets of 24 px included', async ({
      page,
      makeAxeBuilder,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of Object.values(PAGE_TYPES)) {
        await page.goto(path);
        const { violations } = await makeAxeBuilder().analyze();
        expect(
          violations.map(
            ({ id, nodes }) => `${path} ${id}: ${nodes.map((node) => node.target).join(' | ')}`,
          ),
        ).toEqual([]);
      }
    });

    test('the matrix with an active filter has no violation', async ({ page, makeAxeBuilder }) => {
      await page.goto('matrix/?q=fire');
      const { violations } = await makeAxeBuilder().analyze();
      expect(violations).toEqual([]);
    });

    test('the states a reader meets have no violation: no match, search results, the phone menu', async ({
      page,
      makeAxeBuilder,
    }) => {
      const ids = async () =>
        (await makeAxeBuilder().analyze()).violations.map(
          ({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(' | ')}`,
        );
      await page.goto('matrix/?q=zzz');
      await expect(page.getByText('No activity matches these filters.')).toBeVisible();
      expect(await ids()).toEqual([]);
      await page.goto('search/?q=patching');
      await expect(page.locator('.result-excerpt mark').first()).toBeVisible();
      expect(await ids()).toEqual([]);
      await page.goto('search/?q=zzzq');
      await expect(page.locator('.search-empty')).toBeVisible();
      expect(await ids()).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('parties/customer/');
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
      expect(await ids()).toEqual([]);
    });
  });
}

test.describe('keyboard order', () => {
  /** The header's stops after the title, in the order Tab takes them. */
  const stops = async (page: import('@playwright/test').Page, count: number) => {
    await page.getByRole('link', { name: 'VMware Site Recovery' }).first().focus();
    const names: string[] = [];
    for (let index = 0; index < count; index++) {
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement;
          return active.getAttribute('aria-label') ?? active.textContent?.trim() ?? '';
        }),
      );
    }
    return names;
  };

  test('follows what is drawn: search, then the navigation, then the theme', async ({ page }) => {
    await page.goto('matrix/');
    const names = await stops(page, 6);
    expect(names[0]).toMatch(/^Search/);
    expect(names.slice(1, 5)).toEqual(['Overview', 'Matrix', 'Customer', 'VMware']);
    const boxes = await Promise.all([
      page.locator('.search-button').boundingBox(),
      page.getByRole('navigation', { name: 'Site' }).getByRole('link').first().boundingBox(),
    ]);
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
  });

  test('on a phone reaches the menu’s button before its links, and Esc closes it', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('matrix/');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await menu.focus();
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('navigation', { name: 'Site' }).getByRole('link').first(),
    ).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
  });
});

test.describe('keyboard use', () => {
  test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
    await page.goto('matrix/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('searchbox', { name: 'Activity or area' })).toBeFocused();
  });

  test('focus is visible on links', async ({ page }) => {
    await page.goto('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused).toHaveCSS('outline-style', 'solid');
  });
});

test('the accessibility check does report a violation when there is one', async ({
  page,
  makeAxeBuilder,
}) => {
  await page.goto('');
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    document.querySelector('main')?.append(image);
  });
  const { violations } = await makeAxeBuilder().analyze();
  expect(violations.map((violation) => violation.id)).toContain('image-alt');
});
