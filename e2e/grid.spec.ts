import { expect, test } from './support/fixtures.ts';

test.use({ siteName: 'grid' });

test.describe('a grid by service model', () => {
  test('has a column per context, each cell naming who holds the layer, with a legend', async ({
    page,
  }) => {
    await page.goto('matrix/');
    await expect(page.getByRole('columnheader')).toHaveText([
      'Activity',
      'On-premises',
      'IaaS',
      'PaaS',
      'SaaS',
    ]);
    // The legend: each level's name (its symbol is for the eye only) and what it means.
    await expect(page.getByRole('term')).toHaveText([/Owns$/, /Shared$/]);
    const row = page.getByRole('row', { name: /^Accounts and identities/ });
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(/Customer/);
    await expect(cells.nth(3)).toContainText('Customer');
    await expect(cells.nth(3)).toContainText('Provider');
    // A footnote is cited by number beside the parties it follows; its text stands once, below
    // the table, a link away — a remark, not a condition.
    const footnotes = cells.nth(3).getByRole('link', { name: '1 footnote 1 below the table' });
    await expect(footnotes).toHaveCount(2);
    await footnotes.first().click();
    await expect(page).toHaveURL(/#footnote-1$/);
    await expect(page.getByRole('region', { name: 'Footnotes' }).getByRole('listitem')).toHaveText([
      /When the customer federates its own identity provider/,
    ]);
    await expect(page.getByRole('region', { name: 'Conditions' })).toHaveCount(0);
  });

  test('filters by context and by level, kept in the address', async ({ page, model }) => {
    const held = (level: string | undefined, context: string) =>
      model.activities
        .filter((activity) =>
          activity.assignments.some(
            (assignment) =>
              assignment.party === 'provider' &&
              (!level || assignment.level === level) &&
              (!assignment.contexts || assignment.contexts.includes(context)),
          ),
        )
        .map((activity) => activity.title);
    await page.goto('matrix/?party=provider&context=iaas');
    const shown = page.locator('tr.activity-row:visible th a');
    await expect(shown).toHaveText(held(undefined, 'iaas'));
    await page.getByRole('combobox', { name: 'Level' }).selectOption('shared');
    await expect(page).toHaveURL(/party=provider&level=shared&context=iaas/);
    await expect(shown).toHaveText(held('shared', 'iaas'));
    await page.getByRole('combobox', { name: 'Context' }).selectOption('saas');
    expect(held('shared', 'saas')).toContain('Accounts and identities');
    await expect(shown).toHaveText(held('shared', 'saas'));
  });

  test('shows each party’s level per context and the footnotes on the activity page', async ({
    page,
  }) => {
    await page.goto('activities/information-and-data-accounts-and-identities/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Jointly held in SaaS');
    // Which edition the reader is reading, by the title.
    await expect(page.getByText('Version 2026.2, last reviewed 2026-10-15.')).toBeVisible();
    const articles = page.getByRole('article');
    await expect(articles).toHaveCount(3);
    await expect(articles.nth(0).getByRole('heading')).toHaveText(
      /Customer\s*Owns\s*in On-premises, IaaS, PaaS/,
    );
    await articles.nth(1).getByRole('link', { name: '1 footnote 1' }).click();
    await expect(page).toHaveURL(/#cell-footnote-1$/);
    await expect(page.getByRole('region', { name: 'Footnotes' })).toContainText(
      'When the customer federates its own identity provider',
    );
    await expect(articles.nth(1)).not.toContainText('Condition');
  });

  test('names the level once per cell, and only where a party’s name alone would not say it', async ({
    page,
  }) => {
    await page.goto('matrix/');
    const row = page.getByRole('row', { name: /^Identity and directory infrastructure/ });
    const cells = row.getByRole('cell');
    // `Customer` alone holds the first level, Owns: no label. `Shared (Customer, Provider)`: once.
    await expect(cells.nth(0)).toHaveText('Customer', { useInnerText: true });
    await expect(cells.nth(2)).toHaveText(/^Shared:\s*Customer\s*Provider$/, {
      useInnerText: true,
    });
  });

  test('shows only the chosen context’s column, and on a phone names each cell’s context', async ({
    page,
  }) => {
    await page.goto('matrix/?context=paas');
    await expect(page.getByRole('columnheader')).toHaveText(['Activity', 'PaaS']);
    const row = page.getByRole('row', { name: /^Operating system/ });
    await expect(row.getByRole('cell')).toHaveText(['Provider'], { useInnerText: true });
    await page.getByRole('combobox', { name: 'Context' }).selectOption('');
    await expect(page.getByRole('columnheader')).toHaveCount(5);

    await page.setViewportSize({ width: 390, height: 800 });
    await expect(row.getByRole('cell').nth(2)).toBeVisible();
    await expect(row.getByRole('cell').nth(2)).toHaveText(/^PaaS\s*Provider$/, {
      useInnerText: true,
    });
    await expect(row.getByRole('cell').nth(2).getByText('PaaS')).toBeVisible();
  });

  test('names the model’s edition by the title, on screen and on paper, legible whatever the theme', async ({
    page,
  }) => {
    await page.goto('matrix/');
    const edition = page.getByText(
      'Example Cloud — Shared Responsibility by Service Model, version 2026.2, last reviewed 2026-10-15.',
    );
    await expect(edition).toBeVisible();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.emulateMedia({ media: 'print' });
    await expect(edition).toBeVisible();
    // Paper is white: dark text, whatever theme the reader chose on screen.
    const color = await page.locator('h1').evaluate((heading) => getComputedStyle(heading).color);
    const [red, green, blue] = color.match(/\d+/g)!.map(Number);
    expect(Math.max(red!, green!, blue!)).toBeLessThan(100);
  });

  test('shows the publisher, the source and the date of the last review', async ({ page }) => {
    await page.goto('');
    await expect(page.getByRole('main').getByText(/last reviewed 2026-10-15/)).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('last reviewed 2026-10-15');
    await expect(page.getByRole('link', { name: 'the source document' })).toHaveAttribute(
      'href',
      'https://cloud.example.com/trust/shared-responsibility',
    );
  });
});
