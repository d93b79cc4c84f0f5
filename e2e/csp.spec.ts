import { expect, test } from './support/fixtures.ts';
import { PAGE_TYPES } from './support/page-types.ts';

/** The strictest policy the site is built to live under: nothing inline, nothing from elsewhere. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

test.use({ serverHeaders: { 'Content-Security-Policy': STRICT_CSP } });

test.describe('under a strict Content-Security-Policy', () => {
  const violations: string[] = [];

  test.beforeEach(async ({ page }) => {
    violations.length = 0;
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
  });

  test.afterEach(() => {
    expect(violations, 'CSP violations').toEqual([]);
  });

  test('the server sends the policy', async ({ page }) => {
    const response = await page.goto('');
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
  });

  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    test(`the ${type} page loads with no violation`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
    });
  }

  test('search, the matrix filter, the theme choice and copy-link work', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('matrix/');
    await page.getByRole('combobox', { name: 'Responsible party' }).selectOption('aws');
    await expect(page.locator('tr.activity-row:visible')).toHaveCount(5);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.keyboard.press('/');
    await page.keyboard.type('recovery plans');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recovery Plans');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status')).toHaveText('Link copied');
  });
});

test.describe('the policy check', () => {
  test.use({ expectedConsoleErrors: [/Content Security Policy/] });

  test('does see a violation when there is one', async ({ page }) => {
    const seen: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          event.violatedDirective,
        ),
      );
    });
    await page.goto('');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    await expect.poll(() => seen).toContain('script-src-elem');
    expect(
      await page.evaluate(() => (window as { inlineRan?: boolean }).inlineRan),
    ).toBeUndefined();
  });
});
