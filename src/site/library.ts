import { modelHistory, type ModelRelease } from '../diff/history.ts';
import type { Model, Party } from '../model/index.ts';
import { indexModel, lookup, type SiteModel } from './site-model.ts';

/** A party of the site: one id across every model that names it (the names agree, as checked). */
export interface LibraryParty {
  id: string;
  name: string;
  short?: string;
  /** The models that name it, in the library's order. */
  models: readonly SiteModel[];
}

/** The models a site publishes: one (the site is that model's) or several (a library). */
export interface Library {
  /** The site's title: the one model's, or the library's. */
  title: string;
  /** Whether there are several models, each under `<model-id>/`, with a catalog at the top. */
  isLibrary: boolean;
  /** In the content folder's path order. */
  models: readonly SiteModel[];
  model: (id: string) => SiteModel;
  /** Every party of every model, in order of first appearance. */
  parties: readonly LibraryParty[];
  party: (id: string) => LibraryParty;
}

export function indexLibrary(
  models: readonly Model[],
  /** Each model's earlier releases, oldest first: the site then tells what changed. */
  histories?: ReadonlyMap<string, readonly ModelRelease[]>,
): Library {
  const isLibrary = models.length > 1;
  // One colour per party across the site: the order in which the models first name them.
  const partyIds = [...new Set(models.flatMap((model) => model.parties.map((party) => party.id)))];
  const sites = models.map((model) => {
    const site = indexModel(model, isLibrary, isLibrary ? partyIds : undefined);
    const earlier = histories?.get(model.id) ?? [];
    if (earlier.length === 0 || model.version === undefined) return site;
    const current: ModelRelease = {
      model,
      version: model.version,
      ...(model.reviewed !== undefined && { date: model.reviewed }),
    };
    return { ...site, history: modelHistory([...earlier, current]) };
  });
  const byId = new Map(sites.map((site) => [site.model.id, site]));
  const parties = new Map<string, { party: Party; models: SiteModel[] }>();
  for (const site of sites) {
    for (const party of site.model.parties) {
      const entry = parties.get(party.id) ?? { party, models: [] };
      entry.models.push(site);
      parties.set(party.id, entry);
    }
  }
  const libraryParties: LibraryParty[] = [...parties.values()].map(({ party, models }) => ({
    id: party.id,
    name: party.name,
    ...(party.short !== undefined && { short: party.short }),
    models,
  }));
  const partyById = new Map(libraryParties.map((party) => [party.id, party]));
  return {
    title: isLibrary ? libraryTitle(models) : (models[0]?.title ?? 'Shared responsibility models'),
    isLibrary,
    models: sites,
    model: lookup(byId, 'model'),
    parties: libraryParties,
    party: lookup(partyById, 'party'),
  };
}

/** `VMware (Broadcom)` → `VMware`: up to the first `(` of a closing group in brackets. */
function withoutTrailingGroup(text: string): string {
  const open = text.indexOf('(');
  return text.endsWith(')') && open !== -1 ? text.slice(0, open).trimEnd() : text;
}

/** "<publisher> shared responsibility models" when one publisher publishes them all. */
function libraryTitle(models: readonly Model[]): string {
  const publishers = new Set(models.map((model) => model.publisher));
  const [publisher] = publishers;
  return publishers.size === 1 && publisher
    ? `${withoutTrailingGroup(publisher)}: shared responsibility models`
    : 'Shared responsibility models';
}
