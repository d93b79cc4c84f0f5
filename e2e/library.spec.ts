import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { exportFolder } from './support/sites.ts';

test.use({ siteName: 'library' });

const MODELS = [
  'Example Cloud — Shared Responsibility by Service Model',
  'Managed Kubernetes — Resources and Processes',
  'Managed VMware Cloud — Operational Task Lists',
  'Managed Platform — Security Control Catalog',
];

test.describe('the catalog of a library', () => {
  test('lists every model with its facts, and filters them by words and by party, in the address', async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.goto('');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Example Cloud: shared responsibility models',
    );
    const cards = page.locator('.model-card');
    await expect(cards.getByRole('heading', { level: 2 })).toHaveText(MODELS);
    await expect(cards.nth(3)).toContainText('Version 3.1.0');
    await expect(cards.nth(3)).toContainText('last reviewed 2026-11-01');
    await expect(cards.nth(3).getByRole('list', { name: 'Parties' })).toContainText(
      'Customer: responsible for',
    );

    await page.getByRole('searchbox', { name: 'Words' }).fill('kubernetes');
    await expect(page.getByRole('status')).toHaveText('Showing 1 of 4 models');
    await expect(cards.filter({ visible: true })).toHaveCount(1);
    await expect(page).toHaveURL(/\?q=kubernetes$/);

    await page.getByRole('searchbox', { name: 'Words' }).fill('');
    await page
      .getByRole('combobox', { name: 'Party' })
      .selectOption({ label: 'VMware by Broadcom' });
    await expect(cards.filter({ visible: true }).getByRole('heading')).toHaveText([MODELS[2]!]);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Party' })).toHaveValue('vmware');
    await expect(cards.filter({ visible: true })).toHaveCount(1);
    expect((await makeAxeBuilder().analyze()).violations).toEqual([]);
  });

  test('leads to each model under its own folder', async ({ page }) => {
    await page.goto('');
    await page.getByRole('link', { name: MODELS[1]!, exact: true }).click();
    await expect(page).toHaveURL(/\/managed-kubernetes-grid\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(MODELS[1]!);
    // The header names the model the reader is in, and leads back to all of them.
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: MODELS[1]!, exact: true })).toBeVisible();
    await expect(
      header.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Models' }),
    ).toHaveAttribute('href', '/');
    await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link', { name: 'Matrix' })
      .click();
    await expect(page).toHaveURL(/\/managed-kubernetes-grid\/matrix\/$/);
    await page.getByRole('link', { name: 'etcd' }).first().click();
    await expect(page).toHaveURL(/\/managed-kubernetes-grid\/activities\/control-plane-etcd\/$/);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.getByRole('link')).toHaveText(['Models', MODELS[1]!, 'Control plane']);
  });

  test('gives a cell’s condition in words and its footnotes by number, each to its party', async ({
    page,
  }) => {
    await page.goto('managed-kubernetes-grid/matrix/');
    const monitoring = page.getByRole('row', { name: /^etcd/ }).getByRole('cell').nth(3);
    // `Provider[^health] and Customer[^audit]`: each footnote beside the party it follows.
    await expect(monitoring.locator('.mark', { hasText: 'Provider' })).toContainText('1');
    await expect(monitoring.locator('.mark', { hasText: 'Customer' })).toContainText('2');
    // Where the activity does not exist, the cell says so: N/A is not "no one".
    const cni = page
      .getByRole('row', { name: /^Cluster network/ })
      .getByRole('cell')
      .nth(2);
    await expect(cni).toContainText('N/A');
    await expect(cni).not.toContainText('No one');
    await expect(cni.getByText('Not applicable in Scaling')).toBeAttached();
    const balancers = page
      .getByRole('row', { name: /^Load balancers/ })
      .getByRole('cell')
      .nth(3);
    await balancers.getByRole('link', { name: 'if1 on condition 1 below the table' }).click();
    await expect(page).toHaveURL(/#condition-1$/);
    await expect(page.getByRole('region', { name: 'Conditions' })).toContainText(
      'it exposes services through them',
    );
    await page.goto('managed-kubernetes-grid/activities/networking-load-balancers/');
    await expect(page.getByRole('article').filter({ hasText: 'Condition' })).toContainText(
      'it exposes services through them',
    );
  });
});

