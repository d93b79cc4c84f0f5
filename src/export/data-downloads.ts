import type { Model } from '../model/index.ts';
import { indexModel, type SiteModel } from '../site/site-model.ts';
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

/** The downloads made of each model besides its pages. */
export type ModelDownload = 'xlsx' | 'oscal';

/**
 * One model's workbook or OSCAL component definition, each activity linked by `urlOf`, dated
 * as `modelModified` says: what `onus build`'s thread, `onus export --format` and the site's
 * own routes (`onus dev`) all write.
 */
export async function modelDownload(
  kind: ModelDownload,
  site: SiteModel,
  urlOf: (activityId: string) => string,
): Promise<Uint8Array> {
  const modified = modelModified(site.model);
  if (kind === 'xlsx') return modelWorkbook(site.model, site.activitiesInOrder, urlOf, modified);
  const oscal = oscalComponentDefinition(site.model, { urlOf, modified });
  return new TextEncoder().encode(`${JSON.stringify(oscal, null, 2)}\n`);
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
    files.push({ file: site.routes.matrixXlsx(), bytes: await modelDownload('xlsx', site, urlOf) });
    files.push({ file: site.routes.oscal(), bytes: await modelDownload('oscal', site, urlOf) });
  }
  return files;
}
