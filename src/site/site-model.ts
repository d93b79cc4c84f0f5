import type { Activity, Area, Context, Level, Model, Party, Position } from '../model/index.ts';
import type { ModelHistory } from '../diff/history.ts';
import { activitiesOfParty } from '../model/derived.ts';
import { modelRoutes, modelScope, type ModelRoutes } from './routes.ts';

/** A node of the matrix tree: an area or an activity, in the order the document gives. */
export type TreeNode = { kind: 'area'; area: Area } | { kind: 'activity'; activity: Activity };

/** The model with the lookups every page needs, computed once per build. */
export interface SiteModel {
  model: Model;
  /** Whether the model is one of a library's, its pages under `<model-id>/`. */
  inLibrary: boolean;
  /** The routes of its pages. */
  routes: ModelRoutes;
  /** Each party's place in the site's order of parties: its colour. */
  partyOrder: ReadonlyMap<string, number>;
  party: (id: string) => Party;
  level: (id: string) => Level;
  context: (id: string) => Context;
  area: (id: string) => Area;
  activity: (id: string) => Activity;
  /** Children of an area (or of the top, for null), areas and activities interleaved. */
  children: (areaId: string | null) => readonly TreeNode[];
  /** Every activity in matrix order: depth first, as the matrix lists them. */
  activitiesInOrder: readonly Activity[];
  /** Position of an activity in `activitiesInOrder`. */
  orderOf: (activityId: string) => number;
  /** The areas enclosing an area or activity, from the top down. */
  ancestors: (areaId: string | null) => readonly Area[];
  /** Activities a party holds, in matrix order. */
  activitiesOf: (partyId: string) => readonly Activity[];
  /** Activities anywhere under an area, in matrix order. */
  activitiesUnder: (areaId: string) => readonly Activity[];
  /** Activities directly in an area (or at the top, for null), in matrix order. */
  activitiesIn: (areaId: string | null) => readonly Activity[];
  /** Position of an activity in `activitiesIn(its area)`. */
  orderInArea: (activityId: string) => number;
  /** What changed from release to release, when the build was given earlier ones (`--history`). */
  history?: ModelHistory;
}

const byPosition = (a: { position: Position }, b: { position: Position }) =>
  a.position.line - b.position.line || a.position.column - b.position.column;

/** A lookup by id that says what it did not find. */
export const lookup =
  <T>(map: ReadonlyMap<string, T>, kind: string) =>
  (id: string): T => {
    const found = map.get(id);
    if (!found) throw new Error(`No ${kind} with id \`${id}\``);
    return found;
  };

/**
 * The model with its lookups. In a library, `partyIds` is the order of the library's parties,
 * so that a party has one colour on every page of the site.
 */
export function indexModel(
  model: Model,
  inLibrary = false,
  partyIds: readonly string[] = model.parties.map((party) => party.id),
): SiteModel {
  const parties = new Map(model.parties.map((party) => [party.id, party]));
  const levels = new Map(model.levels.map((level) => [level.id, level]));
  const contexts = new Map(model.contexts.map((context) => [context.id, context]));
  const areas = new Map(model.areas.map((area) => [area.id, area]));
  const activities = new Map(model.activities.map((activity) => [activity.id, activity]));

  const children = new Map<string | null, Array<TreeNode & { position: Position }>>();
  const add = (parent: string | null, node: TreeNode, position: Position) => {
    const list = children.get(parent) ?? [];
    list.push({ ...node, position });
    children.set(parent, list);
  };
  for (const area of model.areas) add(area.parent, { kind: 'area', area }, area.position);
  for (const activity of model.activities)
    add(activity.area, { kind: 'activity', activity }, activity.position);
  for (const list of children.values()) list.sort(byPosition);

  const activitiesInOrder: Activity[] = [];
  const under = new Map<string, Activity[]>();
  const walk = (parent: string | null, enclosing: string[]) => {
    for (const node of children.get(parent) ?? []) {
      if (node.kind === 'area') {
        walk(node.area.id, [...enclosing, node.area.id]);
      } else {
        activitiesInOrder.push(node.activity);
        for (const id of enclosing) {
          const list = under.get(id) ?? [];
          list.push(node.activity);
          under.set(id, list);
        }
      }
    }
  };
  walk(null, []);

  const order = new Map(activitiesInOrder.map((activity, index) => [activity.id, index]));
  const direct = new Map<string | null, Activity[]>();
  const orderInArea = new Map<string, number>();
  for (const [parent, nodes] of children) {
    const list = nodes.flatMap((node) => (node.kind === 'activity' ? [node.activity] : []));
    list.forEach((activity, index) => orderInArea.set(activity.id, index));
    direct.set(parent, list);
  }
  const ordered = { ...model, activities: activitiesInOrder };
  const byParty = new Map<string, Activity[]>(
    model.parties.map((party) => [party.id, activitiesOfParty(ordered, party.id)]),
  );

  return {
    model,
    inLibrary,
    routes: modelRoutes(modelScope(model.id, inLibrary)),
    partyOrder: new Map(partyIds.map((id, index) => [id, index])),
    party: lookup(parties, 'party'),
    level: lookup(levels, 'level'),
    context: lookup(contexts, 'context'),
    area: lookup(areas, 'area'),
    activity: lookup(activities, 'activity'),
    children: (areaId) => children.get(areaId) ?? [],
    activitiesInOrder,
    orderOf: (id) => order.get(id) ?? -1,
    ancestors: (areaId) => {
      const chain: Area[] = [];
      for (let id = areaId; id !== null; id = areas.get(id)?.parent ?? null) {
        const area = areas.get(id);
        if (!area) break;
        chain.unshift(area);
      }
      return chain;
    },
    activitiesOf: (partyId) => byParty.get(partyId) ?? [],
    activitiesUnder: (areaId) => under.get(areaId) ?? [],
    activitiesIn: (areaId) => direct.get(areaId) ?? [],
    orderInArea: (id) => orderInArea.get(id) ?? -1,
  };
}
