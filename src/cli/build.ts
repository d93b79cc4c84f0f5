import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFolderAtomically } from '../io/output-folder.ts';
import { makeRunFolder } from '../io/run-folder.ts';
import { runOnThread } from '../io/threads.ts';
import { astroBuild } from './astro-build.ts';
import { makeDataDownloads, writeDataDownloads } from './data-downloads.ts';
import type { Model } from '../model/index.ts';
import type { Io } from './io.ts';
import { printable } from './printable.ts';
import {
  checkSiteUrl,
  claimOutputFolder,
  historyOption,
  prepareContent,
  reportRefusal,
} from './prepare.ts';
import { siblingModule } from '../io/project-root.ts';

export const buildUsage = `Usage: onus build [--content DIR] [--out DIR] [--base PATH] [--site URL] [--history SOURCE] [--verbose]

Builds the site of the models in DIR (default content/) into the output folder (default dist/).
The folder is replaced only when the whole build succeeded.

  --content DIR   folder of model files, also in subfolders (default: content); several
                  make a library, each model under /<model-id>/
  --out DIR       output folder (default: dist); replaced only if new, empty or an
                  earlier output of Onus
  --base PATH     path the site is served under, e.g. /docs/ (default: /)
  --site URL      the site's address, e.g. https://example.com: gives pages their canonical
                  URLs and writes sitemap.xml
  --history SOURCE
                  earlier releases of the models: a folder of model files or model.json
                  files, or git (the model files at the repository's tags); adds a Changes
                  page and an Atom feed, marks what the latest version changed, and keeps the
                  pages of removed activities
  --verbose       show Astro's own progress`;

/**
 * A library's pages for the addresses of a site of one model (see grownRedirects), once the
 * models are read: ten thousand small files for 10,000 activities, made and written on a thread
 * of their own while Astro renders, into a folder of their own. Returns that folder, or
 * undefined when there are none.
 */
async function stageGrownRedirects(
  models: Promise<readonly Model[] | undefined>,
  parent: string,
  base: string,
): Promise<string | undefined> {
  const ready = await models;
  if (!ready || ready.length < 2) return undefined;
  const staging = await makeRunFolder(parent, '.onus-work');
  await runOnThread(siblingModule('grown-redirects-worker', import.meta.url), {
    folder: staging,
    models: ready,
    base,
  });
  return staging;
}

/**
 * Move what `staging` holds into `folder`: a rename per top folder. A library renders nothing at
 * the top's `activities/` and `areas/` (model ids may not take those names), so none is there.
 */
function moveInto(staging: string, folder: string): void {
  for (const entry of readdirSync(staging)) {
    renameSync(path.join(staging, entry), path.join(folder, entry));
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
      history: { type: 'string' },
    },
  });
  const site = checkSiteUrl(values.site);
  const started = performance.now();
  const prepared = await prepareContent(values.content, io);
  if (!prepared) return 1;
  const histories = await historyOption('build', values.history, prepared, io);
  if (histories === null) return 1;
  // The models parse on their thread while the output folder is claimed.
  const target = await claimOutputFolder('build', values.out, values.content, io);
  if (!target) {
    prepared.abandon();
    return 1;
  }

  const shown = `${target.shown}/`;
  try {
    await writeFolderAtomically(
      target,
      async (folder) => {
        const redirects = stageGrownRedirects(prepared.models, path.dirname(folder), values.base);
        // Awaited after the build; a build that fails first must not leave it unhandled.
        const downloads = makeDataDownloads(prepared.models, {
          ...(site && { site }),
          base: values.base,
          links: 'hosted',
        });
        // Awaited after the build too.
        redirects.catch(() => undefined);
        downloads.catch(() => undefined);
        await astroBuild(
          {
            content: prepared.directory,
            models: prepared.models,
            ...(histories && { histories }),
            links: 'hosted',
            base: values.base,
            site,
            verbose: values.verbose,
          },
          folder,
          path.dirname(folder),
        );
        const staging = await redirects;
        if (staging) moveInto(staging, folder);
        const made = await downloads;
        if (made) writeDataDownloads(made, folder);
      },
      { warn: (message) => io.stderr(`onus build: ${printable(message)}\n`) },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr(
      `Built the site of ${describeContent((await prepared.models)!)} into ${shown} in ${seconds} s\n`,
    );
    return 0;
  } catch (error) {
    if (reportRefusal('build', error, io)) return 1;
    // A model with errors stops the build where the pages would be read: its diagnostics are out already.
    const why = (await prepared.models) ? `\n${(error as Error).message}` : '';
    io.stderr(`onus build: the build failed, ${printable(shown)} is unchanged.${printable(why)}\n`);
    return 1;
  }
}
