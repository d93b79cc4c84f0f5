import { expect, test } from './support/fixtures.ts';

test.describe('search in the hosted site', () => {
  test('loads nothing of the search until the reader reaches for it', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('matrix/');
    await page.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.includes('search'))).toEqual([]);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('combobox', { name: /^Search/ })).toBeFocused();
    await expect
      .poll(() => requested.filter((path) => path.includes('search')))
      .toEqual(['/scripts/search.js', '/search-index.js']);
  });

  test('finds with typos and prefixes, ranks the match first, and opens it with Enter', async ({
    page,
  }) => {
    await page.goto('');
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search activities, areas and parties' });
    await expect(box).toBeFocused();
    await page.keyboard.type('recovry plan');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options.first()).toContainText('Recovery Plans');
    await expect(options.first()).toContainText('VMware Site Recovery');
    await expect(options.first()).toContainText('Customer');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('dialog').getByRole('status')).toHaveText(
      /^\d+ results? for “recovry plan”$/,
    );
    // The page opens with the word it was found by marked (a text fragment).
    await expect(options.first()).toHaveAttribute(
      'data-href',
      /\/activities\/vmware-site-recovery-recovery-plans\/#:~:text=(recovery|plans?)$/,
    );
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/activities\/vmware-site-recovery-recovery-plans\/(#.*)?$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recovery Plans');
  });

  test('moves through results with the arrow keys, keyboard only', async ({ page }) => {
    await page.goto('matrix/');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('firewal');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options).toHaveCount(3);
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('combobox', { name: /^Search/ })).toHaveAttribute(
      'aria-activedescendant',
      'search-option-1',
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer');
  });

  test('closes with Escape and gives focus back', async ({ page }) => {
    await page.goto('');
    const trigger = page.getByRole('button', { name: 'Search' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test('has a shareable results page', async ({ page }) => {
    await page.goto('search/?q=vsan');
    const results = page.getByRole('main').getByRole('listitem');
    await expect(results.first()).toContainText('vSAN');
    await expect(page.getByRole('main').getByRole('status')).toHaveText('1 result for “vsan”');
    await page.getByRole('searchbox').fill('aws regions');
    await expect(page).toHaveURL(/\?q=aws%20regions$/);
    await results.first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('AWS Regions');
  });

  test('says when nothing matches', async ({ page }) => {
    await page.goto('');
    await page.keyboard.press('/');
    await page.keyboard.type('zzzzqqq');
    await expect(page.getByRole('dialog').getByRole('status')).toHaveText(
      'No results for “zzzzqqq”',
    );
    await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(0);
  });

  test('passes axe with the dialog open and results shown', async ({ page, makeAxeBuilder }) => {
    await page.goto('');
    await page.keyboard.press('/');
    await page.keyboard.type('network');
    await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
    const { violations } = await makeAxeBuilder().analyze();
    expect(
      violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(' | ')}`),
    ).toEqual([]);
  });
});

test('closes with Escape even with a query typed', async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('/');
  await page.keyboard.type('nsx');
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});
