import type { SiteModel } from './site-model.ts';
import {
  activityView,
  areaView,
  partyGroups,
  type ActivityView,
  type AreaView,
  type PartyGroup,
} from './views.ts';
import type { Party } from '../model/index.ts';

/** `getStaticPaths` of the dynamic routes: every page's params and the props it renders. */

export function partyPaths(site: SiteModel) {
  return site.model.parties.map((party) => ({
    params: { id: party.id },
    props: { party, groups: partyGroups(site, party.id) } satisfies PartyPageProps,
  }));
}

export function activityPaths(site: SiteModel) {
  return site.activitiesInOrder.map((activity) => ({
    params: { id: activity.id },
    props: { view: activityView(site, activity.id) } satisfies { view: ActivityView },
  }));
}

export function areaPaths(site: SiteModel) {
  return site.model.areas.map((area) => ({
    params: { id: area.id },
    props: { view: areaView(site, area.id) } satisfies { view: AreaView },
  }));
}

export interface PartyPageProps {
  party: Party;
  groups: PartyGroup[];
}
