import { expect, test } from './support/fixtures.ts';

test.use({ siteName: 'starlight' });

const ACTIVITY = 'srm/activities/information-and-data-accounts-and-identities/';

test.describe('the SRM inside an author’s Starlight site (onus/astro)', () => {
  test('shows the matrix in Starlight’s frame: its header, sidebar, search and theme', async ({
    page,
  }) => {
    await page.goto('srm/matrix/');
    await expect(page).toHaveTitle(
      /^Responsibility matrix · Example Cloud — .* \| Example Cloud docs$/,
    );
    // Starlight's own frame around the page.
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: 'Example Cloud docs' })).toHaveAttribute(
      'href',
      '/docs/',
    );
    await expect(header.getByRole('button', { name: 'Search' })).toBeVisible();
    await expect(header.getByRole('combobox', { name: 'Select theme' })).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Shared responsibility' }),
    ).toHaveAttribute('href', '/docs/srm/');
    // The page's own heading is its one h1, and the matrix says who holds what.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Responsibility matrix']);
    const cells = page.getByRole('row', { name: /^Accounts and identities/ }).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(/Customer/);
    await expect(cells.nth(3)).toContainText('Customer');
    await expect(cells.nth(3)).toContainText('Provider');
    await page.getByRole('main').getByRole('link', { name: 'Accounts and identities' }).click();
    await expect(page).toHaveURL(new RegExp(`/docs/${ACTIVITY}$`));
  });

  test('gives an activity its page and permalink under the site’s address and base', async ({
    page,
  }) => {
    await page.goto(ACTIVITY);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Accounts and identities/);
    await expect(page.getByRole('textbox', { name: 'Permalink' })).toHaveValue(
      `https://docs.example.com/docs/${ACTIVITY}`,
    );
    await expect(page.getByRole('article')).toHaveText([
      /^Customer\s*Owns\s*in On-premises, IaaS, PaaS$/,
      /^Customer\s*Shared\s*in SaaS\s*1\s*footnote 1$/,
      /^Example Cloud\s*Shared\s*in SaaS\s*1\s*footnote 1$/,
    ]);
    await expect(
      page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').first(),
    ).toHaveAttribute('href', '/docs/srm/');
  });

  test('serves every download the footer lists', async ({ page, request }) => {
    await page.goto('srm/');
    const links = page.getByRole('list', { name: 'Downloads' }).getByRole('link');
    await expect(links).toHaveText([
      'Model as JSON',
      'Matrix as CSV',
      'Assignments as CSV',
      'Workbook (Excel)',
      'OSCAL component definition',
      'JSON Schema',
    ]);
    for (const href of await links.evaluateAll((all) =>
      all.map((a) => (a as HTMLAnchorElement).href),
    )) {
      const response = await request.get(href);
      expect(response.status(), href).toBe(200);
    }
    const model = await (await request.get('srm/model.json')).json();
    expect(model.activities).toHaveLength(11);
  });

  test('is found by Starlight’s search', async ({ page }) => {
    await page.goto('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page
      .getByRole('dialog', { name: 'Search' })
      .getByRole('textbox', { name: 'Search' })
      .fill('Accounts and identities');
    await expect(
      page
        .getByRole('dialog')
        .getByRole('link', { name: /Accounts and identities/ })
        .first(),
    ).toHaveAttribute('href', new RegExp(`/docs/${ACTIVITY}`));
  });

  // Onus's part of the page: Starlight's frame is Starlight's to mend (axe faults its search
  // button's label).
  test('passes axe’s WCAG A and AA rules in the matrix and an activity', async ({
    page,
    makeAxeBuilder,
  }) => {
    for (const route of ['srm/matrix/', ACTIVITY]) {
      await page.goto(route);
      expect((await makeAxeBuilder().include('.onus-page').analyze()).violations, route).toEqual(
        [],
      );
    }
  });
});
