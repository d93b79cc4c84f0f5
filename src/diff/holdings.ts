import { contextsOf } from '../model/derived.ts';
import type { Activity, Assignment, Model } from '../model/index.ts';
import type { Change } from './changes.ts';

interface Side {
  model: Model;
  activity: Activity;
}

type HoldingChange = Pick<Change, 'kind' | 'from' | 'to' | 'contexts'>;

/**
 * What changed in how one party holds one activity: gained or lost it, or — holding it in
 * both — its level (per context), the contexts it holds it in, its note, its condition, its
 * footnotes. A change of level or of contexts is its own kind, never a loss and a gain.
 */
export function compareHoldings(from: Side, to: Side, party: string): HoldingChange[] {
  const before = from.activity.assignments.filter((assignment) => assignment.party === party);
  const after = to.activity.assignments.filter((assignment) => assignment.party === party);
  if (before.length === 0 && after.length === 0) return [];
  if (before.length === 0) return [{ kind: 'gained', to: holdingText(to, after) }];
  if (after.length === 0) return [{ kind: 'lost', from: holdingText(from, before) }];

  const changes: HoldingChange[] = [];
  const levelsBefore = levelsByContext(from, before);
  const levelsAfter = levelsByContext(to, after);
  // Where the party holds it as written: a context added to the model extends "everywhere".
  const contextsBefore = heldContexts(from, before);
  const contextsAfter = heldContexts(to, after);
  // A model that gains or loses contexts altogether: that is the model's change, not this one.
  const bothHaveContexts = from.model.contexts.length > 0 && to.model.contexts.length > 0;
  if (bothHaveContexts && contextsBefore?.join() !== contextsAfter?.join()) {
    changes.push({
      kind: 'contexts',
      ...(contextsBefore && { from: contextsBefore.map((id) => contextName(from.model, id)) }),
      ...(contextsAfter && { to: contextsAfter.map((id) => contextName(to.model, id)) }),
    });
  }
  // Where it holds the activity in both, by the change of level: `Shares → Owns` in IaaS, PaaS.
  const levelChanges = new Map<string, { from: string; to: string; contexts: string[] }>();
  for (const context of new Set([...levelsAfter.keys(), ...levelsBefore.keys()])) {
    const was = levelsBefore.get(context) ?? levelsBefore.get('');
    const is = levelsAfter.get(context) ?? levelsAfter.get('');
    if (!was || !is || was.join() === is.join()) continue;
    const fromText = was.map((id) => levelName(from.model, id)).join(' and ');
    const toText = is.map((id) => levelName(to.model, id)).join(' and ');
    const key = `${fromText}\u001f${toText}`;
    const entry = levelChanges.get(key) ?? { from: fromText, to: toText, contexts: [] };
    if (context !== '' && bothHaveContexts) entry.contexts.push(contextName(to.model, context));
    levelChanges.set(key, entry);
  }
  for (const { from: was, to: is, contexts } of levelChanges.values()) {
    changes.push({ kind: 'level', from: was, to: is, ...(contexts.length > 0 && { contexts }) });
  }
  const texts = (assignments: Assignment[], pick: (assignment: Assignment) => string | undefined) =>
    assignments.map(pick).filter((text): text is string => text !== undefined && text !== '');
  for (const [kind, pick] of [
    ['note', (assignment: Assignment) => assignment.note],
    ['condition', (assignment: Assignment) => assignment.condition],
    [
      'footnotes',
      (assignment: Assignment) =>
        assignment.footnotes?.map((note) => `[^${note.label}]: ${note.text}`).join('\n'),
    ],
  ] as const) {
    const was = texts(before, pick).join('\n\n');
    const is = texts(after, pick).join('\n\n');
    if (was !== is) {
      changes.push({ kind, ...(was !== '' && { from: was }), ...(is !== '' && { to: is }) });
    }
  }
  return changes;
}

/**
 * The ids of the contexts the party holds the activity in, as the model says them, in the
 * model's order; undefined for every context (and in a model without contexts).
 */
function heldContexts(side: Side, assignments: readonly Assignment[]): string[] | undefined {
  if (side.model.contexts.length === 0) return undefined;
  const named = new Set<string>();
  for (const assignment of assignments) {
    const contexts = assignment.contexts ?? side.activity.contexts;
    if (!contexts) return undefined;
    for (const id of contexts) named.add(id);
  }
  return side.model.contexts.map((context) => context.id).filter((id) => named.has(id));
}

/** The level ids the party holds in each context (`''` in a model without contexts), sorted. */
function levelsByContext(side: Side, assignments: readonly Assignment[]): Map<string, string[]> {
  const everywhere = contextsOf(side.model, side.activity);
  const held = new Map<string, string[]>();
  for (const context of everywhere) {
    const key = context ?? '';
    for (const assignment of assignments) {
      if (context !== null && assignment.contexts && !assignment.contexts.includes(context)) {
        continue;
      }
      const levels = held.get(key) ?? [];
      if (!levels.includes(assignment.level)) levels.push(assignment.level);
      held.set(key, levels);
    }
  }
  for (const levels of held.values()) levels.sort();
  return held;
}

/** Each party holding the activity, in column order, and how. */
export function holdingsOf(
  model: Model,
  activity: Activity,
): Array<{ party: string; holds: string }> {
  const parties = [...new Set(activity.assignments.map((assignment) => assignment.party))];
  return parties.map((party) => ({
    party,
    holds: holdingText(
      { model, activity },
      activity.assignments.filter((assignment) => assignment.party === party),
    ),
  }));
}

/** How a party holds an activity, in words: `Owns in IaaS; Shares in PaaS if it runs the VM`. */
function holdingText(side: Side, assignments: readonly Assignment[]): string {
  return assignments
    .map((assignment) => {
      const where = assignment.contexts ?? side.activity.contexts;
      const contexts = where
        ? ` in ${where.map((id) => contextName(side.model, id)).join(', ')}`
        : '';
      const condition = assignment.condition ? ` if ${assignment.condition}` : '';
      return `${levelName(side.model, assignment.level)}${contexts}${condition}`;
    })
    .join('; ');
}

const levelName = (model: Model, id: string) =>
  model.levels.find((level) => level.id === id)?.name ?? id;

const contextName = (model: Model, id: string) =>
  model.contexts.find((context) => context.id === id)?.name ?? id;
