import type { Area, Party } from '../model/index.ts';
import { routes } from './routes.ts';
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
 * A page that sends the reader on: an item's former id, or, in a library, the address an item
 * had when the site published one model. An address that several models now answer lists
 * them instead.
 */
export interface Redirect {
  title: string;
  route: string;
  /** When several models hold the item: each of them, to choose from. */
  choices?: Array<{ title: string; model: string; route: string }>;
}

export type ActivityPageProps =
  { view: ActivityView; redirect?: never } | { redirect: Redirect; view?: never };
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
      id: activity.id,
      formerIds: activity.formerIds ?? [],
      title: activity.title,
      route: site.routes.activity(activity.id),
    })),
  );
  return [...pages, ...redirectPaths(library, items, routes.activity)];
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
      id: area.id,
      formerIds: area.formerIds ?? [],
      title: area.title,
      route: site.routes.area(area.id),
    })),
  );
  return [...pages, ...redirectPaths(library, items, routes.area)];
}

interface Item {
  site: SiteModel;
  id: string;
  formerIds: readonly string[];
  title: string;
  route: string;
}

/**
 * The pages that send the reader on: each former id within its model; and in a library, each
 * address of a site of one model (`activities/<id>/` at the top), which now lives under its
 * model's folder — so a site that grows from one model to several keeps its links working.
 */
function redirectPaths(library: Library, items: readonly Item[], topRoute: (id: string) => string) {
  const own = items.flatMap((item) =>
    item.formerIds.map((id) => ({
      params: { model: scopeParam(item.site), id },
      props: { redirect: { title: item.title, route: item.route } } as ActivityPageProps &
        AreaPageProps,
    })),
  );
  if (!library.isLibrary) return own;
  const atTop = new Map<string, Item[]>();
  for (const item of items) {
    for (const id of [item.id, ...item.formerIds]) {
      const list = atTop.get(id) ?? [];
      if (!list.includes(item)) list.push(item);
      atTop.set(id, list);
    }
  }
  const grown = [...atTop].map(([id, found]) => {
    const [first] = found;
    const redirect: Redirect =
      found.length === 1
        ? { title: first!.title, route: first!.route }
        : {
            title: first!.title,
            route: topRoute(id),
            choices: found.map((item) => ({
              title: item.title,
              model: item.site.model.title,
              route: item.route,
            })),
          };
    return {
      params: { model: undefined, id },
      props: { redirect } as ActivityPageProps & AreaPageProps,
    };
  });
  return [...own, ...grown];
}

/**
 * The pages of `[...model]/<page>`: one per model (at the top for a site of one model); with
 * `top`, a library also has the page at the top, which is its own (the catalog for the home).
 */
export function modelPaths(library: Library, { top = false } = {}) {
  const pages = library.models.map((site) => ({ params: { model: scopeParam(site) } }));
  return library.isLibrary && top ? [{ params: { model: undefined } }, ...pages] : pages;
}
