/**
 * `npm run screenshots`: builds the default content and photographs each page type, light
 * and dark, wide and at 375 px, into docs/screenshots/ — to look at what we ship; then each
 * model of examples/, its matrix and an activity, into docs/screenshots/examples/; then the
 * examples as one library (catalog, a party across the models, my stack, search) into
 * docs/screenshots/library/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from '../e2e/support/chromium.ts';
import { serveStatic } from '../e2e/support/static-server.ts';

const OUT = 'docs/screenshots';
// Onus writes no output into its own installation: the sites go to the system's temporary folder.
const WORK = path.join(tmpdir(), 'onus-screenshots');
const SITE = path.join(WORK, 'site');
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
await server.close();

/** The page of each example worth looking at besides its matrix: an activity with the most to show. */
const EXAMPLE_PAGES: Record<string, string> = {
  'cloud-service-models': 'activities/information-and-data-accounts-and-identities/',
  'managed-kubernetes-grid': 'activities/worker-nodes-node-pools/',
  'security-control-catalog': 'activities/a-a-04/',
  'managed-vmware-task-lists': 'activities/virtual-machines-backups-of-virtual-machines/',
};
mkdirSync(`${OUT}/examples`, { recursive: true });
for (const file of readdirSync('examples').filter((name) => name.endsWith('.md'))) {
  const name = path.basename(file, '.md');
  const content = path.join(WORK, 'examples', name);
  mkdirSync(content, { recursive: true });
  copyFileSync(`examples/${file}`, `${content}/${file}`);
  const site = `${content}-site`;
  const exampleBuild = spawnSync(
    process.execPath,
    [
      'bin/onus.js',
      'build',
      '--content',
      content,
      '--out',
      site,
      '--site',
      'https://srm.example.com/',
    ],
    { stdio: 'inherit' },
  );
  if (exampleBuild.status !== 0) process.exit(1);
  const exampleServer = await serveStatic(site);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const [label, route] of [
    ['matrix', 'matrix/'],
    ['activity', EXAMPLE_PAGES[name] ?? ''],
  ] as const) {
    await page.goto(`${exampleServer.url}${route}`);
    await page.screenshot({ path: `${OUT}/examples/${name}-${label}.png`, fullPage: true });
  }
  await page.close();
  await exampleServer.close();
}

// The examples as one library: its catalog, a party across the models, "my stack", search; a
// grid matrix on a phone and on paper, a stack's printout (after choosing the dark theme: paper
// stays light), and a search for a control's id.
const library = path.join(WORK, 'library-site');
const libraryBuild = spawnSync(
  process.execPath,
  [
    'bin/onus.js',
    'build',
    '--content',
    'examples',
    '--out',
    library,
    '--site',
    'https://srm.example.com/',
  ],
  { stdio: 'inherit' },
);
if (libraryBuild.status !== 0) process.exit(1);
mkdirSync(`${OUT}/library`, { recursive: true });
const libraryServer = await serveStatic(library);
for (const [label, route, colorScheme, width, media] of [
  ['catalog', '', 'light', 1280],
  ['party-across-models', 'parties/customer/', 'dark', 1280],
  [
    'my-stack',
    'stack/?party=customer&model=cloud-service-models&model=managed-kubernetes-grid&context=cloud-service-models:paas',
    'light',
    1280,
  ],
  ['my-stack-phone', 'stack/?party=provider&model=security-control-catalog', 'dark', 375],
  ['search', 'search/?q=backup', 'light', 1280],
  ['search-control-id', 'search/?q=A%26A-01', 'light', 1280],
  ['grid-matrix-phone', 'managed-kubernetes-grid/matrix/', 'dark', 390],
  // A4 landscape at 96 dpi, as the matrix prints.
  ['grid-matrix-print', 'cloud-service-models/matrix/', 'dark', 1123, 'print'],
  ['my-stack-print', 'stack/?party=customer&model=security-control-catalog', 'dark', 794, 'print'],
] as const) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  if (media === 'print') await page.emulateMedia({ media: 'print' });
  await page.goto(`${libraryServer.url}${route}`);
  await page.screenshot({ path: `${OUT}/library/${label}.png`, fullPage: true });
  await page.close();
}
await libraryServer.close();
await browser.close();
process.stdout.write(`Screenshots in ${OUT}/\n`);