test.describe('a party across the models', () => {
  test('has an “On this page” of models and their levels that follows the reader, and a way back up', async ({
    page,
  }) => {
    await page.goto('parties/customer/');
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await expect(contents.getByRole('link')).toContainText([MODELS[0]!, 'Owns', 'Shared']);
    await page
      .getByRole('heading', { name: 'Shares: 28 activities' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await expect(contents.getByRole('link', { name: 'Shares' })).toHaveAttribute(
      'aria-current',
      'location',
    );
    const position = page.locator('.page-position');
    await expect(position).toBeVisible();
    await expect(position).toContainText(`${MODELS[3]} › Shares`);
    await position.getByRole('button', { name: '↑ Top' }).click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
    await expect(position).toBeHidden();
  });

  test('lists its duties in every model, by model, level and area, each linking to its model', async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.goto('parties/customer/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer');
    await expect(page.locator('.lede')).toContainText('across 4 models');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      MODELS.map((title) => `${title}#`),
    );
    const catalog = page.getByRole('region', { name: MODELS[3] });
    await expect(catalog.getByRole('heading', { level: 3 }).first()).toHaveText(
      /^Owns: \d+ activities$/,
    );
    await catalog.getByRole('link', { name: 'Audit and assurance policy' }).first().click();
    await expect(page).toHaveURL(/\/security-control-catalog\/activities\/a-a-01\/$/);
    await page.goto('parties/customer/');
    expect((await makeAxeBuilder().analyze()).violations).toEqual([]);
  });
});

test.describe('my stack', () => {
  test('combines a party’s duties in the models and contexts picked, kept in the address', async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.goto(
      'stack/?party=customer&model=cloud-service-models&context=cloud-service-models:paas',
    );
    await expect(page.getByRole('checkbox', { name: MODELS[0] })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'PaaS' })).toBeChecked();
    const heading = page.getByRole('heading', {
      level: 2,
      name: /^Customer: responsible for \d+ activit(y|ies)(, takes part in \d+ more)? in 1 model$/,
    });
    await expect(heading).toBeVisible();
    const rows = page.locator('.stack-table tbody tr');
    const paas = await rows.count();
    expect(paas).toBeGreaterThan(0);
    await expect(rows.getByRole('link').first()).toHaveAttribute(
      'href',
      /^\/cloud-service-models\/activities\//,
    );

    await page.getByRole('checkbox', { name: MODELS[1] }).check();
    await page.getByRole('button', { name: 'Show the duties' }).click();
    await expect(page).toHaveURL(/model=cloud-service-models&model=managed-kubernetes-grid/);
    await expect(page.getByRole('heading', { level: 2, name: /in 2 models$/ })).toBeFocused();
    await expect(page.locator('.stack-choice')).toHaveText(
      `In ${MODELS[0]} (PaaS); and ${MODELS[1]} (all contexts).`,
    );
    await expect(page.getByRole('heading', { level: 3 })).toHaveText([
      /^Example Cloud — Shared Responsibility by Service Model \(responsible for \d+ activit(y|ies)\)$/,
      /^Managed Kubernetes — Resources and Processes \(responsible for \d+ activit(y|ies)\)$/,
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    // A byte order mark, so that Excel on Windows reads UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(csv[0]).toBe(
      'Party,Model,Model version,Last reviewed,Area,Activity,Id,References,Level,Responsible,Contexts,Condition,Footnotes,Note,Permanent link',
    );
    // A row per level an activity is held at: the table shows each activity once.
    expect(csv.length).toBeGreaterThanOrEqual((await rows.count()) + 1);
    expect(csv[1]).toMatch(
      /^Customer,Example Cloud — Shared Responsibility by Service Model,2026\.2,2026-10-15,/,
    );
    expect(csv[1]).toMatch(/,PaaS,.*,http:\/\/[^,]+\/cloud-service-models\/activities\/[^,]+\/$/);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Show the duties' })).toBeHidden();
    await expect(page.getByText(/^Pick a party/)).toBeHidden();
    await expect(rows.first()).toBeVisible();
    // What a printout is cited by: the list's address, each model's edition, each permalink.
    await expect(
      page.getByText(/^This list: http:\/\/[^ ]+\/stack\/\?party=customer&/),
    ).toBeVisible();
    await expect(page.getByText('Version 2026.2, last reviewed 2026-10-15.')).toBeVisible();
    await expect(rows.first().getByText(/\/cloud-service-models\/activities\//)).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    expect((await makeAxeBuilder().analyze()).violations).toEqual([]);
  });

  test('on a phone keeps each box beside its words', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('stack/');
    for (const box of await page.getByRole('checkbox').all()) {
      const label = box.locator('xpath=..');
      const [boxAt, labelAt] = await Promise.all([box.boundingBox(), label.boundingBox()]);
      // The box starts its label's first line, not the end of the line above.
      expect(boxAt!.x - labelAt!.x).toBeLessThan(8);
      expect(boxAt!.y - labelAt!.y).toBeLessThan(12);
    }
  });

  test('on a phone labels each card’s lines with their column’s name', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('stack/?party=customer&model=managed-kubernetes-grid');
    const card = page.getByRole('row', { name: /^Node pools/ });
    await expect(card).toBeVisible();
    const labels = await card
      .getByRole('cell')
      .evaluateAll((cells) =>
        cells
          .filter((cell) => cell.textContent !== '')
          .map((cell) => getComputedStyle(cell, '::before').content),
      );
    expect(labels).toEqual(['"Area"', '"Level"', '"Notes"']);
    // A card reads as a card: its lines one under the other, not a squeezed table row.
    const [area, level] = await card.getByRole('cell').all();
    const [areaAt, levelAt] = await Promise.all([area!.boundingBox(), level!.boundingBox()]);
    expect(levelAt!.y).toBeGreaterThan(areaAt!.y);
  });

  test('keeps a note’s numbered steps a line each', async ({ page }) => {
    await page.goto('stack/?party=customer&model=security-control-catalog');
    const row = page.getByRole('row', { name: /^Requirements compliance/ });
    const text = await row.getByRole('cell').last().innerText();
    expect(text).toMatch(/dedicated tenancy\.\n1\. Request the runbook/);
  });

  test('follows the form as it changes, says what the address names that does not exist, and goes Back', async ({
    page,
  }) => {
    await page.goto('stack/?party=nobody&model=bogus&model=managed-kubernetes-grid');
    await expect(page.getByRole('status').filter({ hasText: 'This address names' })).toHaveText(
      /the party “nobody” and the model “bogus”, which are in none of these models/,
    );
    const heading = page.getByRole('heading', { level: 2 });
    await expect(heading).toHaveText(/^Customer: .* in 1 model$/);

    await page.getByRole('combobox', { name: 'Party' }).selectOption({ label: 'Example Cloud' });
    await expect(heading).toHaveText(/^Example Cloud: /);
    await expect(page).toHaveURL(/party=provider&model=managed-kubernetes-grid$/);
    await page.getByRole('checkbox', { name: 'Scaling' }).check();
    await expect(page.locator('.stack-choice')).toHaveText(`In ${MODELS[1]} (Scaling).`);

    await page.goBack();
    await expect(page.locator('.stack-choice')).toHaveText(`In ${MODELS[1]} (all contexts).`);
    await expect(page.getByRole('checkbox', { name: 'Scaling' })).not.toBeChecked();
    await page.goBack();
    await expect(heading).toHaveText(/^Customer: /);
  });
});

