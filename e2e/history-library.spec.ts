import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures.ts';

test.use({ siteName: 'historyLibrary' });

const SEED = 'VMware Site Recovery Shared Responsibility Model';

test.describe('"my stack" in a library built with an earlier release', () => {
  test('lists what changed for the party since the version the reader picks, and downloads it', async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.goto('stack/?party=customer');
    await expect(page.locator('.stack-changes')).toBeHidden();
    await page
      .getByRole('combobox', { name: `What changed since in ${SEED}` })
      .selectOption({ label: 'version 1.0 (2025-11-03)' });
    await expect(page).toHaveURL(/since=vmware-site-recovery%3A1\.0/);
    const changes = page.locator('.stack-changes');
    await expect(changes.getByRole('heading', { level: 3 })).toHaveText(
      'What changed for Customer',
    );
    await expect(changes.getByRole('heading', { level: 4 })).toHaveText(
      `${SEED}, since version 1.0`,
    );
    await expect(changes.getByRole('listitem')).toHaveText([
      'Version 2.0: Recovery Plans: new in VMware Site Recovery, held: Responsible',
      'Version 2.0: Monitoring & Operations of SRM & VR (Cloud): no longer held, was Responsible',
    ]);
    const { violations } = await makeAxeBuilder().analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the changes as CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('Party,Model,Version,Date,Activity,Change,Before,Now,Permanent link');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(
      new RegExp(
        `^Customer,${SEED},2\\.0,2026-06-01,Recovery Plans,"new in VMware Site Recovery, held: Responsible",,,http://[^,]+/vmware-site-recovery/activities/vmware-site-recovery-recovery-plans/$`,
      ),
    );

    // Another party, the same version: its own changes only.
    await page.getByRole('combobox', { name: 'Party' }).selectOption({ label: 'VMware' });
    await expect(changes.getByRole('listitem')).toHaveText([
      /^Version 2\.0: Legacy vSphere Replication appliances: gone from SRM & VR Lifecycle \(Cloud\), was held: Responsible$/,
    ]);
    await page.goBack();
    await expect(changes.getByRole('listitem')).toHaveCount(2);
  });

  test('says so when an address names a version the model never had', async ({ page }) => {
    await page.goto('stack/?party=customer&since=vmware-site-recovery:0.9');
    await expect(page.getByRole('status')).toContainText('the version “vmware-site-recovery:0.9”');
    await expect(page.locator('.stack-changes')).toBeHidden();
  });
});
