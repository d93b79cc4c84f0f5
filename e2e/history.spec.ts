import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { exportFolder } from './support/sites.ts';

test.use({ siteName: 'history' });

test.describe('a model built with an earlier release', () => {
  test('has a Changes page that tells each party what changed, newest first', async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.goto('');
    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Changes' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changes');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'Version 2.0 · 2026-06-01',
      'Version 1.0 · 2025-11-03',
    ]);
    const latest = page.getByRole('region', { name: 'Version 2.0 · 2026-06-01' });
    await expect(latest.getByRole('heading', { level: 3 })).toHaveText([
      'For Customer',
      'For VMware',
      'Activities',
      'The model',
    ]);
    await expect(latest.getByRole('listitem').filter({ hasText: 'no longer held' })).toHaveText(
      'Monitoring & Operations of SRM & VR (Cloud): no longer held, was Responsible',
    );
    await expect(page.getByText('The first release in this history')).toBeVisible();
    const { violations } = await makeAxeBuilder().analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });

  test('marks what the latest version changed, and gives each activity its history', async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.goto('matrix/');
    const added = page.getByRole('row', { name: /^Recovery Plans/ });
    const onMatrix = await makeAxeBuilder().analyze();
    expect(onMatrix.violations.map((violation) => violation.id)).toEqual([]);
    await expect(added.getByText('Changed in 2.0')).toBeVisible();
    await expect(
      page.getByRole('row', { name: /^Protection Groups/ }).getByText('Changed in 2.0'),
    ).toHaveCount(0);
    await added.getByRole('link', { name: 'Recovery Plans' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Changed in 2.0');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByText('Held by Customer since 2.0.')).toBeVisible();
    await expect(history.getByRole('listitem')).toHaveText([
      'The activity: new in VMware Site Recovery, held: Customer Responsible',
    ]);
    const { violations } = await makeAxeBuilder().analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
    await history.getByRole('link', { name: 'Version 2.0' }).click();
    await expect(page).toHaveURL(/\/changes\/#version-2-0$/);
  });

  test('keeps the page of an activity it removed, saying when and what it was', async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.goto('changes/');
    await page
      .getByRole('region', { name: 'Version 2.0 · 2026-06-01' })
      .getByRole('link', { name: 'Legacy vSphere Replication appliances' })
      .first()
      .click();
    await expect(page).toHaveURL(
      /\/activities\/srm-vr-lifecycle-cloud-legacy-vsphere-replication-appliances\/$/,
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Legacy vSphere Replication appliances Removed in 2.0',
    );
    await expect(page.getByRole('note')).toContainText(
      'version 2.0 (2026-06-01) removed it. What follows is how version 1.0, the last to have it, stated it.',
    );
    await expect(page.getByRole('main').getByRole('listitem')).toHaveText('VMware: Responsible');
    const { violations } = await makeAxeBuilder().analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });

  test('publishes an Atom feed of its versions, linked from every page', async ({ page }) => {
    await page.goto('');
    const href = await page
      .locator('link[rel="alternate"][type="application/atom+xml"]')
      .getAttribute('href');
    const feedUrl = new URL(href!, page.url()).href;
    const response = await page.request.get(feedUrl);
    expect(response.ok()).toBe(true);
    const feed = await page.evaluate(
      (xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const atom = 'http://www.w3.org/2005/Atom';
        const text = (node: Element, name: string) =>
          node.getElementsByTagNameNS(atom, name)[0]?.textContent;
        return {
          error: doc.getElementsByTagName('parsererror').length,
          root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
          id: text(doc.documentElement, 'id'),
          entries: [...doc.getElementsByTagNameNS(atom, 'entry')].map((entry) => ({
            id: text(entry, 'id'),
            title: text(entry, 'title'),
            updated: text(entry, 'updated'),
            link: entry.getElementsByTagNameNS(atom, 'link')[0]!.getAttribute('href'),
            content: text(entry, 'content'),
          })),
        };
      },
      await response.text(),
    );
    expect(feed.error).toBe(0);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
    expect(feed.id).toBe('urn:onus:vmware-site-recovery:changes');
    expect(feed.entries.map(({ id, title, updated }) => [id, title, updated])).toEqual([
      ['urn:onus:vmware-site-recovery:version:2.0', 'Version 2.0', '2026-06-01T00:00:00Z'],
      ['urn:onus:vmware-site-recovery:version:1.0', 'Version 1.0', '2025-11-03T00:00:00Z'],
    ]);
    expect(feed.entries[0]!.content).toContain('<h3>For Customer</h3>');
    for (const entry of feed.entries) {
      await page.goto(new URL(entry.link!, feedUrl).href);
      const anchor = new URL(page.url()).hash.slice(1);
      await expect(page.locator(`[id="${anchor}"]`)).toHaveText(new RegExp(`^${entry.title}`));
    }
  });

  test('puts the Changes page in its export for disk', async ({ page }) => {
    const file = path.join(
      exportFolder('history'),
      'vmware-site-recovery',
      'changes',
      'index.html',
    );
    expect(existsSync(file)).toBe(true);
    await page.goto(`file://${file}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changes');
    await page.getByRole('link', { name: 'Recovery Plans' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Recovery Plans');
  });

  test('puts the Changes page and the removed activities in its single file', async ({ page }) => {
    const file = path.join(exportFolder('history'), 'vmware-site-recovery.html');
    await page.goto(`file://${file}`);
    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Changes' })
      .click();
    await expect(page).toHaveURL(/#_changes$/);
    const view = page.locator('.view.current');
    await expect(view.getByRole('heading', { level: 1 })).toHaveText('Changes');
    await view.getByRole('link', { name: 'Legacy vSphere Replication appliances' }).first().click();
    await expect(page.locator('.view.current').getByRole('heading', { level: 1 })).toHaveText(
      'Legacy vSphere Replication appliances Removed in 2.0',
    );
  });
});