test.describe('search across the models', () => {
  test('names each result’s model, keeps to one model when asked, and finds a control by its id first', async ({
    page,
  }) => {
    await page.goto('search/?q=backup');
    const results = page.locator('.search-page-results li');
    await expect(results.first()).toContainText('in Managed Platform — Security Control Catalog');
    await expect(results.nth(1)).toContainText('in Managed VMware Cloud — Operational Task Lists');
    await page.getByRole('combobox', { name: 'Model' }).selectOption({ label: MODELS[2]! });
    // Its backups first; then what varies with its Managed Backup add-on, a context's name.
    await expect(results.first()).toContainText('Backups of virtual machines');
    await expect(results.filter({ hasNotText: MODELS[2]! })).toHaveCount(0);
    await expect(page).toHaveURL(/q=backup&model=managed-vmware-task-lists/);

    await page.goto('');
    await page.keyboard.press('/');
    await page
      .getByRole('combobox', { name: 'Search activities, areas and parties' })
      .fill('A&A-02');
    const first = page.getByRole('listbox').getByRole('option').first();
    await expect(first).toContainText('Independent assessments');
    await expect(first).toContainText('in Managed Platform — Security Control Catalog');
    // The id it matched by, as an auditor cites it; the one control that cites it, and no other.
    await expect(first).toContainText('CCM A&A-02');
    await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(1);
    await expect(first.locator('mark')).toHaveText(['A&A-02']);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/security-control-catalog\/activities\/a-a-02\/$/);
  });

  test('finds a level or a context by its name, and offers full-text search when no model matches', async ({
    page,
  }) => {
    await page.goto('search/?q=dedicated%20tenancy');
    await expect(page.locator('.search-page-results li').first()).toContainText(MODELS[3]!);
    await page.goto('?q=firewall');
    await expect(page.getByText('No model matches these filters.')).toBeVisible();
    await page.getByRole('link', { name: 'Search the full text instead' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=firewall$/);
  });
});

