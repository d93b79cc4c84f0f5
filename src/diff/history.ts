import type { Activity, Model } from '../model/index.ts';
import type { Change } from './changes.ts';
import { compareModels } from './compare.ts';

/** One release of a model: the model as it was, its version, and when it was published. */
export interface ModelRelease {
  model: Model;
  version: string;
  /** ISO date: the release's review date, or its git tag's. */
  date?: string;
}

const activityMaps = new WeakMap<Model, Map<string, Activity>>();
const byId = (model: Model) => {
  let map = activityMaps.get(model);
  if (!map) {
    map = new Map(model.activities.map((activity) => [activity.id, activity]));
    activityMaps.set(model, map);
  }
  return map;
};

/** What a release changed since the one before it (nothing for the first). */
export interface VersionChanges {
  version: string;
  date?: string;
  changes: Change[];
}

/** An activity an earlier release had and the latest has not: where an old permalink leads. */
export interface RemovedActivity {
  activity: Activity;
  /** The last release that had it. */
  lastIn: ModelRelease;
  removedIn: VersionChanges;
}

export interface ModelHistory {
  /** Newest first; the newest is the model the site shows. */
  versions: VersionChanges[];
  removed: RemovedActivity[];
  releases: ModelRelease[];
}

/** The history of a model from its releases, oldest first, the published one last. */
export function modelHistory(releases: readonly ModelRelease[]): ModelHistory {
  const versions: VersionChanges[] = releases.map((release, index) => ({
    version: release.version,
    ...(release.date !== undefined && { date: release.date }),
    changes: index === 0 ? [] : compareModels(releases[index - 1]!.model, release.model).changes,
  }));
  const latest = releases.at(-1)!.model;
  const current = new Set(
    latest.activities.flatMap((activity) => [activity.id, ...(activity.formerIds ?? [])]),
  );
  const removed = new Map<string, RemovedActivity>();
  for (const [index, version] of versions.entries()) {
    for (const change of version.changes) {
      if (change.kind !== 'removed' || current.has(change.activity!.id)) continue;
      const lastIn = releases[index - 1]!;
      const activity = byId(lastIn.model).get(change.activity!.id)!;
      // Removed, come back, removed again: the latest removal is the one that stands.
      removed.set(activity.id, { activity, lastIn, removedIn: version });
    }
  }
  // An id an activity has again later is not removed.
  for (const [index, release] of releases.entries()) {
    for (const activity of release.model.activities) {
      const gone = removed.get(activity.id);
      if (gone && releases.indexOf(gone.lastIn) < index) removed.delete(activity.id);
    }
  }
  return {
    versions: [...versions].reverse(),
    removed: [...removed.values()],
    releases: [...releases],
  };
}

/**
 * Lookups over a history, made once: every activity page asks for its own changes and holders,
 * which over 10,000 activities must not each walk every change of every version.
 */
interface HistoryIndex {
  /** Per version (newest first): its changes by the id of the activity they name, and their order. */
  changes: Array<Map<string, Change[]>>;
  order: Map<Change, number>;
  /** Per version: the id an activity had before it, for each `id-changed`. */
  formerId: Array<Map<string, string>>;
  /** Per release (oldest first): its activities by id. */
  activities: Array<Map<string, Activity>>;
}

const indexes = new WeakMap<ModelHistory, HistoryIndex>();

function indexOf(history: ModelHistory): HistoryIndex {
  let index = indexes.get(history);
  if (index) return index;
  const order = new Map<Change, number>();
  index = {
    changes: history.versions.map((version) => {
      const byActivity = new Map<string, Change[]>();
      version.changes.forEach((change, position) => {
        order.set(change, position);
        if (!change.activity) return;
        const list = byActivity.get(change.activity.id) ?? [];
        list.push(change);
        byActivity.set(change.activity.id, list);
      });
      return byActivity;
    }),
    order,
    formerId: history.versions.map(
      (version) =>
        new Map(
          version.changes
            .filter((change) => change.kind === 'id-changed')
            .map((change) => [String(change.to), String(change.from)] as const),
        ),
    ),
    activities: history.releases.map(
      (release) => new Map(release.model.activities.map((activity) => [activity.id, activity])),
    ),
  };
  indexes.set(history, index);
  return index;
}

/** Add to `ids` the ids their activities had before a version's `id-changed`. */
function addFormerIds(ids: Set<string>, formerId: ReadonlyMap<string, string>): void {
  for (const id of [...ids]) {
    const former = formerId.get(id);
    if (former !== undefined) ids.add(former);
  }
}

/**
 * The changes each version made to one activity of the latest release, newest first, following
 * its former ids back through the releases where it had them.
 */
export function activityChanges(
  history: ModelHistory,
  activityId: string,
): Array<{ version: VersionChanges; changes: Change[] }> {
  const index = indexOf(history);
  const ids = new Set([activityId]);
  const found: Array<{ version: VersionChanges; changes: Change[] }> = [];
  history.versions.forEach((version, position) => {
    const changes = [...ids]
      .flatMap((id) => index.changes[position]!.get(id) ?? [])
      .sort((a, b) => index.order.get(a)! - index.order.get(b)!);
    addFormerIds(ids, index.formerId[position]!);
    if (changes.length > 0) found.push({ version, changes });
  });
  return found;
}

/** The activities of the latest release that its own version changed (not those it removed). */
export function changedInLatest(history: ModelHistory): Set<string> {
  const [latest] = history.versions;
  return new Set(
    (latest?.changes ?? [])
      .filter((change) => change.activity && change.kind !== 'removed')
      .map((change) => change.activity!.id),
  );
}

/**
 * Since which release each party of the latest one has held the activity without a break, and
 * who held it in the release before the last change of its holders: "Customer since 2.0;
 * before: Provider".
 */
export function holdersSince(
  history: ModelHistory,
  activityId: string,
): {
  since: Array<{ party: string; version: string }>;
  before?: { version: string; parties: string[] };
} {
  const index = indexOf(history);
  const releases = history.releases.length;
  const holders: string[][] = new Array(releases);
  const ids = new Set([activityId]);
  // From the latest release back, by the ids the activity had in each.
  for (let release = releases - 1; release >= 0; release--) {
    const activity = [...ids]
      .map((id) => index.activities[release]!.get(id))
      .find((found) => found !== undefined);
    holders[release] = activity
      ? [...new Set(activity.assignments.map((assignment) => assignment.party))]
      : [];
    // The version of this release says which ids its activities had in the one before.
    addFormerIds(ids, index.formerId[releases - 1 - release]!);
  }
  const latest = releases - 1;
  const since = holders[latest]!.map((party) => {
    let first = latest;
    while (first > 0 && holders[first - 1]!.includes(party)) first--;
    return { party, version: history.releases[first]!.version };
  });
  let change = latest;
  while (change > 0 && sameParties(holders[change - 1]!, holders[change]!)) change--;
  const previous = change > 0 ? holders[change - 1]! : undefined;
  return {
    since,
    ...(previous &&
      previous.length > 0 && {
        before: { version: history.releases[change]!.version, parties: previous },
      }),
  };
}

const sameParties = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((party) => b.includes(party));
