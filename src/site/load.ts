import { getCollection } from 'astro:content';
import type { Model, Position } from '../model/index.ts';
import { indexModel, type SiteModel } from './site-model.ts';

let cached: { digest: string; site: SiteModel } | undefined;

const byPosition = (a: { data: { position: Position } }, b: { data: { position: Position } }) =>
  a.data.position.line - b.data.position.line || a.data.position.column - b.data.position.column;

/**
 * The model, reassembled from the content collections the loader fills, with its lookups.
 * Entries are put back in document order by their source position, since a store that was
 * updated in place (in dev) no longer keeps insertion order. Rebuilt only when the model
 * file's digest changes.
 */
export async function loadSite(): Promise<SiteModel> {
  const [metadata] = await getCollection('model');
  if (!metadata)
    throw new Error('The model collection is empty: is there a model file in the content folder?');
  const digest = String(metadata.digest ?? '');
  if (cached?.digest === digest && digest !== '') return cached.site;

  const { sizes, ...data } = metadata.data;
  const [parties, areas, activities, sections] = await Promise.all([
    getCollection('parties'),
    sizes.areas > 0 ? getCollection('areas') : [],
    getCollection('activities'),
    sizes.sections > 0 ? getCollection('sections') : [],
  ]);
  const model: Model = {
    ...data,
    parties: parties.sort(byPosition).map((entry) => entry.data),
    areas: areas.sort(byPosition).map((entry) => entry.data),
    activities: activities.sort(byPosition).map((entry) => entry.data),
    sections: sections.sort(byPosition).map((entry) => entry.data),
  };
  const site = indexModel(model);
  cached = { digest, site };
  return site;
}
