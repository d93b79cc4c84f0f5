import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { siteFolder } from './support/sites.ts';

test.use({ siteName: 'grown' });

test.describe('a site that grew from one model to two', () => {
  const before = JSON.parse(
    readFileSync(path.join(siteFolder('seed'), 'permalinks.json'), 'utf8'),
  ) as {
    permalinks: Array<{ kind: string; title: string; url: string }>;
  };

  test('sends every address of the one-model site on to the same item in its model', async ({
    page,
  }) => {
    for (const permalink of before.permalinks.filter((entry) => entry.kind !== 'party')) {
      await page.goto(permalink.url.slice(1));
      await expect(page).toHaveURL(new RegExp(`/vmware-site-recovery${permalink.url}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(permalink.title);
    }
    await page.goto('parties/vmware/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('VMware');
    await page.goto('matrix/');
    await expect(page.getByRole('link', { name: 'Responsibility matrix' }).first()).toBeVisible();
  });
});
