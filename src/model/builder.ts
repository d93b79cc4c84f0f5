import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import type { ActivityDraft, AreaDraft, AssignmentDraft, ItemDraft, ItemTitle } from './drafts.ts';
import { foldTitle } from './ids.ts';
import { assignIds } from './item-ids.ts';
import type { Activity, ActivityField, Area, Level, Position, Reference } from './schema.ts';

export interface BuiltMatrix {
  areas: Area[];
  activities: Activity[];
}

/**
 * The one builder every input form feeds (per-party lists, activity blocks, grid tables): it
 * merges what the readers find into areas and activities — the same path and title is the
 * same item, whichever party or form gives it — keeps the author's order, assigns ids and
 * reports conflicts at the line of the draft that caused them.
 */
export class ModelBuilder {
  readonly #file: VFile;
  readonly #partyOrder: Map<string, number>;
  readonly #responsible: Set<string>;
  readonly #items = new Map<string, AreaDraft | ActivityDraft>();
  readonly #areas: AreaDraft[] = [];
  readonly #activities: ActivityDraft[] = [];

  constructor(file: VFile, partyIds: readonly string[], levels: readonly Level[]) {
    this.#file = file;
    this.#partyOrder = new Map(partyIds.map((id, index) => [id, index]));
    this.#responsible = new Set(levels.filter((level) => level.responsible).map((l) => l.id));
  }

  get activityCount(): number {
    return this.#activities.length;
  }

  /** The area with this title under `parent`, created at `position` when new. */
  area(title: ItemTitle, parent: AreaDraft | null, position: Position): AreaDraft | undefined {
    const key = keyOf(parent, title.text);
    const existing = this.#existing('area', key, title, position);
    if (existing !== undefined) return existing ?? undefined;
    const area: AreaDraft = {
      kind: 'area',
      key,
      title: title.text,
      parent,
      path: parent ? [...parent.path, parent.title] : [],
      position,
      id: '',
      formerIds: [...title.formerIds],
      ...(title.explicitId && { explicitId: title.explicitId }),
    };
    this.#items.set(key, area);
    this.#areas.push(area);
    return area;
  }

  /** The activity with this title in `area`, created at `position` when new. */
  activity(
    title: ItemTitle,
    area: AreaDraft | null,
    position: Position,
  ): ActivityDraft | undefined {
    const key = keyOf(area, title.text);
    const existing = this.#existing('activity', key, title, position);
    if (existing !== undefined) return existing ?? undefined;
    const activity: ActivityDraft = {
      kind: 'activity',
      key,
      title: title.text,
      area,
      references: [],
      assignments: [],
      position,
      id: '',
      formerIds: [...title.formerIds],
      ...(title.explicitId && { explicitId: title.explicitId }),
    };
    this.#items.set(key, activity);
    this.#activities.push(activity);
    return activity;
  }

  /**
   * A party holding a level of the activity. The same party again where it holds it already
   * (in the same contexts, or in contexts that overlap: everywhere and in PaaS) is reported and
   * the second left out; in other contexts it is another assignment.
   */
  assign(activity: ActivityDraft, assignment: AssignmentDraft): void {
    const contexts = contextKey(assignment.contexts);
    const earlier = activity.assignments.find(
      (other) => other.party === assignment.party && overlap(other.contexts, assignment.contexts),
    );
    if (earlier && contextKey(earlier.contexts) === contexts) {
      report(
        this.#file,
        'activity-duplicate',
        `Unexpected second \`${activity.title}\` under party \`${assignment.party}\`${contexts ? ` in ${contexts}` : ''}, expected each activity once per party${contexts ? ' and context' : ''}: merge the two, or give them different contexts`,
        assignment.position,
        { reason: 'First listed here', place: earlier.position },
      );
      return;
    }
    if (earlier) {
      const where = (key: string) => (key ? `in ${key}` : 'everywhere');
      report(
        this.#file,
        'activity-duplicate',
        `Unexpected \`${activity.title}\` for party \`${assignment.party}\` ${where(contexts)}, where it holds it already ${where(contextKey(earlier.contexts))}, expected a party once in each context: give the two contexts of their own, or merge them`,
        assignment.position,
        { reason: 'First given here', place: earlier.position },
      );
      return;
    }
    activity.assignments.push(assignment);
  }

  /** What belongs to the activity itself: its description, named fields, references and contexts. */
  describe(
    activity: ActivityDraft,
    facts: {
      description?: string;
      fields?: ActivityField[];
      references?: Reference[];
      contexts?: string[];
    },
  ): void {
    if (facts.description !== undefined) activity.description = facts.description;
    if (facts.fields) activity.fields = facts.fields;
    for (const reference of facts.references ?? []) {
      const known = activity.references.some(
        (other) => other.framework === reference.framework && other.id === reference.id,
      );
      if (!known) activity.references.push(reference);
    }
    if (facts.contexts) activity.contexts = facts.contexts;
  }

