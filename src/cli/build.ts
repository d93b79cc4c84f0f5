import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { moveFolder, writeFolderAtomically } from '../io/output-folder.ts';
import { normalizeBase } from '../site/routes.ts';
import type { Io } from './io.ts';
import { astroEnvironment, checkSiteUrl, prepareContent, PROJECT_ROOT } from './prepare.ts';

const STAGING = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'onus');

export const buildUsage = `Usage: onus build [--content DIR] [--out DIR] [--base PATH] [--site URL] [--verbose]

Builds the site of the model in DIR (default content/) into the output folder (default dist/).
The folder is replaced only when the whole build succeeded.

  --content DIR   folder holding the one model file (default: content)
  --out DIR       output folder (default: dist)
  --base PATH     path the site is served under, e.g. /docs/ (default: /)
  --site URL      the site's address, e.g. https://example.com: makes canonical URLs absolute
                  and writes sitemap.xml
  --verbose       show Astro's own progress`;

export async function build(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      base: { type: 'string', default: '/' },
      site: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const site = checkSiteUrl(values.site);
  const started = performance.now();
  const prepared = await prepareContent(values.content, io);
  if (!prepared) return 1;

  astroEnvironment(prepared.directory);
  const out = path.resolve(io.cwd, values.out);
  const { build: astroBuild } = await import('astro');
  // Astro imports its own output while prerendering, so it builds inside the project, where
  // its dependencies resolve; the result is then moved next to the target and swapped in.
  await mkdir(STAGING, { recursive: true });
  const staging = await mkdtemp(path.join(STAGING, 'build-'));
  try {
    const pages = await writeFolderAtomically(out, async (folder) => {
      await astroBuild({
        root: PROJECT_ROOT,
        outDir: path.join(staging, 'site'),
        cacheDir: path.join(staging, 'cache'),
        base: normalizeBase(values.base),
        ...(site && { site }),
        logLevel: values.verbose ? 'info' : 'warn',
      });
      await moveFolder(path.join(staging, 'site'), folder);
      return countPages(folder);
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr(
      `Built ${pages} pages of ${prepared.model.activities.length} activities into ${path.relative(io.cwd, out) || '.'}/ in ${seconds} s\n`,
    );
    return 0;
  } catch (error) {
    io.stderr(
      `onus build: the build failed, ${path.relative(io.cwd, out) || '.'}/ is unchanged.\n${(error as Error).message}\n`,
    );
    return 1;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function countPages(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html')).length;
}
