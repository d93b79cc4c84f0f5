import type { Change } from '../diff/changes.ts';
import { partiesOf } from '../diff/compare.ts';
import {
  activityChanges,
  changedInLatest,
  holdersSince,
  type ModelHistory,
  type RemovedActivity,
  type VersionChanges,
} from '../diff/history.ts';
import { holdingsOf } from '../diff/holdings.ts';
import { changeWords, groupChanges, type WordsView } from '../diff/words.ts';
import { slugify } from '../model/ids.ts';
import type { FeedVersion } from './atom-feed.ts';
import type { Library } from './library.ts';
import type { SiteModel } from './site-model.ts';

/** One change as a page lists it: what it concerns (linked to its page), and what it says. */
export interface ChangeLine {
  kind: Change['kind'];
  /** The title of the activity, area, party, level, context or model it concerns. */
  about: string;
  /** The page of the activity it concerns, current or removed. */
  route?: string;
  says: string;
  before?: string;
  after?: string;
}

export interface VersionView {
  version: string;
  date?: string;
  /** The id of the version's section on the Changes page. */
  anchor: string;
  /** The first release of the history: nothing before it to compare with. */
  first: boolean;
  groups: Array<{ heading: string; party?: string; lines: ChangeLine[] }>;
}

export const versionAnchor = (version: string) => `version-${slugify(version) || 'unnamed'}`;

/** The releases a version was compared from and to: the one before it, and itself. */
function releasesOf(history: ModelHistory, version: VersionChanges) {
  const index = history.releases.findIndex((release) => release.version === version.version);
  return { before: history.releases[index - 1], release: history.releases[index]! };
}

/** Each id an activity of the model answers to, its own or a former one: the id it has now. */
const currentIds = new WeakMap<SiteModel['model'], Map<string, string>>();

/** Where a change's activity has a page: its own, the one it has now under a new id, or a removed one's. */
function activityRoute(site: SiteModel, history: ModelHistory, id: string): string | undefined {
  let ids = currentIds.get(site.model);
  if (!ids) {
    ids = new Map();
    for (const activity of site.model.activities) {
      for (const former of activity.formerIds ?? []) ids.set(former, activity.id);
    }
    for (const activity of site.model.activities) ids.set(activity.id, activity.id);
    for (const removed of history.removed) {
      if (!ids.has(removed.activity.id)) ids.set(removed.activity.id, removed.activity.id);
    }
    currentIds.set(site.model, ids);
  }
  const now = ids.get(id);
  return now === undefined ? undefined : site.routes.activity(now);
}

function changeLine(
  site: SiteModel,
  history: ModelHistory,
  change: Change,
  view: WordsView,
): ChangeLine {
  const words = changeWords(change, view);
  const route = change.activity && activityRoute(site, history, change.activity.id);
  return {
    kind: change.kind,
    about: change.activity?.title ?? change.subject?.title ?? '',
    ...(route && { route }),
    says: words.says,
    ...(words.before !== undefined && { before: words.before }),
    ...(words.after !== undefined && { after: words.after }),
  };
}

const views = new WeakMap<SiteModel, VersionView[]>();

/**
 * The Changes page: each version, newest first, its changes grouped by party. Made once per
 * model: the page, the feeds (one per party) and "my stack" all read it.
 */
export function changesView(site: SiteModel): VersionView[] {
  const history = site.history;
  if (!history) return [];
  let view = views.get(site);
  if (!view) {
    view = versionViews(site, history);
    views.set(site, view);
  }
  return view;
}

function versionViews(site: SiteModel, history: ModelHistory): VersionView[] {
  return history.versions.map((version) => {
    const { before, release } = releasesOf(history, version);
    const parties = partiesOf(before?.model ?? null, release.model);
    const names = new Map(parties.map((party) => [party.id, party.title]));
    return {
      version: version.version,
      ...(version.date !== undefined && { date: version.date }),
      anchor: versionAnchor(version.version),
      first: !before,
      groups: groupChanges(version.changes, parties).map((group) => ({
        heading: group.heading,
        ...(group.party && { party: group.party.id }),
        lines: group.changes.map((change) =>
          changeLine(site, history, change, {
            names,
            ...(group.party && { party: group.party.id }),
          }),
        ),
      })),
    };
  });
}

export interface ActivityHistoryView {
  /** The version that last changed it, when that is the latest. */
  changedIn?: string;
  /** `Customer since 1.0, Provider since 2.0; before 2.0: Cloud Infrastructure.` */
  holders: string;
  versions: Array<{ version: string; date?: string; route: string; lines: ChangeLine[] }>;
}

