import { expect, test } from './support/fixtures.ts';

test.describe('the responsibility matrix', () => {
  test('shows every activity once, with a mark for exactly its responsible parties', async ({
    page,
    model,
  }) => {
    await page.goto('matrix/');
    const table = page.getByRole('table');
    const rows = table.locator('tbody tr.activity-row');
    await expect(rows).toHaveCount(model.activities.length);

    const shown = await rows.evaluateAll((elements) =>
      elements.map((row) => ({
        href: row.querySelector('th a')?.getAttribute('href'),
        // What a sighted reader sees in the cell, and what a screen reader says.
        cells: [...row.querySelectorAll('td')].map((cell) => ({
          label: cell.querySelector('.mark-label')?.textContent ?? null,
          spoken: cell.querySelector('.visually-hidden')?.textContent,
        })),
      })),
    );
    const expected = model.activities.map((activity) => ({
      href: new URL(activity.url!, 'http://site.invalid').pathname,
      cells: model.parties.map((party) =>
        activity.parties.includes(party.id)
          ? { label: party.short ?? party.name, spoken: `${party.name} is responsible` }
          : { label: null, spoken: `Not ${party.name}` },
      ),
    }));
    expect(shown.sort((a, b) => a.href!.localeCompare(b.href!))).toEqual(
      expected.sort((a, b) => a.href.localeCompare(b.href)),
    );
  });

  test('has a column per party, in the frontmatter order', async ({ page, model }) => {
    await page.goto('matrix/');
    const headers = page.getByRole('columnheader');
    await expect(headers).toHaveText([
      'Activity',
      ...model.parties.map((party) => party.short ?? party.name),
    ]);
  });

  test('groups activities under their areas', async ({ page }) => {
    await page.goto('matrix/');
    const area = page.getByRole('link', { name: 'VMC on AWS SDDC Lifecycle', exact: true });
    await expect(area).toBeVisible();
    const group = page.locator('tbody', { has: area });
    await expect(group.getByRole('rowheader')).toHaveText([
      /VMC on AWS SDDC Lifecycle/,
      'vSphere in VMC on AWS SDDC Lifecycle',
      'vSAN in VMC on AWS SDDC Lifecycle',
      'NSX in VMC on AWS SDDC Lifecycle',
    ]);
  });

  test("a row's link lands on the activity's permalink", async ({ page, model }) => {
    await page.goto('matrix/');
    const activity = model.activities.find((candidate) => candidate.title === 'Recovery Plans')!;
    await page.getByRole('link', { name: 'Recovery Plans', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${activity.url}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recovery Plans');
  });

  test('filters by text and by party, and keeps the filter in the address', async ({ page }) => {
    await page.goto('matrix/');
    const status = page.getByRole('status');
    const visibleRows = page.locator('tbody tr.activity-row:visible');

    await page.getByRole('searchbox', { name: 'Activity or area' }).fill('firewall');
    await expect(visibleRows).toHaveCount(2);
    await expect(status).toHaveText('Showing 2 of 28 activities');

    await page.getByRole('searchbox', { name: 'Activity or area' }).fill('');
    await page
      .getByRole('combobox', { name: 'Responsible party' })
      .selectOption({ label: 'Amazon Web Services' });
    await expect(visibleRows).toHaveCount(5);
    await expect(
      page.getByRole('link', { name: 'Physical Infrastructure', exact: true }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'VMware Site Recovery', exact: true }),
    ).toBeHidden();
    await expect(page).toHaveURL(/\?party=aws$/);

    await page.reload();
    await expect(visibleRows).toHaveCount(5);
    await expect(page.getByRole('combobox', { name: 'Responsible party' })).toHaveValue('aws');
  });

  test('combines the text and the party filters', async ({ page }) => {
    await page.goto('matrix/?q=access+control&party=customer');
    await expect(page.locator('tbody tr.activity-row:visible th > a')).toHaveText([
      'Access Control',
      'Role-Based Access Control',
      'Role-based access control / Authentication',
    ]);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('shows the whole table and no filter controls that cannot work', async ({
      page,
      model,
    }) => {
      await page.goto('matrix/?party=aws');
      await expect(page.locator('tbody tr.activity-row:visible')).toHaveCount(
        model.activities.length,
      );
      await expect(page.getByRole('search')).toBeHidden();
    });
  });

  test('repeats its header row on every printed page, in A4 landscape', async ({ page }) => {
    await page.goto('matrix/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.matrix thead')).toHaveCSS('display', 'table-header-group');
    await expect(page.getByRole('search')).toBeHidden();
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
