import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { exportFolder } from './support/sites.ts';

test.use({ siteName: 'catalog' });

test.describe('a control catalog', () => {
  test('shows a control’s references, description, and each party’s level, note and condition', async ({
    page,
  }) => {
    await page.goto('activities/a-a-04/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Requirements compliance/);
    await expect(page.getByText('CCM A&A-04')).toBeVisible();
    await expect(page.getByRole('region', { name: 'What it is' })).toContainText(
      'defined, approved and reviewed',
    );
    const customer = page.getByRole('article').filter({ hasText: 'Customer' });
    await expect(customer.getByRole('heading')).toContainText('Shares');
    await expect(customer.getByRole('heading')).toContainText('in Dedicated tenancy');
    await expect(customer.getByRole('listitem')).toHaveText([
      'Request the runbook from the provider.',
      'Apply it to the tenancy.',
      'Send the evidence back each quarter.',
    ]);
  });

  test('groups a party’s page by level', async ({ page, model }) => {
    await page.goto('parties/customer/');
    const held = (level: string) =>
      model.activities.filter((activity) =>
        activity.assignments.some((a) => a.party === 'customer' && a.level === level),
      ).length;
    // Each heading ends with its link to copy.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      `Owns: ${held('owns')} activities#`,
      `Shares: ${held('shares')} activities#`,
      `Supports: ${held('supports')} activities#`,
    ]);
  });

  test('finds a control by its reference id first', async ({ page }) => {
    await page.goto('');
    await page.keyboard.press('/');
    await page.keyboard.type('IAM-05');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options.first()).toContainText('Least privilege');
  });

  test('has no WCAG A/AA violation on the matrix, a control and a party', async ({
    page,
    makeAxeBuilder,
  }) => {
    for (const route of ['matrix/', 'activities/a-a-04/', 'parties/customer/']) {
      await page.goto(route);
      expect((await makeAxeBuilder().analyze()).violations, route).toEqual([]);
    }
  });

  test('carries levels and references into the single file', async ({ page }) => {
    const file = path.join(exportFolder('catalog'), 'security-control-catalog.html');
    await page.goto(`file://${file}#a-a-04`);
    await expect(page.locator('h1:visible')).toHaveText(/Requirements compliance/);
    await expect(page.getByText('CCM A&A-04')).toBeVisible();
    await expect(page.locator('article:visible').filter({ hasText: 'Customer' })).toContainText(
      'Shares',
    );
  });
});