  /** Ids assigned, conflicts reported: the areas and activities of the model, in the author's order. */
  finish(): BuiltMatrix {
    assignIds(this.#file, this.#areas, this.#activities);
    this.#checkContexts();
    const column = (party: string) => this.#partyOrder.get(party) ?? 0;
    return {
      areas: this.#areas.map((area) => ({
        id: area.id,
        title: area.title,
        parent: area.parent?.id ?? null,
        path: area.path,
        ...formerIdsOf(area),
        position: area.position,
      })),
      activities: this.#activities.map((activity) => {
        // Stable: in column order, and in the order written within a party.
        const assignments = withPartyNotes(activity.assignments).sort(
          (a, b) => column(a.party) - column(b.party),
        );
        const parties = [
          ...new Set(assignments.filter((a) => this.#responsible.has(a.level)).map((a) => a.party)),
        ];
        return {
          id: activity.id,
          title: activity.title,
          area: activity.area?.id ?? null,
          path: activity.area ? [...activity.area.path, activity.area.title] : [],
          ...(activity.description !== undefined && { description: activity.description }),
          ...(activity.fields && { fields: activity.fields }),
          references: activity.references,
          ...(activity.contexts && { contexts: activity.contexts }),
          parties,
          assignments: assignments.map(
            ({ party, level, contexts, note, condition, footnotes, position }) => ({
              party,
              level,
              ...(contexts && { contexts }),
              ...(note !== undefined && { note }),
              ...(condition !== undefined && { condition }),
              ...(footnotes && { footnotes }),
              position,
            }),
          ),
          ...formerIdsOf(activity),
          position: activity.position,
        };
      }),
    };
  }

  /**
   * A party given an activity in a context the activity is not in (`Contexts: Dedicated` above,
   * `- **Provider** shares in Standard` below): no page could say where it holds it, and
   * `parties` would name it while no context does. An error at the party's line.
   */
  #checkContexts(): void {
    for (const activity of this.#activities) {
      const exists = activity.contexts;
      if (!exists) continue;
      for (const assignment of activity.assignments) {
        const outside = (assignment.contexts ?? []).filter((id) => !exists.includes(id));
        if (outside.length === 0) continue;
        report(
          this.#file,
          'context-outside-activity',
          `Unexpected \`${assignment.party}\` on \`${activity.title}\` in ${outside.map((id) => `\`${id}\``).join(', ')}, where the activity is not, expected one of the contexts it is in: ${exists.map((id) => `\`${id}\``).join(', ')}`,
          assignment.position,
        );
      }
    }
  }

  /** Parties that hold nothing, for the `party-empty` warning. */
  partiesWithout(partyIds: readonly string[]): string[] {
    const held = new Set(this.#activities.flatMap((a) => a.assignments.map((x) => x.party)));
    return partyIds.filter((party) => !held.has(party));
  }

  /** The same item given again: its ids must agree; former ids add up. */
  #mergeIds(draft: ItemDraft, { explicitId, formerIds }: ItemTitle): void {
    for (const former of formerIds) {
      if (!draft.formerIds.some((known) => known.id === former.id)) draft.formerIds.push(former);
    }
    if (!explicitId) return;
    if (!draft.explicitId) {
      draft.explicitId = explicitId;
    } else if (draft.explicitId.id !== explicitId.id) {
      report(
        this.#file,
        'item-id-conflict',
        `Unexpected id \`${explicitId.id}\` for \`${draft.title}\`, expected the id it was given elsewhere, \`${draft.explicitId.id}\``,
        explicitId.position,
        { reason: `\`{#${draft.explicitId.id}}\` given here`, place: draft.explicitId.position },
      );
    }
  }

  /**
   * The item some form gave this key already, with the title's ids merged into it; null after
   * reporting one of the other kind (an area where an activity was, or the other way).
   */
  #existing<K extends (AreaDraft | ActivityDraft)['kind']>(
    kind: K,
    key: string,
    title: ItemTitle,
    position: Position,
  ): Extract<AreaDraft | ActivityDraft, { kind: K }> | null | undefined {
    const existing = this.#items.get(key);
    if (!existing) return undefined;
    if (existing.kind !== kind) {
      const [found, expected] =
        kind === 'area' ? ['an area', 'an activity'] : ['an activity', 'an area'];
      report(
        this.#file,
        'item-kind-conflict',
        `Unexpected \`${title.text}\` as ${found}, expected ${expected} as where it is listed first (an item with a nested list is an area, one without is an activity)`,
        position,
        { reason: `\`${existing.title}\` first listed here`, place: existing.position },
      );
      return null;
    }
    this.#mergeIds(existing, title);
    return existing as Extract<AreaDraft | ActivityDraft, { kind: K }>;
  }
}

/**
 * A party's note is on the activity, not on one of its levels: one held at two levels (owns in
 * Development, shares in Deployment) with the note written once carries it with each entry.
 * Entries with notes of their own keep them.
 */
function withPartyNotes(assignments: readonly AssignmentDraft[]): AssignmentDraft[] {
  const notes = new Map<string, Set<string>>();
  for (const { party, note } of assignments) {
    if (note !== undefined) notes.set(party, (notes.get(party) ?? new Set()).add(note));
  }
  return assignments.map((assignment) => {
    const written = notes.get(assignment.party);
    if (assignment.note !== undefined || written?.size !== 1) return assignment;
    return { ...assignment, note: [...written][0]! };
  });
}

function formerIdsOf(draft: ItemDraft): { formerIds?: string[] } {
  return draft.formerIds.length > 0
    ? { formerIds: draft.formerIds.map((former) => former.id) }
    : {};
}

function keyOf(parent: AreaDraft | null, title: string): string {
  return `${parent?.key ?? ''}\u001f${foldTitle(title)}`;
}

/** Whether two sets of contexts share one; none named is every context. */
function overlap(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return !a || !b || a.some((context) => b.includes(context));
}

function contextKey(contexts: readonly string[] | undefined): string {
  return contexts ? [...contexts].sort().join(', ') : '';
}
