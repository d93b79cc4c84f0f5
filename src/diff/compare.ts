import { foldTitle } from '../model/ids.ts';
import type { Activity, Model } from '../model/index.ts';
import type { Change, ModelChanges, Release } from './changes.ts';
import { compareHoldings, holdingsOf } from './holdings.ts';

/**
 * What changed from one release of a model to the next. Ids decide identity: an activity that
 * names an old id as its former id is that activity; one whose id is gone is removed, with a
 * hint when an added activity has its title (a likely rename that broke its links).
 */
export function compareModels(from: Model, to: Model): ModelChanges {
  const changes: Change[] = [
    ...metadataChanges(from, to),
    ...listChanges(from.parties, to.parties, 'party', (party) => party.name),
    ...listChanges(from.levels, to.levels, 'level', levelLabel),
    ...listChanges(from.contexts, to.contexts, 'context', (context) => context.name),
    ...listChanges(from.areas, to.areas, 'area', (area) => [...area.path, area.title].join(' › ')),
    ...activityChanges(from, to),
  ];
  return { id: to.id, from: release(from), to: release(to), parties: partiesOf(from, to), changes };
}

/** The parties of both releases, by the newer name, in the newer order, then those gone. */
export function partiesOf(from: Model | null, to: Model | null) {
  const seen = new Map<string, string>();
  for (const party of [...(to?.parties ?? []), ...(from?.parties ?? [])]) {
    if (!seen.has(party.id)) seen.set(party.id, party.name);
  }
  return [...seen].map(([id, title]) => ({ id, title }));
}

export function release(model: Model): Release {
  return {
    id: model.id,
    title: model.title,
    ...(model.version !== undefined && { version: model.version }),
    ...(model.reviewed !== undefined && { reviewed: model.reviewed }),
  };
}

const METADATA = ['title', 'version', 'reviewed', 'publisher', 'description'] as const;

function metadataChanges(from: Model, to: Model): Change[] {
  return METADATA.filter((field) => from[field] !== to[field]).map((field) => ({
    kind: 'metadata',
    subject: { id: to.id, title: to.title },
    field,
    ...optional('from', from[field]),
    ...optional('to', to[field]),
  }));
}

const levelLabel = (level: Model['levels'][number]) =>
  level.responsible ? level.name : `${level.name} (not responsible)`;

/** Parties, levels, contexts, areas: added, removed, or the same id under a new name. */
function listChanges<T extends { id: string }>(
  from: readonly T[],
  to: readonly T[],
  what: 'party' | 'level' | 'context' | 'area',
  label: (item: T) => string,
): Change[] {
  const before = new Map(from.map((item) => [item.id, item]));
  const after = new Set(to.map((item) => item.id));
  const changed = what === 'level' ? 'level-changed' : (`${what}-renamed` as const);
  const changes: Change[] = [];
  for (const item of to) {
    const old = before.get(item.id);
    const subject = { id: item.id, title: label(item) };
    if (!old) changes.push({ kind: `${what}-added`, subject });
    else if (label(old) !== label(item)) {
      changes.push({ kind: changed, subject, from: label(old), to: label(item) });
    }
  }
  for (const item of from) {
    if (!after.has(item.id)) {
      changes.push({ kind: `${what}-removed`, subject: { id: item.id, title: label(item) } });
    }
  }
  return changes;
}

function activityChanges(from: Model, to: Model): Change[] {
  const before = new Map(from.activities.map((activity) => [activity.id, activity]));
  const now = new Set(to.activities.map((activity) => activity.id));
  const matched = new Set<string>();
  const added: Activity[] = [];
  const changes: Change[] = [];
  for (const activity of to.activities) {
    // `{#new former=old}`: the old id is this activity's, as long as nothing else took it.
    const formerId = before.has(activity.id)
      ? undefined
      : activity.formerIds?.find((id) => before.has(id) && !now.has(id) && !matched.has(id));
    const old = before.get(formerId ?? activity.id);
    if (!old) {
      added.push(activity);
      changes.push({
        kind: 'added',
        activity: named(activity),
        holdings: holdingsOf(to, activity),
        ...optional('to', activity.path.length > 0 ? activity.path : undefined),
      });
      continue;
    }
    matched.add(old.id);
    if (formerId) {
      changes.push({
        kind: 'id-changed',
        activity: named(activity),
        from: old.id,
        to: activity.id,
      });
    }
    changes.push(...pairChanges(from, old, to, activity));
  }
  const addedTitles = new Map(added.map((activity) => [foldTitle(activity.title), activity]));
  for (const old of from.activities) {
    if (matched.has(old.id)) continue;
    const twin = addedTitles.get(foldTitle(old.title));
    changes.push({
      kind: 'removed',
      activity: named(old),
      holdings: holdingsOf(from, old),
      ...optional('from', old.path.length > 0 ? old.path : undefined),
      ...(twin && {
        hint: `likely the same as \`${twin.id}\` (${twin.title}), under a new id: to keep links to \`${old.id}\` working, give it \`{#${twin.id} former=${old.id}}\``,
      }),
    });
  }
  return changes;
}

/** The changes to one activity that both releases have. */
function pairChanges(fromModel: Model, from: Activity, toModel: Model, to: Activity): Change[] {
  const activity = named(to);
  const changes: Change[] = [];
  const change = (kind: Change['kind'], before: Change['from'], after: Change['to']) => {
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      changes.push({ kind, activity, ...optional('from', before), ...optional('to', after) });
    }
  };
  change('renamed', from.title, to.title);
  // An area renamed under its id holds the same activities: only another area is a move.
  if (from.area !== to.area) change('moved', from.path, to.path);
  change('activity-contexts', activityContexts(fromModel, from), activityContexts(toModel, to));
  change('description', from.description, to.description);
  change('references', from.references.map(referenceText), to.references.map(referenceText));
  change('fields', from.fields?.map(fieldText), to.fields?.map(fieldText));
  const parties = [...new Set([...toModel.parties, ...fromModel.parties].map((party) => party.id))];
  for (const party of parties) {
    const name =
      toModel.parties.find((item) => item.id === party)?.name ??
      fromModel.parties.find((item) => item.id === party)!.name;
    changes.push(
      ...compareHoldings(
        { model: fromModel, activity: from },
        { model: toModel, activity: to },
        party,
      ).map((held) => ({ ...held, activity, party: { id: party, title: name } })),
    );
  }
  return changes;
}

/** The names of the contexts an activity exists in when it does not exist in all of them. */
function activityContexts(model: Model, activity: Activity): string[] | undefined {
  return activity.contexts?.map(
    (id) => model.contexts.find((context) => context.id === id)?.name ?? id,
  );
}

const referenceText = (reference: Activity['references'][number]) =>
  [reference.framework, reference.id].filter(Boolean).join(' ') +
  (reference.url ? ` <${reference.url}>` : '');

const fieldText = (field: NonNullable<Activity['fields']>[number]) =>
  `${field.name}: ${field.markdown}`;

const named = (activity: Activity) => ({ id: activity.id, title: activity.title });

/** `{ from: value }` when there is a value: the JSON leaves out what was nothing. */
function optional<K extends 'from' | 'to'>(
  key: K,
  value: string | readonly string[] | undefined,
): Partial<Record<K, string | string[]>> {
  if (value === undefined) return {};
  return { [key]: typeof value === 'string' ? value : [...value] } as Partial<
    Record<K, string | string[]>
  >;
}
