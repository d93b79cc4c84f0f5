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
      const activity = lastIn.model.activities.find((item) => item.id === change.activity!.id)!;
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
 * The changes each version made to one activity of the latest release, newest first, following
 * its former ids back through the releases where it had them.
 */
export function activityChanges(
  history: ModelHistory,
  activityId: string,
): Array<{ version: VersionChanges; changes: Change[] }> {
  const ids = new Set([activityId]);
  const found: Array<{ version: VersionChanges; changes: Change[] }> = [];
  for (const version of history.versions) {
    const changes = version.changes.filter(
      (change) => change.activity && ids.has(change.activity.id),
    );
    for (const change of changes) {
      if (change.kind === 'id-changed' && typeof change.from === 'string') ids.add(change.from);
    }
    if (changes.length > 0) found.push({ version, changes });
  }
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
  const holders = history.releases.map((release) => {
    const activity = findActivity(release.model, activityId, history, release);
    return activity ? [...new Set(activity.assignments.map((assignment) => assignment.party))] : [];
  });
  const latest = holders.length - 1;
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

/** The activity in a release, by its id then or any of the ids it had later. */
function findActivity(
  model: Model,
  activityId: string,
  history: ModelHistory,
  release: ModelRelease,
): Activity | undefined {
  const ids = new Set([activityId]);
  // Ids it had before: each `id-changed` in a version after this release.
  for (const version of history.versions) {
    if (version.version === release.version) break;
    for (const change of version.changes) {
      if (change.kind === 'id-changed' && ids.has(String(change.to))) ids.add(String(change.from));
    }
  }
  return model.activities.find((activity) => ids.has(activity.id));
}
