import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { exportFolder } from './support/sites.ts';

const folder = exportFolder('seed');
const model = JSON.parse(
  readFileSync(path.join(folder, 'vmware-site-recovery', 'model.json'), 'utf8'),
);
const EXPORTS = {
  'the single file': `file://${path.join(folder, 'vmware-site-recovery.html')}`,
  'the site for disk': `file://${path.join(folder, 'vmware-site-recovery', 'index.html')}`,
};
const visibleHeading = (page: Page) => page.locator('h1:visible');

test.describe('the offline exports, opened from disk with the network off', () => {
  const outside: string[] = [];

  test.beforeEach(async ({ context, page }) => {
    outside.length = 0;
    await context.setOffline(true);
    await context.route(
      (url) => url.protocol !== 'file:' && url.protocol !== 'data:',
      (route) => {
        outside.push(route.request().url());
        return route.abort();
      },
    );
    page.on('request', (request) => {
      if (!/^(file|data):/.test(request.url())) outside.push(request.url());
    });
  });

  test.afterEach(() => {
    expect(outside, 'requests that are not file: or data:').toEqual([]);
  });

  test('the single file is one self-contained file under 150 KB', () => {
    const file = EXPORTS['the single file'].slice('file://'.length);
    expect(statSync(file).size).toBeLessThan(150 * 1024);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\s(src|href)="(?!data:|#)/);
  });

  for (const [name, url] of Object.entries(EXPORTS)) {
    test.describe(name, () => {
      test('navigates from the overview to the matrix, a party, an activity, and back', async ({
        page,
      }) => {
        await page.goto(url);
        await expect(visibleHeading(page)).toHaveText(model.title);
        await page.getByRole('link', { name: 'Matrix', exact: true }).click();
        await expect(visibleHeading(page)).toHaveText('Responsibility matrix');
        await expect(page.locator('tr.activity-row:visible')).toHaveCount(28);
        await page.getByRole('link', { name: 'AWS', exact: true }).first().click();
        await expect(visibleHeading(page)).toHaveText('Amazon Web Services');
        await page.getByRole('link', { name: 'AWS Regions' }).click();
        await expect(visibleHeading(page)).toHaveText('AWS Regions');
        await page.goBack();
        await expect(visibleHeading(page)).toHaveText('Amazon Web Services');
        await page.goBack();
        await expect(visibleHeading(page)).toHaveText('Responsibility matrix');
        await page.goForward();
        await expect(visibleHeading(page)).toHaveText('Amazon Web Services');
      });

      test('searches "recovery plans" and reaches its activity', async ({ page }) => {
        await page.goto(url);
        await page.getByRole('button', { name: 'Search' }).click();
        await page.keyboard.type('recovery plans');
        await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(
          'Recovery Plans',
        );
        await page.keyboard.press('Enter');
        await expect(visibleHeading(page)).toHaveText('Recovery Plans');
        await expect(page.getByRole('dialog')).toBeHidden();
      });

      test('quotes a result’s own words, never the page around them', async ({ page }) => {
        await page.goto(url);
        await page.getByRole('button', { name: 'Search' }).click();
        await page.keyboard.type('firewall');
        const options = page.getByRole('listbox').getByRole('option');
        await expect(options.first()).toContainText('Firewalls');
        await expect(options.filter({ hasText: 'Party' }).first()).toContainText(
          'network firewall rules',
        );
        // An activity without notes quotes nothing: not its breadcrumb, labels and headings.
        await expect(page.getByRole('listbox')).not.toContainText('Responsible party:');
        await expect(page.getByRole('listbox')).not.toContainText('Who does what');
      });

      test('filters the matrix', async ({ page }) => {
        await page.goto(url);
        await page.getByRole('link', { name: 'Matrix', exact: true }).click();
        await page.getByRole('combobox', { name: 'Responsible party' }).selectOption('vmware');
        await expect(page.locator('tr.activity-row:visible')).toHaveCount(5);
      });
    });
  }

  test('the single file shows each activity at #<activity-id>, the id of its hosted permalink', async ({
    page,
  }) => {
    for (const activity of model.activities.slice(0, 6)) {
      await page.goto(`${EXPORTS['the single file']}#${activity.id}`);
      await expect(visibleHeading(page)).toHaveText(activity.title);
      await expect(page).toHaveTitle(`${activity.title} · ${model.title}`);
    }
    // Exported without the site's address, it offers no file:// link as the permanent one:
    // it says so, and gives the id to cite.
    const last = model.activities[5]!;
    await expect(page.getByRole('textbox', { name: 'Permalink' })).toHaveCount(0);
    await expect(page.locator('.permalink-unknown:visible')).toContainText(
      'No permanent link: this copy has no web address',
    );
    await expect(page.locator('.permalink-unknown:visible')).not.toContainText('--');
    await expect(page.locator('.permalink-unknown:visible code').first()).toHaveText(last.id);
  });

  test('the single file follows in-page links, an area to its place in the matrix', async ({
    page,
  }) => {
    await page.goto(`${EXPORTS['the single file']}#vmc-on-aws-sddc-lifecycle-nsx`);
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'VMC on AWS SDDC Lifecycle' })
      .click();
    await expect(visibleHeading(page)).toHaveText('Responsibility matrix');
    await expect(
      page.getByRole('link', { name: 'VMC on AWS SDDC Lifecycle', exact: true }),
    ).toBeInViewport();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the single file still shows the overview, then each view its link names', async ({
      page,
    }) => {
      await page.goto(EXPORTS['the single file']);
      await expect(visibleHeading(page)).toHaveText(model.title);
      await page.getByRole('link', { name: 'Matrix', exact: true }).click();
      await expect(visibleHeading(page)).toHaveText('Responsibility matrix');
      await page.getByRole('link', { name: 'NSX', exact: true }).click();
      await expect(visibleHeading(page)).toHaveText('NSX');
    });
  });

  test('the single file prints the view on screen, without navigation', async ({ page }) => {
    await page.goto(`${EXPORTS['the single file']}#_matrix`);
    await page.emulateMedia({ media: 'print' });
    await expect(visibleHeading(page)).toHaveText('Responsibility matrix');
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
