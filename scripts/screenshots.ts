/**
 * `npm run screenshots`: builds the default content and photographs each page type, light
 * and dark, wide and at 375 px, into docs/screenshots/ — to look at what we ship.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from '../e2e/support/chromium.ts';
import { serveStatic } from '../e2e/support/static-server.ts';

const OUT = 'docs/screenshots';
const SITE = 'node_modules/.cache/onus/screenshots-site';
const PAGES = {
  overview: '',
  matrix: 'matrix/',
  party: 'parties/customer/',
  activity: 'activities/vmware-site-recovery-recovery-plans/',
  area: 'areas/vmc-on-aws-sddc-lifecycle/',
};

// Built for a public address, as a published site is: permalinks show it, not a test port.
const built = spawnSync(
  process.execPath,
  ['bin/onus.js', 'build', '--out', SITE, '--site', 'https://srm.example.com/'],
  { stdio: 'inherit' },
);
if (built.status !== 0) process.exit(1);
mkdirSync(OUT, { recursive: true });

const server = await serveStatic(SITE);
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
for (const colorScheme of ['light', 'dark'] as const) {
  for (const [width, label] of [
    [1280, 'desktop'],
    [375, 'phone'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(`${server.url}${path}`);
      await page.screenshot({
        path: `${OUT}/${name}-${label}-${colorScheme}.png`,
        fullPage: name !== 'matrix',
      });
    }
    await page.close();
  }
}
await browser.close();
await server.close();
process.stdout.write(`Screenshots in ${OUT}/\n`);
