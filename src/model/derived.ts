import type { Activity, Model } from './schema.ts';

/**
 * What the pages say beyond the assignments, defined once. A model without contexts is one
 * context, written `null`; an activity exists in its own contexts, or in all the model's.
 */
type Facts = Pick<Model, 'levels' | 'contexts'>;

/** The ids of the responsible levels, once per model: every fact below asks per context. */
const responsibleSets = new WeakMap<Facts['levels'], Set<string>>();
function responsibleLevels(levels: Facts['levels']): Set<string> {
  let ids = responsibleSets.get(levels);
  if (!ids) {
    ids = new Set(levels.filter((level) => level.responsible).map((level) => level.id));
    responsibleSets.set(levels, ids);
  }
  return ids;
}

/** The contexts an activity exists in: `[null]` for a model without contexts. */
export function contextsOf(model: Facts, activity: Activity): Array<string | null> {
  if (model.contexts.length === 0) return [null];
  return activity.contexts ?? model.contexts.map((context) => context.id);
}

/** The parties at a responsible level of the activity in one context, in column order. */
export function responsibleIn(model: Facts, activity: Activity, context: string | null): string[] {
  const responsible = responsibleLevels(model.levels);
  const parties: string[] = [];
  for (const assignment of activity.assignments) {
    if (!responsible.has(assignment.level) || parties.includes(assignment.party)) continue;
    const held = context === null || !assignment.contexts || assignment.contexts.includes(context);
    if (held) parties.push(assignment.party);
  }
  return parties;
}

/**
 * The contexts where two or more parties are responsible for the activity: where it is
 * shared. Two parties responsible in different contexts do not share it.
 */
export function sharedContexts(model: Facts, activity: Activity): Array<string | null> {
  return contextsOf(model, activity).filter(
    (context) => responsibleIn(model, activity, context).length > 1,
  );
}

/**
 * For one party of the activity, each other party responsible in a context where this one is
 * responsible too, with those contexts: whom it shares the activity with, and where.
 */
export function sharedWith(
  model: Facts,
  activity: Activity,
  party: string,
): Array<{ party: string; contexts: Array<string | null> }> {
  const others = new Map<string, Array<string | null>>();
  for (const context of contextsOf(model, activity)) {
    const parties = responsibleIn(model, activity, context);
    if (!parties.includes(party)) continue;
    for (const other of parties) {
      if (other !== party) others.set(other, [...(others.get(other) ?? []), context]);
    }
  }
  return [...others].map(([other, contexts]) => ({ party: other, contexts }));
}

/** The distinct activities a party is responsible for, anywhere: what its counts count. */
export function activitiesOfParty(
  model: Facts & { activities: readonly Activity[] },
  party: string,
): Activity[] {
  return model.activities.filter((activity) =>
    contextsOf(model, activity).some((context) =>
      responsibleIn(model, activity, context).includes(party),
    ),
  );
}

/**
 * A party's counts: the distinct activities it is responsible for, and those it only takes
 * part in (a level that is not responsible, and none that is). The one definition every page,
 * card and summary counts by.
 */
export function partyCounts(
  model: Facts & { activities: readonly Activity[] },
  party: string,
): { responsible: number; takesPart: number } {
  const responsible = activitiesOfParty(model, party).length;
  const involved = model.activities.filter((activity) =>
    activity.assignments.some((assignment) => assignment.party === party),
  ).length;
  return { responsible, takesPart: involved - responsible };
}
