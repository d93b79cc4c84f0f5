import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFolderAtomically } from '../io/output-folder.ts';
import { astroBuild } from './astro-build.ts';
import type { Model } from '../model/index.ts';
import { grownRedirects } from '../site/grown-redirects.ts';
import { indexLibrary } from '../site/library.ts';
import type { Io } from './io.ts';
import { printable } from './printable.ts';
import { checkSiteUrl, claimOutputFolder, prepareContent } from './prepare.ts';

export const buildUsage = `Usage: onus build [--content DIR] [--out DIR] [--base PATH] [--site URL] [--verbose]

Builds the site of the models in DIR (default content/) into the output folder (default dist/).
The folder is replaced only when the whole build succeeded.

  --content DIR   folder of model files, also in subfolders (default: content); several
                  make a library, each model under /<model-id>/
  --out DIR       output folder (default: dist); replaced only if new, empty or an
                  earlier output of Onus
  --base PATH     path the site is served under, e.g. /docs/ (default: /)
  --site URL      the site's address, e.g. https://example.com: makes canonical URLs absolute
                  and writes sitemap.xml
  --verbose       show Astro's own progress`;

/** A library's pages for the addresses of a site of one model (see grownRedirects). */
function writeGrownRedirects(models: readonly Model[], folder: string, base: string): void {
  // Written synchronously: ten thousand small files take a tenth of the time they take awaited.
  for (const { file, html } of grownRedirects(indexLibrary(models), base)) {
    // A library renders nothing at the top's `activities/` and `areas/`: these pages are alone there.
    const target = path.join(folder, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, html);
  }
}

/** What a build published: one model's counts, or a library's. */
function describeContent(models: readonly Model[]): string {
  const count = (list: (model: Model) => readonly unknown[]) =>
    models.reduce((sum, model) => sum + list(model).length, 0);
  const parties = new Set(models.flatMap((model) => model.parties.map((party) => party.id))).size;
  const counts = `${count((model) => model.activities)} activities, ${count((model) => model.areas)} areas and ${parties} parties`;
  return models.length === 1 ? counts : `${models.length} models: ${counts}`;
}

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
  const target = await claimOutputFolder('build', values.out, values.content, io);
  if (!target) return 1;
  const prepared = await prepareContent(values.content, io);
  if (!prepared) return 1;

  const shown = `${target.shown}/`;
  try {
    await writeFolderAtomically(target, async (folder) => {
      await astroBuild(
        {
          content: prepared.directory,
          links: 'hosted',
          base: values.base,
          site,
          verbose: values.verbose,
        },
        folder,
        path.dirname(folder),
      );
      writeGrownRedirects((await prepared.models)!, folder, values.base);
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr(
      `Built the site of ${describeContent((await prepared.models)!)} into ${shown} in ${seconds} s\n`,
    );
    return 0;
  } catch (error) {
    // A model with errors stops the build where the pages would be read: its diagnostics are out already.
    const why = (await prepared.models) ? `\n${(error as Error).message}` : '';
    io.stderr(`onus build: the build failed, ${printable(shown)} is unchanged.${printable(why)}\n`);
    return 1;
  }
}
