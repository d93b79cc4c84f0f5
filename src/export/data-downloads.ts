import type { Model } from '../model/index.ts';
import { indexModel } from '../site/site-model.ts';
import { relativeFile } from '../site/links.ts';
import { publicUrl } from '../site/routes.ts';
import { modelModified } from './modified.ts';
import { oscalComponentDefinition } from './oscal.ts';
import { modelWorkbook } from './xlsx.ts';

export interface DataDownloadOptions {
  /** The hosted site's address, when known: the files then link to its pages. */
  site?: string;
  base: string;
  /** `files`: the site is read from disk, so the files link to its pages relatively. */
  links: 'hosted' | 'files';
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
  const files: Array<{ file: string; bytes: Uint8Array }> = [];
  // Each model's routes and order as the site's (its library's history is no concern here).
  for (const site of models.map((model) => indexModel(model, models.length > 1))) {
    const scope = site.routes.home();
    const urlOf = (id: string) => {
      const route = site.routes.activity(id);
      return !options.site && options.links === 'files'
        ? relativeFile(scope, route)
        : publicUrl(options.site, options.base, route);
    };
    const modified = modelModified(site.model);
    files.push({
      file: site.routes.matrixXlsx(),
      bytes: await modelWorkbook(site.model, site.activitiesInOrder, urlOf, modified),
    });
    const oscal = oscalComponentDefinition(site.model, { urlOf, modified });
    files.push({
      file: site.routes.oscal(),
      bytes: new TextEncoder().encode(`${JSON.stringify(oscal, null, 2)}\n`),
    });
  }
  return files;
}
