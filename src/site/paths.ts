import type { Area, Party } from '../model/index.ts';
import { routes } from './routes.ts';
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

/** A former id's page: it sends the reader on to where the item is now. */
export interface Redirect {
  title: string;
  route: string;
}

export type ActivityPageProps =
  { view: ActivityView; redirect?: never } | { redirect: Redirect; view?: never };
export type AreaPageProps =
  { view: AreaView; redirect?: never } | { redirect: Redirect; view?: never };

export function partyPaths(site: SiteModel) {
  return site.model.parties.map((party) => ({
    params: { id: party.id },
    props: { party, levels: partyLevels(site, party.id) } satisfies PartyPageProps,
  }));
}

export function activityPaths(site: SiteModel) {
  const pages = site.activitiesInOrder.map((activity) => ({
    params: { id: activity.id },
    props: { view: activityView(site, activity.id) } as ActivityPageProps,
  }));
  const redirects = site.activitiesInOrder.flatMap((activity) =>
    redirectsOf(activity.formerIds, { title: activity.title, route: routes.activity(activity.id) }),
  );
  return [...pages, ...redirects];
}

export function areaPaths(site: SiteModel) {
  const pages = site.model.areas.map((area) => ({
    params: { id: area.id },
    props: { view: areaView(site, area.id) } as AreaPageProps,
  }));
  const redirects = site.model.areas.flatMap((area: Area) =>
    redirectsOf(area.formerIds, { title: area.title, route: routes.area(area.id) }),
  );
  return [...pages, ...redirects];
}

function redirectsOf(formerIds: readonly string[] | undefined, redirect: Redirect) {
  return (formerIds ?? []).map((id) => ({
    params: { id },
    props: { redirect } as ActivityPageProps & AreaPageProps,
  }));
}
