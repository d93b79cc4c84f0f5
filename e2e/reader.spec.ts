import { expect, test } from './support/fixtures.ts';

/**
 * The reader's side: a customer's engineer who filters and cites, an auditor who prints, a
 * keyboard or screen-reader user. Nothing shown or printed may pass for more than it is.
 */
test.describe('the matrix, filtered', () => {
  test('counts what it shows, in its caption and under each area', async ({ page }) => {
    await page.goto('matrix/?q=fire');
    const table = page.getByRole('table');
    await expect(page.locator('tr.activity-row:visible')).toHaveCount(2);
    await expect(table.locator('caption')).toHaveText(
      /^Showing 2 of 28 activities \(text: “fire”\) by area; /,
    );
    await expect(page.locator('tr.area-row:visible .count')).toHaveText([
      '(1 of 5 activities)',
      '(1 of 3 activities)',
    ]);
    await page.getByRole('combobox', { name: 'Responsible party' }).selectOption('aws');
    await expect(page.locator('tr.activity-row:visible')).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Activity or area' }).fill('');
    await expect(table.locator('caption')).toHaveText(
      /^Showing 5 of 28 activities \(party: Amazon Web Services\) by area; /,
    );
  });

  test('prints the filter it shows, and only the rows it shows', async ({ page }) => {
    await page.goto('matrix/?party=vmware');
    await expect(page.locator('tr.activity-row:visible')).toHaveCount(5);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('search', { name: 'Filter the matrix' })).toBeHidden();
    await expect(page.getByRole('table').locator('caption')).toBeVisible();
    await expect(page.getByRole('table').locator('caption')).toHaveText(
      /^Showing 5 of 28 activities \(party: VMware\)/,
    );
    await expect(page.locator('tr.activity-row:visible')).toHaveCount(5);
  });

  test('offers a way out when nothing matches', async ({ page }) => {
    await page.goto('matrix/?q=zzz');
    await expect(page.getByText('No activity matches these filters.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Search the full text instead' })).toHaveAttribute(
      'href',
      /search\/\?q=zzz$/,
    );
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect(page.locator('tr.activity-row:visible')).toHaveCount(28);
    await expect(page.getByRole('searchbox', { name: 'Activity or area' })).toBeFocused();
    await expect(page.getByText('No activity matches these filters.')).toBeHidden();
    expect(new URL(page.url()).search).toBe('');
  });
});

test.describe('the matrix, for assistive technology and on paper', () => {
  test('makes area rows headings, named apart from their counts', async ({ page }) => {
    await page.goto('matrix/');
    const table = page.getByRole('table');
    await expect(
      table.getByRole('heading', { level: 2, name: 'Configuring SDDC Network & Security' }),
    ).toHaveCount(1);
    const row = table.locator('tr.area-row', { hasText: 'Configuring SDDC Network & Security' });
    await expect(row.getByRole('rowheader')).toHaveAccessibleName(
      'Configuring SDDC Network & Security (5 activities)',
    );
  });

  test('names the area in each row header, so that two "Firewalls" differ', async ({ page }) => {
    await page.goto('matrix/');
    await expect(
      page.getByRole('rowheader', { name: 'Firewalls in Configuring SDDC Network & Security' }),
    ).toHaveCount(1);
    await expect(
      page.getByRole('rowheader', { name: 'Firewalls in Protected Site(s)' }),
    ).toHaveCount(1);
  });

  test('prints each row with its area and id, and where its page lives', async ({
    page,
    baseURL,
  }) => {
    await page.goto('matrix/');
    await page.emulateMedia({ media: 'print' });
    const row = page.locator('tr.activity-row', { hasText: 'Firewalls' }).nth(1);
    await expect(row.locator('.row-context')).toBeVisible();
    await expect(row.locator('.row-context')).toHaveText('in Protected Site(s)');
    const id = await row
      .getByRole('rowheader')
      .evaluate((header) => getComputedStyle(header, '::after').content);
    expect(id).toBe('"protected-sites-firewalls"');
    await expect(
      page.getByText('Each activity is cited by the id printed under its name'),
    ).toHaveText(
      `Each activity is cited by the id printed under its name; its page is ${baseURL}activities/<id>/.`,
    );
  });
});