/** An activity's own history: who has held it since when, and what each version changed. */
export function activityHistoryView(
  site: SiteModel,
  activityId: string,
): ActivityHistoryView | undefined {
  const history = site.history;
  if (!history) return undefined;
  const names = new Map(
    history.releases
      .flatMap((release) => partiesOf(null, release.model))
      .map((party) => [party.id, party.title]),
  );
  for (const party of site.model.parties) names.set(party.id, party.name);
  const { since, before } = holdersSince(history, activityId);
  const holders = [
    since
      .map((entry) => `${names.get(entry.party) ?? entry.party} since ${entry.version}`)
      .join(', '),
    before &&
      `before ${before.version}: ${before.parties.map((party) => names.get(party) ?? party).join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ');
  const changed = activityChanges(history, activityId);
  const latest = history.versions[0];
  return {
    ...(latest && changedIn(site, activityId) && { changedIn: latest.version }),
    holders: `${holders}.`,
    versions: changed.map(({ version, changes }) => ({
      version: version.version,
      ...(version.date !== undefined && { date: version.date }),
      route: `${site.routes.changes()}#${versionAnchor(version.version)}`,
      // On the activity's own page a line is about a party of it, or about the activity.
      lines: changes.map((change) => {
        const line = changeLine(site, history, change, {
          names,
          ...(change.party && { party: change.party.id }),
        });
        const party =
          change.party && site.model.parties.find((item) => item.id === change.party!.id);
        const { route: _activity, ...rest } = line;
        return {
          ...rest,
          about: change.party ? change.party.title : 'The activity',
          ...(party && { route: site.routes.party(party.id) }),
        };
      }),
    })),
  };
}

const latestChanged = new WeakMap<ModelHistory, Set<string>>();

/** The version that changed an activity, when it is the latest one: the matrix marks its row. */
export function changedIn(site: SiteModel, activityId: string): string | undefined {
  const history = site.history;
  if (!history) return undefined;
  let changed = latestChanged.get(history);
  if (!changed) {
    changed = changedInLatest(history);
    latestChanged.set(history, changed);
  }
  return changed.has(activityId) ? history.versions[0]!.version : undefined;
}

export interface RemovedActivityView {
  title: string;
  path: string[];
  removedIn: string;
  removedOn?: string;
  lastIn: string;
  /** Who held it in the last release that had it, and how. */
  holdings: Array<{ party: string; holds: string }>;
  changesRoute: string;
}

export function removedActivityView(
  site: SiteModel,
  removed: RemovedActivity,
): RemovedActivityView {
  const names = new Map(removed.lastIn.model.parties.map((party) => [party.id, party.name]));
  return {
    title: removed.activity.title,
    path: removed.activity.path,
    removedIn: removed.removedIn.version,
    ...(removed.removedIn.date !== undefined && { removedOn: removed.removedIn.date }),
    lastIn: removed.lastIn.version,
    holdings: holdingsOf(removed.lastIn.model, removed.activity).map((holding) => ({
      party: names.get(holding.party) ?? holding.party,
      holds: holding.holds,
    })),
    changesRoute: `${site.routes.changes()}#${versionAnchor(removed.removedIn.version)}`,
  };
}

/** The removed activities that get a page: those whose id no current activity answers. */
export function removedWithPages(site: SiteModel): RemovedActivity[] {
  const taken = new Set(
    site.model.activities.flatMap((activity) => [activity.id, ...(activity.formerIds ?? [])]),
  );
  return (site.history?.removed ?? []).filter((removed) => !taken.has(removed.activity.id));
}

/** Where a version's changes are: its section of the model's Changes page. */
export const versionRoute = (site: SiteModel, version: string) =>
  `${site.routes.changes()}#${versionAnchor(version)}`;

/** A model's versions for its feed, newest first. */
export function modelFeedVersions(site: SiteModel): FeedVersion[] {
  return changesView(site).map((version) => ({
    modelId: site.model.id,
    version,
    route: versionRoute(site, version.version),
  }));
}

/**
 * Every model's versions across a library, the latest first (by date; undated ones last, in
 * the library's order): its Changes page at the top, and its feed.
 */
export function libraryFeedVersions(library: Library): Array<FeedVersion & { site: SiteModel }> {
  const all = library.models.flatMap((site) =>
    modelFeedVersions(site).map((item) => ({ ...item, modelTitle: site.model.title, site })),
  );
  return all
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        (b.item.version.date ?? '').localeCompare(a.item.version.date ?? '') || a.index - b.index,
    )
    .map(({ item }) => item);
}

/** What changed for one party, across the models: the versions that changed something of its. */
export function partyFeedVersions(library: Library, party: string): FeedVersion[] {
  return libraryFeedVersions(library)
    .filter(({ version }) => version.groups.some((group) => group.party === party))
    .map(({ site: _site, modelTitle, ...item }) => ({
      ...item,
      party,
      ...(library.isLibrary && modelTitle !== undefined && { modelTitle }),
    }));
}

/** Whether any model of the site was built with its history. */
export const hasHistory = (library: Library) => library.models.some((site) => site.history);
