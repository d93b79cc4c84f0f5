import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './chromium.ts';
import { buildStarlightSite } from './starlight-site.ts';
import {
  contentFiles,
  contentFolder,
  exportFolder,
  exportWithSiteFolder,
  generatedContent,
  OUTPUT,
  SEED_SITE_URL,
  SITES,
  siteFolder,
  type SiteName,
} from './sites.ts';

function onus(args: string[], what: string): void {
  const result = spawnSync(process.execPath, ['bin/onus.js', ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} for the browser tests failed`);
}

/** Finds (or installs) Chromium for the workers, then builds and exports every site under test. */
export default async function globalSetup(): Promise<void> {
  process.env.ONUS_CHROMIUM = ensureChromium();
  rmSync(OUTPUT, { recursive: true, force: true });
  for (const [key, site] of Object.entries(SITES)) {
    const name = key as SiteName;
    const content = contentFolder(name);
    if ('integration' in site) continue;
    const generated = generatedContent(name);
    if (generated !== undefined) {
      mkdirSync(content, { recursive: true });
      writeFileSync(path.join(content, 'catalog.md'), generated);
      onus(['build', '--content', content, '--out', siteFolder(name)], `Building the ${name} site`);
      continue;
    }
    for (const file of contentFiles(name)) {
      mkdirSync(content, { recursive: true });
      copyFileSync(file, path.join(content, path.basename(file)));
      // A release of the seed: its version goes first in its frontmatter.
      if ('release' in site && path.basename(file) === 'vmware-site-recovery.md') {
        const copy = path.join(content, path.basename(file));
        writeFileSync(copy, readFileSync(copy, 'utf8').replace('---\n', `---\n${site.release}`));
      }
    }
    const history = 'history' in site ? ['--history', site.history] : [];
    onus(
      ['build', '--content', content, '--out', siteFolder(name), '--base', site.base, ...history],
      `Building the ${name} site`,
    );
    onus(
      ['export', '--content', content, '--out', exportFolder(name), ...history],
      `Exporting the ${name} site`,
    );
  }
  await buildStarlightSite(siteFolder('starlight'));
  onus(
    [
      'export',
      '--content',
      SITES.seed.content,
      '--out',
      exportWithSiteFolder(),
      '--site',
      SEED_SITE_URL,
    ],
    'Exporting the seed with its site address',
  );
}
