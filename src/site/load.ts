import { getCollection } from 'astro:content';
import { takeOverLibrary } from '../loader/handoff.ts';
import { takeOverSearchIndex } from '../search/built-aside.ts';
import { searchIndexScript } from '../search/build-index.ts';
import type { Model } from '../model/index.ts';
import { indexLibrary, type Library } from './library.ts';
import { libraryDigest } from './library-digest.ts';
import type { SiteModel } from './site-model.ts';

let cached: { digest: string; library: Library } | undefined;

/**
 * The models in the content folder's order, with their lookups: as `onus build` checked them,
 * or else (`onus dev`, plain `astro build`) from the collection the loader fills, rebuilt only
 * when a model file changes.
 */
export async function loadLibrary(): Promise<Library> {
  // A build's content never changes while its pages render: read once, not on each of 20,000 pages.
  if (cached && import.meta.env.PROD) return cached.library;
  const handedOver = takeOverLibrary();
  if (handedOver) {
    const checked = await handedOver;
    // The CLI has printed the diagnostics already.
    if (!checked) throw new Error('The model has errors');
    const library = indexLibrary(checked.models.map(listsLast), checked.histories);
    cached = { digest: checked.digest, library };
    return library;
  }
  const entries = await getCollection('models');
  if (entries.length === 0)
    throw new Error('The models collection is empty: is there a model file in the content folder?');
  const digest = libraryDigest(entries);
  if (cached?.digest === digest) return cached.library;
  const models = entries
    .sort((a, b) => a.data.order - b.data.order)
    .map(({ data: { order: _order, ...model } }) => listsLast(model));
  const library = indexLibrary(models);
  cached = { digest, library };
  return library;
}

/** The model with its lists last, as model.json has always had them. */
function listsLast({ parties, areas, activities, sections, ...metadata }: Model): Model {
  return { ...metadata, parties, areas, activities, sections };
}

/** The model a page of `[...model]` routes belongs to: the only one, or the one named. */
export async function loadSite(modelId?: string): Promise<SiteModel> {
  const library = await loadLibrary();
  return modelId === undefined ? library.models[0]! : library.model(modelId);
}

/** The model of a `[...model]` page, or undefined for a library's own page at the top. */
export async function pageSite(modelId: string | undefined): Promise<SiteModel | undefined> {
  const library = await loadLibrary();
  if (modelId === undefined) return library.isLibrary ? undefined : library.models[0];
  return library.model(modelId);
}

/** The search index's script: the one the loader had built aside from these models, or built here. */
export async function loadSearchIndexScript(): Promise<string> {
  const library = await loadLibrary();
  const aside = await takeOverSearchIndex(cached!.digest)?.catch(() => undefined);
  return aside ?? searchIndexScript(library.models.map((site) => site.model));
}
