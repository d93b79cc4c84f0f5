import type { Model } from '../model/index.ts';
import { indexLibrary } from '../site/library.ts';
import { relativeFile } from '../site/links.ts';
import { publicUrl } from '../site/routes.ts';
import { oscalComponentDefinition, oscalLastModified } from './oscal.ts';
import { modelWorkbook } from './xlsx.ts';

export interface DataDownloadOptions {
  /** The hosted site's address, when known: the files then link to its pages. */
  site?: string;
  base: string;
  /** `files`: the site is read from disk, so the files link to its pages relatively. */
  links: 'hosted' | 'files';
  /** The time of this export: the OSCAL last-modified of a model without a review date. */
  now: Date;
}

/**
 * Each model's downloads that are made outside the pages: its workbook (`matrix.xlsx`) and
 * its OSCAL component definition, as the site's routes place them (under `<model-id>/` in a
 * library). A file links each activity to its page where the site has it.
 */
export async function dataDownloads(
  models: readonly Model[],
  options: DataDownloadOptions,
): Promise<Array<{ file: string; bytes: Uint8Array }>> {
  const library = indexLibrary(models);
  const files: Array<{ file: string; bytes: Uint8Array }> = [];
  for (const site of library.models) {
    const scope = site.routes.home();
    const urlOf = (id: string) => {
      const route = site.routes.activity(id);
      return !options.site && options.links === 'files'
        ? relativeFile(scope, route)
        : publicUrl(options.site, options.base, route);
    };
    files.push({
      file: site.routes.matrixXlsx(),
      bytes: await modelWorkbook(site.model, site.activitiesInOrder, urlOf),
    });
    const oscal = oscalComponentDefinition(site.model, {
      urlOf,
      lastModified: oscalLastModified(site.model, options.now),
    });
    files.push({
      file: site.routes.oscal(),
      bytes: new TextEncoder().encode(`${JSON.stringify(oscal, null, 2)}\n`),
    });
  }
  return files;
}