test.describe('the library exported for disk', () => {
  const folder = exportFolder('library');
  for (const [name, url] of Object.entries({
    'the single file': `file://${path.join(folder, 'examples.html')}#_stack`,
    'the site for disk': `file://${path.join(folder, 'examples', 'stack', 'index.html')}`,
  })) {
    test(`works offline in ${name}: my stack, and search naming models`, async ({
      page,
      context,
    }) => {
      await context.setOffline(true);
      await page.goto(url);
      await page.getByRole('combobox', { name: 'Party' }).selectOption({ label: 'Customer' });
      await page.getByRole('checkbox', { name: MODELS[3] }).check();
      await page.getByRole('button', { name: 'Show the duties' }).click();
      await expect(
        page.getByRole('heading', {
          level: 2,
          name: /^Customer: responsible for \d+ activit(y|ies)(, takes part in \d+ more)? in 1 model$/,
        }),
      ).toBeVisible();
      await page.locator('.stack-table:visible').getByRole('link', { name: 'Backup' }).click();
      await expect(page.locator('h1:visible')).toHaveText(/^Backup/);

      await page.getByRole('button', { name: /Search/ }).click();
      await page
        .getByRole('combobox', { name: 'Search activities, areas and parties' })
        .fill('patching');
      await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(
        /in (Example Cloud|Managed)/,
      );
    });
  }

  for (const [name, url] of Object.entries({
    'the single file': `file://${path.join(folder, 'examples.html')}#managed-kubernetes-grid/_matrix`,
    'the site for disk': `file://${path.join(folder, 'examples', 'managed-kubernetes-grid', 'matrix', 'index.html')}`,
  })) {
    test(`reads a grid's cells offline in ${name}: N/A, conditions and footnotes on the page, one context's column`, async ({
      page,
      context,
    }) => {
      await context.setOffline(true);
      await page.goto(url);
      const table = page.locator('table:visible');
      const row = (title: RegExp) => table.getByRole('row', { name: title });
      // Where the activity does not exist, the cell says so: N/A is not "no one".
      const cni = row(/^Cluster network/)
        .getByRole('cell')
        .nth(2);
      await expect(cni).toHaveText(/^N\/A\s*Not applicable in Scaling$/, { useInnerText: true });
      const etcd = row(/^etcd/).getByRole('cell').nth(3);
      await expect(etcd.locator('.mark', { hasText: 'Provider' })).toContainText('1');
      await etcd.getByRole('link', { name: '1 footnote 1 below the table' }).click();
      await expect(page.getByRole('region', { name: 'Footnotes' }).first()).toContainText(
        'The provider monitors etcd',
      );
      await row(/^Load balancers/)
        .getByRole('cell')
        .nth(3)
        .getByRole('link', { name: 'if1 on condition 1 below the table' })
        .click();
      await expect(page.getByRole('region', { name: 'Conditions' }).first()).toContainText(
        'it exposes services through them',
      );
      await page.getByRole('combobox', { name: 'Context' }).first().selectOption({
        label: 'Scaling',
      });
      await expect(table.getByRole('columnheader')).toHaveText([/./, 'Scaling']);
    });
  }
});

test.describe('the library’s own pages in both themes', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(colorScheme, () => {
      test.use({ colorScheme });
      test('have no accessibility violation: catalog, party, my stack with results, search with results, a model’s overview', async ({
        page,
        makeAxeBuilder,
      }) => {
        for (const route of [
          '',
          'parties/provider/',
          'stack/?party=provider&model=security-control-catalog',
          'search/?q=backup',
          'security-control-catalog/',
          'matrix/',
        ]) {
          await page.goto(route);
          await expect(page.locator('h1')).toBeVisible();
          if (route.startsWith('search'))
            await expect(page.locator('.result-model').first()).toBeVisible();
          if (route.startsWith('stack'))
            await expect(page.locator('.stack-table').first()).toBeVisible();
          expect((await makeAxeBuilder().analyze()).violations, route).toEqual([]);
        }
        // The search dialog of a library, with its choice of model and results naming models.
        await page.keyboard.press('/');
        await page
          .getByRole('combobox', { name: 'Search activities, areas and parties' })
          .fill('backup');
        await expect(
          page.getByRole('dialog').getByRole('combobox', { name: 'Model' }),
        ).toBeVisible();
        await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(' in ');
        expect((await makeAxeBuilder().analyze()).violations, 'search dialog').toEqual([]);
      });

      test('have no violation at 390 px either, targets of 24 px included: grids, stack, party pages', async ({
        page,
        makeAxeBuilder,
      }) => {
        await page.setViewportSize({ width: 390, height: 844 });
        for (const route of [
          '',
          'parties/customer/',
          'stack/?party=customer&model=managed-kubernetes-grid',
          'managed-kubernetes-grid/matrix/',
          'cloud-service-models/activities/information-and-data-accounts-and-identities/',
          'security-control-catalog/parties/customer/',
        ]) {
          await page.goto(route);
          await expect(page.locator('h1')).toBeVisible();
          const { violations } = await makeAxeBuilder().analyze();
          expect(
            violations.map(({ id, nodes }) => `${id}: ${nodes.map((n) => n.target).join(' | ')}`),
            route,
          ).toEqual([]);
        }
      });
    });
  }
});
