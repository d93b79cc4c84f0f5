import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { ensureChromium } from './chromium.ts';
import { OUTPUT, SITES, siteFolder, type SiteName } from './sites.ts';

/** Finds (or installs) Chromium for the workers, then builds every site under test. */
export default function globalSetup(): void {
  process.env.ONUS_CHROMIUM = ensureChromium();
  rmSync(OUTPUT, { recursive: true, force: true });
  for (const [name, site] of Object.entries(SITES)) {
    const result = spawnSync(
      process.execPath,
      [
        'bin/onus.js',
        'build',
        '--content',
        site.content,
        '--out',
        siteFolder(name as SiteName),
        '--base',
        site.base,
      ],
      { stdio: 'inherit' },
    );
    if (result.status !== 0)
      throw new Error(`Building the ${name} site for the browser tests failed`);
  }
}
