import type { Area, Party } from '../model/index.ts';
import { removedActivityView, removedWithPages, type RemovedActivityView } from './history-view.ts';
import type { Library } from './library.ts';
import type { SiteModel } from './site-model.ts';
import {
  activityView,
  areaView,
  partyLevels,
  type ActivityView,
  type AreaView,
  type PartyLevel,
} from './views.ts';

/** `getStaticPaths` of the dynamic routes: every page's params and the props it renders. */

export interface PartyPageProps {
  party: Party;
  levels: PartyLevel[];
}

/**
 * A page that sends the reader on: an item's former id; or a page of a library that lists
 * where in its models something is now (its `/matrix/`, once its one model's).
 */
export interface Redirect {
  title: string;
  route: string;
  /** When several models hold the item: each of them, to choose from. */
  choices?: Array<{ title: string; model: string; route: string }>;
}

export type ActivityPageProps =
  | { view: ActivityView; redirect?: never; removed?: never }
  | { redirect: Redirect; view?: never; removed?: never }
  | { removed: RemovedActivityView; view?: never; redirect?: never };
export type AreaPageProps =
  { view: AreaView; redirect?: never } | { redirect: Redirect; view?: never };

/** The `model` param of `[...model]` routes: none for a site of one model. */
const scopeParam = (site: SiteModel) => (site.inLibrary ? site.model.id : undefined);

export function partyPaths(library: Library) {
  const modelPages = library.models.flatMap((site) =>
    site.model.parties.map((party) => ({
      params: { model: scopeParam(site), id: party.id },
      props: { party, levels: partyLevels(site, party.id) } satisfies PartyPageProps,
    })),
  );
  // A library's party pages gather the party's duties across its models (`/parties/<id>/`).
  const libraryPages = library.isLibrary
    ? library.parties.map((party) => ({
        params: { model: undefined, id: party.id },
        props: { libraryParty: party.id },
      }))
    : [];
  return [...modelPages, ...libraryPages];
}

export function activityPaths(library: Library) {
  const pages = library.models.flatMap((site) =>
    site.activitiesInOrder.map((activity) => ({
      params: { model: scopeParam(site), id: activity.id },
      props: { view: activityView(site, activity.id) } as ActivityPageProps,
    })),
  );
  const items = library.models.flatMap((site) =>
    site.activitiesInOrder.map((activity) => ({
      site,
      formerIds: activity.formerIds ?? [],
      title: activity.title,
      route: site.routes.activity(activity.id),
    })),
  );
  // An activity a later release removed keeps its page: an old permalink says what became of it.
  const removed = library.models.flatMap((site) =>
    removedWithPages(site).map((gone) => ({
      params: { model: scopeParam(site), id: gone.activity.id },
      props: { removed: removedActivityView(site, gone) } as ActivityPageProps,
    })),
  );
  return [...pages, ...redirectPaths(items), ...removed];
}

export function areaPaths(library: Library) {
  const pages = library.models.flatMap((site) =>
    site.model.areas.map((area) => ({
      params: { model: scopeParam(site), id: area.id },
      props: { view: areaView(site, area.id) } as AreaPageProps,
    })),
  );
  const items = library.models.flatMap((site) =>
    site.model.areas.map((area: Area) => ({
      site,
      formerIds: area.formerIds ?? [],
      title: area.title,
      route: site.routes.area(area.id),
    })),
  );
  return [...pages, ...redirectPaths(items)];
}

interface Item {
  site: SiteModel;
  formerIds: readonly string[];
  title: string;
  route: string;
}

/** The pages of an item's former ids (`{#id former=…}`), within its model: each sends the reader on. */
function redirectPaths(items: readonly Item[]) {
  return items.flatMap((item) =>
    item.formerIds.map((id) => ({
      params: { model: scopeParam(item.site), id },
      props: { redirect: { title: item.title, route: item.route } } as ActivityPageProps &
        AreaPageProps,
    })),
  );
}

/**
 * The pages of `[...model]/<page>`: one per model (at the top for a site of one model); with
 * `top`, a library also has the page at the top, which is its own (the catalog for the home).
 */
export function modelPaths(library: Library, { top = false } = {}) {
  const pages = library.models.map((site) => ({ params: { model: scopeParam(site) } }));
  return library.isLibrary && top ? [{ params: { model: undefined } }, ...pages] : pages;
}

/**
 * The Changes page and feed of each model built with its history (`--history`), and a
 * library's own at the top, across its models.
 */
export function changesPaths(library: Library) {
  const models = library.models
    .filter((site) => site.history)
    .map((site) => ({ params: { model: scopeParam(site) } }));
  return library.isLibrary && models.length > 0
    ? [{ params: { model: undefined } }, ...models]
    : models;
}

/** Each party's feed of what changed for it, across the models with a history. */
export function partyFeedPaths(library: Library) {
  if (!library.models.some((site) => site.history)) return [];
  return library.parties.map((party) => ({ params: { id: party.id } }));
}
