/**
 * What the pages say beyond the assignments, defined once. A model without contexts is one
 * context, written `null`; an activity exists in its own contexts, or in all the model's. The
 * shapes are structural, so that "my stack" counts in the browser by the same definitions.
 */
interface Facts {
  levels: ReadonlyArray<{ id: string; responsible: boolean }>;
  contexts: ReadonlyArray<{ id: string }>;
}
interface HeldActivity {
  contexts?: readonly string[];
  assignments: ReadonlyArray<{ party: string; level: string; contexts?: readonly string[] }>;
}
type Activity = HeldActivity;

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
  return activity.contexts ? [...activity.contexts] : model.contexts.map((context) => context.id);
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

/**
 * Whether a party is responsible for the activity in one of `within` (the contexts a reader
 * picked), or anywhere when `within` is absent or empty.
 */
export function isResponsible(
  model: Facts,
  activity: Activity,
  party: string,
  within?: readonly string[],
): boolean {
  return contextsOf(model, activity).some(
    (context) =>
      (!within || within.length === 0 || context === null || within.includes(context)) &&
      responsibleIn(model, activity, context).includes(party),
  );
}

/** The distinct activities a party is responsible for, anywhere: what its counts count. */
export function activitiesOfParty<A extends Activity>(
  model: Facts & { activities: readonly A[] },
  party: string,
): A[] {
  return model.activities.filter((activity) => isResponsible(model, activity, party));
}

/**
 * A party's counts: the distinct activities it is responsible for, and those it only takes
 * part in (a level that is not responsible, and none that is), in the contexts picked (all when
 * none are). The one definition every page, card, summary and "my stack" counts by.
 */
export function partyCounts(
  model: Facts & { activities: readonly Activity[] },
  party: string,
  within?: readonly string[],
): { responsible: number; takesPart: number } {
  let responsible = 0;
  let takesPart = 0;
  for (const activity of model.activities) {
    if (isResponsible(model, activity, party, within)) responsible += 1;
    else if (takesPartIn(model, activity, party, within)) takesPart += 1;
  }
  return { responsible, takesPart };
}

/** Whether the party holds any level of the activity in one of `within` (anywhere without). */
function takesPartIn(
  model: Facts,
  activity: Activity,
  party: string,
  within?: readonly string[],
): boolean {
  const exists = contextsOf(model, activity);
  return activity.assignments.some(
    (assignment) =>
      assignment.party === party &&
      (!within ||
        within.length === 0 ||
        exists[0] === null ||
        (assignment.contexts ?? exists).some(
          (context) => context !== null && within.includes(context) && exists.includes(context),
        )),
  );
}
