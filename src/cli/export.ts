import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeOfflineExport } from '../export/offline-export.ts';
import { writeFolderAtomically } from '../io/output-folder.ts';
import { slugify } from '../model/index.ts';
import { hostedPath } from '../site/routes.ts';
import { astroBuild } from './astro-build.ts';
import { makeDataDownloads, writeDataDownloads } from './data-downloads.ts';
import { DATA_FORMATS, exportData, type DataFormat } from './export-data.ts';
import { UsageError } from './io.ts';
import type { Io } from './io.ts';
import { printable } from './printable.ts';
import {
  checkSiteUrl,
  claimOutputFolder,
  historyOption,
  prepareContent,
  reportRefusal,
} from './prepare.ts';

export const exportUsage = `Usage: onus export [--content DIR] [--model ID] [--out DIR] [--format html|oscal|xlsx] [--site URL] [--base PATH] [--history SOURCE]

Exports the models in DIR (default content/) for reading offline, from disk, with no server
and no network, into the output folder (default export/):

  <name>.html   the whole site in one self-contained file
  <name>/       the multi-page site for disk: open <name>/index.html
  <name>.zip    that folder, zipped

where <name> is the model's id, or for a library of several models the content folder's name.

The output folder is replaced as a whole, and only when the whole export succeeded.

  --content DIR   folder of model files, also in subfolders (default: content); several
                  make a library, exported whole as <folder-name>.html, <folder-name>/, .zip
  --model ID      export only the model ID of the library, as a site of that model alone
  --format FORMAT html (default): the offline site above;
                  oscal: <model-id>.oscal.json per model, an OSCAL 1.0.6 component definition;
                  xlsx: <model-id>.xlsx per model, a workbook of the matrix (an outline group
                  per area), the notes and conditions, the references and the model's parties,
                  levels and contexts. Their activities link to the hosted pages with --site
  --out DIR       output folder (default: export); replaced only if new, empty or an
                  earlier output of Onus
  --site URL      where the hosted site lives: permalinks and downloads point there
  --base PATH     the path the hosted site is served under, with --site (default: /)
  --history SOURCE
                  earlier releases of the models: a folder of model files or model.json
                  files, or git (the model files at the repository's tags); adds a Changes
                  page and an Atom feed, marks what the latest version changed, and keeps the
                  pages of removed activities
  --verbose       show Astro's own progress`;

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'export' },
      site: { type: 'string' },
      base: { type: 'string', default: '/' },
      model: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      history: { type: 'string' },
      format: { type: 'string', default: 'html' },
    },
  });
  const site = checkSiteUrl(values.site);
  if (values.format !== 'html') {
    if (!(values.format in DATA_FORMATS)) {
      throw new UsageError(`--format must be html, oscal or xlsx, got \`${values.format}\``);
    }
    if (values.history !== undefined) {
      throw new UsageError('--history goes with the html format only');
    }
    return exportData(
      values.format as DataFormat,
      {
        content: values.content,
        out: values.out,
        ...(values.model !== undefined && { model: values.model }),
        ...(site && { site }),
        base: values.base,
      },
      io,
    );
  }
  const started = performance.now();
  const prepared = await prepareContent(values.content, io, values.model);
  if (!prepared) return 1;
  const histories = await historyOption(
    'export',
    values.history,
    prepared,
    io,
    values.model !== undefined,
  );
  if (histories === null) return 1;
  // The models parse on their thread while the output folder is claimed.
  const target = await claimOutputFolder('export', values.out, values.content, io);
  if (!target) {
    prepared.abandon();
    return 1;
  }
  // The export is named after the model: it needs the model before Astro starts.
  const models = await prepared.models;
  if (!models) return 1;
  const name =
    models.length === 1 ? models[0]!.id : slugify(path.basename(prepared.directory)) || 'library';
  const title = models.length === 1 ? models[0]!.title : `${models.length} models`;

  const shown = `${target.shown}/`;
  const hostedRoot = site ? new URL(hostedPath(values.base, ''), site).href : undefined;
  try {
    const result = await writeFolderAtomically(
      target,
      async (folder) => {
        const downloads = makeDataDownloads(prepared.models, {
          ...(site && { site }),
          base: values.base,
          links: 'files',
        });
        // Awaited after the build; a build that fails first must not leave it unhandled.
        downloads.catch(() => undefined);
        await astroBuild(
          {
            content: prepared.directory,
            models: prepared.models,
            ...(histories && { histories }),
            ...(values.model !== undefined && { model: values.model }),
            links: 'files',
            base: values.base,
            site,
            verbose: values.verbose,
          },
          path.join(folder, name),
          path.dirname(folder),
        );
        const made = await downloads;
        if (made) writeDataDownloads(made, path.join(folder, name));
        return writeOfflineExport(models, folder, name, hostedRoot, histories ?? undefined);
      },
      { warn: (message) => io.stderr(`onus export: ${printable(message)}\n`) },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const kilobytes = (result.singleFileBytes / 1024).toFixed(0);
    io.stderr(
      `Exported ${printable(title)} into ${printable(shown)} in ${seconds} s:\n` +
        `  ${result.files.html} (one file, ${kilobytes} KB)\n  ${result.files.folder} (open index.html)\n  ${result.files.zip}\n`,
    );
    return 0;
  } catch (error) {
    if (reportRefusal('export', error, io)) return 1;
    io.stderr(
      `onus export: the export failed, ${printable(shown)} is unchanged.\n${printable((error as Error).message)}\n`,
    );
    return 1;
  }
}
