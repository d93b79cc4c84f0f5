import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { removeOnInterrupt } from '../io/interrupt.ts';
import type { LinkMode } from '../site/links.ts';
import { normalizeBase } from '../site/routes.ts';
import { astroEnvironment, PROJECT_ROOT } from './prepare.ts';

const STAGING = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'onus');

export interface AstroBuildOptions {
  /** The checked content folder (absolute). */
  content: string;
  links: LinkMode;
  base?: string;
  site?: string;
  verbose?: boolean;
}

/**
 * Build the site with Astro into a fresh folder inside the project — Astro imports its own
 * output while prerendering, so its dependencies must resolve from there — and hand that
 * folder to `use`. The folder is removed afterwards, whatever happens.
 */
export async function withAstroBuild<T>(
  options: AstroBuildOptions,
  use: (site: string) => Promise<T>,
): Promise<T> {
  astroEnvironment(options.content, options.links);
  const { build } = await import('astro');
  await mkdir(STAGING, { recursive: true });
  const staging = await mkdtemp(path.join(STAGING, 'build-'));
  const site = path.join(staging, 'site');
  const forget = removeOnInterrupt(staging);
  try {
    await build({
      root: PROJECT_ROOT,
      outDir: site,
      cacheDir: path.join(staging, 'cache'),
      base: normalizeBase(options.base),
      ...(options.site && { site: options.site }),
      logLevel: options.verbose ? 'info' : 'warn',
    });
    return await use(site);
  } finally {
    forget();
    await rm(staging, { recursive: true, force: true });
  }
}

export async function countPages(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html')).length;
}