test.describe('an activity page', () => {
  test('prints its permanent link, id and model, on one page', async ({ page, baseURL }) => {
    await page.goto('activities/vmware-site-recovery-recovery-plans/');
    await page.emulateMedia({ media: 'print' });
    const citation = page.locator('dl.citation');
    await expect(citation).toBeVisible();
    await expect(citation.getByRole('definition')).toHaveText([
      `${baseURL}activities/vmware-site-recovery-recovery-plans/`,
      'vmware-site-recovery-recovery-plans',
    ]);
    // The header, which prints, names the model.
    await expect(
      page
        .getByRole('banner')
        .getByRole('link', { name: 'VMware Site Recovery Shared Responsibility Model' }),
    ).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Permalink' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  });

  test('names the area of a neighbour in another area', async ({ page }) => {
    await page.goto('activities/configuring-sddc-network-security-access-control/');
    const pager = page.getByRole('navigation', { name: 'Previous and next activity' });
    await expect(pager.getByRole('link').first()).toHaveAccessibleName('Previous Firewalls');
    await expect(pager.getByRole('link').last()).toHaveAccessibleName(
      'Next Firewalls in Protected Site(s)',
    );
    await pager.getByRole('link', { name: /^Next/ }).click();
    await expect(page).toHaveURL(/activities\/protected-sites-firewalls\/$/);
  });
});

test.describe('long pages', () => {
  test('list their sections, and each heading has a link to copy', async ({ page }) => {
    await page.goto('parties/customer/');
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await expect(contents.getByRole('link')).toHaveCount(6);
    await contents.getByRole('link', { name: 'Protected Site(s)' }).click();
    await expect(page).toHaveURL(/#area-protected-sites$/);
    await expect(
      page.getByRole('heading', { level: 3, name: /^Protected Site\(s\)/ }),
    ).toBeInViewport();
    await expect(
      page.getByRole('link', { name: 'Link to the section Protected Site(s)' }),
    ).toHaveAttribute('href', '/parties/customer/#area-protected-sites');

    await page.goto('');
    await expect(
      page.getByRole('navigation', { name: 'On this page' }).getByRole('link'),
    ).toHaveText([
      'Who is responsible',
      'Areas',
      'Overview',
      'Components',
      'Shared responsibility',
    ]);
    await expect(page.getByRole('link', { name: 'Link to the section Areas' })).toHaveAttribute(
      'href',
      '/#areas',
    );
  });
});

test.describe('search', () => {
  test('shows where the words matched, marked', async ({ page }) => {
    await page.goto('search/?q=patching');
    const results = page.locator('.search-page-results > li');
    await expect(results.first()).toContainText('Customer');
    await expect(results.first().locator('mark')).toHaveText(['patching']);
    await expect(results.first().locator('.result-excerpt')).toContainText(
      'a process for regular security patching of software',
    );
  });

  test('quotes the match in the dialog too', async ({ page }) => {
    await page.goto('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.keyboard.type('patching');
    const first = page.getByRole('listbox').getByRole('option').first();
    await expect(first.locator('mark')).toHaveText(['patching']);
  });

  test('offers ways on when nothing is found', async ({ page }) => {
    await page.goto('search/?q=zzzq');
    await expect(page.getByRole('status')).toHaveText('No results for “zzzq”');
    const help = page.locator('.search-empty');
    await expect(help).toBeVisible();
    await expect(help.getByRole('link')).toHaveText([
      'responsibility matrix',
      'Customer',
      'VMware',
      'Amazon Web Services',
    ]);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the header is one compact row, its navigation behind a menu', async ({ page }) => {
    await page.goto('matrix/');
    const header = page.getByRole('banner');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64);
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Site' });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav.getByRole('link', { name: 'Customer' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test('shows no keyboard hints on a touch screen', async ({ page }) => {
    await page.goto('');
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
    await expect(page.locator('.search-button kbd')).toBeHidden();
  });
});
