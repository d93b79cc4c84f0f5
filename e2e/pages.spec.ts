import { expect, test } from './support/fixtures.ts';
import ExcelJS from 'exceljs';

test.describe('the overview', () => {
  test('introduces the model, its parties and leads to the matrix', async ({ page, model }) => {
    await page.goto('');
    await expect(page).toHaveTitle(model.title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(model.title);
    for (const party of model.parties) {
      const card = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: party.name }) });
      const count = model.activities.filter((activity) =>
        activity.parties.includes(party.id),
      ).length;
      await expect(card).toContainText(`${count} activities`);
      await expect(card).toContainText(party.scope!);
    }
    for (const section of model.sections) {
      await expect(page.getByRole('heading', { level: 2, name: section.title })).toBeVisible();
    }
    await page.getByRole('link', { name: 'See the responsibility matrix' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Responsibility matrix');
  });
});

test.describe('a party page', () => {
  test('lists exactly the activities the party holds', async ({ page, model }) => {
    for (const party of model.parties) {
      await page.goto(`parties/${party.id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(party.name);
      const held = model.activities.filter((activity) => activity.parties.includes(party.id));
      const links = page.locator('.activity-list > li > a');
      await expect(links).toHaveText(held.map((activity) => activity.title));
      const hrefs = await links.evaluateAll((elements) =>
        elements.map((link) => link.getAttribute('href')),
      );
      expect(hrefs).toEqual(held.map((activity) => activity.url));
    }
  });

  test("shows the party's description", async ({ page }) => {
    await page.goto('parties/customer/');
    await expect(page.getByText('in line with PCI-DSS')).toBeVisible();
  });
});

test.describe('an activity page', () => {
  test('says who is responsible, with a breadcrumb, related activities and previous / next', async ({
    page,
  }) => {
    await page.goto('activities/vmc-on-aws-sddc-lifecycle-vsan/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('vSAN');
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(breadcrumb.getByRole('listitem')).toHaveText([
      'VMware Site Recovery Shared Responsibility Model',
      'VMC on AWS SDDC Lifecycle',
      'vSAN',
    ]);
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('article').getByRole('heading')).toHaveText('VMware');
    await expect(
      page.getByRole('region', { name: 'Also in VMC on AWS SDDC Lifecycle' }).getByRole('link'),
    ).toHaveText(['vSphere', 'NSX']);
    await page.getByRole('link', { name: 'Next NSX' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('NSX');
    await page.getByRole('link', { name: 'Previous vSAN' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('vSAN');
  });

  test('has stable anchors, and no canonical link when the site’s address is not known', async ({
    page,
  }) => {
    await page.goto('activities/physical-infrastructure-aws-regions/');
    // A relative canonical URL or og:url is invalid: `--site` gives them (test/cli/build.test.ts).
    await expect(page.locator('link[rel=canonical], meta[property="og:url"]')).toHaveCount(0);
    for (const anchor of ['main', 'responsibility', 'party-aws']) {
      await expect(page.locator(`#${anchor}`)).toHaveCount(1);
    }
  });

  test('copies its permalink as a full address', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('activities/vmware-site-recovery-recovery-plans/');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}activities/vmware-site-recovery-recovery-plans/`);
  });

  test('exists at the url model.json gives, for every activity', async ({ request, model }) => {
    for (const activity of model.activities) {
      const response = await request.get(activity.url!.replace(/^\//, ''));
      expect(response.status(), activity.url).toBe(200);
      expect(await response.text()).toContain(`<h1>${activity.title.replaceAll('&', '&amp;')}`);
    }
  });
});

test.describe('an area page', () => {
  test("lists the area's activities with their marks", async ({ page }) => {
    await page.goto('areas/protected-sites/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protected Site(s)');
    await expect(page.locator('tbody tr.activity-row th > a')).toHaveText([
      'Firewalls',
      'Network Segments',
      'Role-Based Access Control',
    ]);
  });
});

test.describe('a missing page', () => {
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test('answers 404 with a page that leads back', async ({ page }) => {
    const response = await page.goto('activities/no-such-activity/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'The responsibility matrix' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Responsibility matrix');
  });
});

test.describe('the downloads', () => {
  test("give the model's workbook and its OSCAL component definition, each activity linked to its page", async ({
    page,
    model,
  }) => {
    await page.goto('');
    const downloads = page.getByRole('list', { name: 'Downloads' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      downloads.getByRole('link', { name: 'Workbook (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('matrix.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Matrix',
      'Notes and conditions',
      'References',
      'Model',
    ]);
    const href = await downloads
      .getByRole('link', { name: 'OSCAL component definition' })
      .getAttribute('href');
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.ok()).toBe(true);
    const oscal = (await response.json())['component-definition'];
    expect(oscal.metadata.title).toBe(model.title);
    const requirements = oscal.components[0]['control-implementations'].flatMap(
      (implementation: { 'implemented-requirements': unknown[] }) =>
        implementation['implemented-requirements'],
    ) as Array<{ links: Array<{ href: string }> }>;
    expect(requirements).toHaveLength(model.activities.length);
    const first = await page.request.get(new URL(requirements[0]!.links[0]!.href, page.url()).href);
    expect(first.ok()).toBe(true);
  });
});
