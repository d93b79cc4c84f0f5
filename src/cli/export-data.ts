import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { modelDownload } from '../export/data-downloads.ts';
import { writeFolderAtomically } from '../io/output-folder.ts';
import { indexLibrary } from '../site/library.ts';
import { publicUrl } from '../site/routes.ts';
import type { Io } from './io.ts';
import { printable } from './printable.ts';
import { claimOutputFolder, prepareContent, reportRefusal } from './prepare.ts';

/** The formats `onus export --format` writes besides the offline site. */
export const DATA_FORMATS = {
  oscal: { extension: '.oscal.json', what: 'OSCAL component definition' },
  xlsx: { extension: '.xlsx', what: 'workbook' },
} as const;
export type DataFormat = keyof typeof DATA_FORMATS;

export interface DataExportOptions {
  content: string;
  out: string;
  model?: string;
  site?: string;
  base: string;
}

/**
 * `onus export --format oscal|xlsx`: a file per model (`<model-id>.oscal.json`,
 * `<model-id>.xlsx`) in the output folder, which is replaced as a whole, as by the site's
 * export. Each activity links to its page: on the hosted site with --site, else by its path.
 */
export async function exportData(
  format: DataFormat,
  options: DataExportOptions,
  io: Io,
): Promise<number> {
  const prepared = await prepareContent(options.content, io, options.model);
  if (!prepared) return 1;
  const target = await claimOutputFolder('export', options.out, options.content, io);
  if (!target) {
    prepared.abandon();
    return 1;
  }
  const models = await prepared.models;
  if (!models) return 1;
  const { extension, what } = DATA_FORMATS[format];
  try {
    const written = await writeFolderAtomically(
      target,
      async (folder) => {
        await mkdir(folder, { recursive: true });
        const files: string[] = [];
        for (const site of indexLibrary(models).models) {
          const urlOf = (id: string) =>
            publicUrl(options.site, options.base, site.routes.activity(id));
          const bytes = await modelDownload(format, site, urlOf);
          const file = `${site.model.id}${extension}`;
          await writeFile(path.join(folder, file), bytes);
          files.push(file);
        }
        return files;
      },
      { warn: (message) => io.stderr(`onus export: ${printable(message)}\n`) },
    );
    io.stderr(
      `Exported the ${what} of ${written.length === 1 ? 'the model' : `${written.length} models`} into ${printable(target.shown)}/:\n` +
        written.map((file) => `  ${printable(file)}\n`).join(''),
    );
    return 0;
  } catch (error) {
    if (reportRefusal('export', error, io)) return 1;
    io.stderr(
      `onus export: the export failed, ${printable(target.shown)}/ is unchanged.\n${printable((error as Error).message)}\n`,
    );
    return 1;
  }
}
