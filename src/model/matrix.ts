import type { Heading, List, ListItem, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './diagnostics.ts';
import type { FrontmatterParty } from './frontmatter.ts';
import type { ActivityDraft, AreaDraft, ItemDraft, ItemTitle } from './drafts.ts';
import { foldTitle } from './ids.ts';
import { assignIds } from './item-ids.ts';
import { readItemTitle } from './item-title.ts';
import { plainText, printMarkdown, splitAtHeadings } from './markdown.ts';
import { describeNode, startOf } from './nodes.ts';
import type { PartyDirectory } from './parties.ts';
import type { Activity, Area } from './schema.ts';

export interface MatrixContent {
  introduction?: string;
  areas: Area[];
  activities: Activity[];
}

/**
 * Reads the matrix section: level-3 headings naming parties, each over a nested list whose
 * items with a nested list are areas and the others activities. The same activity under
 * several parties is one shared activity.
 */
export function readMatrix(
  file: VFile,
  /** The file's text, which positions point into. */
  source: string,
  matrixHeading: Heading,
  children: readonly RootContent[],
  parties: readonly FrontmatterParty[],
  directory: PartyDirectory,
): MatrixContent {
  const reader = new MatrixReader(file, source, parties);
  const { before, groups } = splitAtHeadings(children, 3);

  const introduction: RootContent[] = [];
  for (const node of before) {
    if (node.type === 'list') {
      report(
        file,
        'item-outside-party',
        'Unexpected list before any party heading, expected a level-3 heading naming a party above it',
        startOf(node),
      );
    } else {
      introduction.push(node);
    }
  }

  const headings = new Map<string, Heading>();
  for (const { heading, children: content } of groups) {
    const party = directory.resolve(file, heading, 'the matrix');
    if (!party) continue;
    const earlier = headings.get(party.id);
    if (earlier) {
      report(
        file,
        'party-heading-repeated',
        `Unexpected second heading for party \`${party.id}\` in the matrix, expected one (their lists are merged)`,
        startOf(heading),
        { reason: 'First heading here', place: startOf(earlier) },
      );
    } else {
      headings.set(party.id, heading);
    }
    for (const node of content) {
      if (node.type === 'list') {
        reader.readList(node, party.id, null);
      } else {
        report(
          file,
          'content-ignored',
          `Unexpected ${describeNode(node)} under party heading \`${plainText(heading)}\`, expected a list of areas and activities (it is left out)`,
          startOf(node),
        );
      }
    }
  }

  const result = reader.finish(matrixHeading, headings);
  const intro = printMarkdown(introduction);
  return intro === undefined ? result : { introduction: intro, ...result };
}

class MatrixReader {
  readonly #file: VFile;
  readonly #source: string;
  readonly #parties: readonly FrontmatterParty[];
  readonly #items = new Map<string, AreaDraft | ActivityDraft>();
  readonly #areas: AreaDraft[] = [];
  readonly #activities: ActivityDraft[] = [];

  constructor(file: VFile, source: string, parties: readonly FrontmatterParty[]) {
    this.#file = file;
    this.#source = source;
    this.#parties = parties;
  }

  readList(list: List, party: string, parent: AreaDraft | null): void {
    for (const item of list.children) this.#readItem(item, party, parent);
  }

  #readItem(item: ListItem, party: string, parent: AreaDraft | null): void {
    const [first, ...rest] = item.children;
    if (!first) {
      report(
        this.#file,
        'item-empty',
        'Unexpected empty list item, expected the title of an area or an activity',
        startOf(item),
      );
      return;
    }
    if (first.type !== 'paragraph') {
      report(
        this.#file,
        'item-title-invalid',
        `Unexpected ${describeNode(first)} at the start of a list item, expected the item's title as a line of text`,
        startOf(first),
      );
      return;
    }
    const title = readItemTitle(this.#file, this.#source, first);
    if (!title) return;

    const firstList = rest.findIndex((node) => node.type === 'list');
    const notes = firstList === -1 ? rest : rest.slice(0, firstList);
    if (firstList === -1) {
      this.#addActivity(title, notes, party, parent, item);
      return;
    }

    const area = this.#addArea(title, parent, item);
    if (!area) return;
    const label = `\`${title.text}\``;
    for (const node of notes) {
      report(
        this.#file,
        'content-ignored',
        `Unexpected ${describeNode(node)} in area ${label} before its list, expected notes on activities only (it is left out)`,
        startOf(node),
      );
    }
    for (const node of rest.slice(firstList)) {
      if (node.type === 'list') {
        this.readList(node, party, area);
      } else {
        report(
          this.#file,
          'content-ignored',
          `Unexpected ${describeNode(node)} after the nested list of ${label}, expected it before the list (it is left out)`,
          startOf(node),
        );
      }
    }
  }

  #addArea(title: ItemTitle, parent: AreaDraft | null, item: ListItem): AreaDraft | undefined {
    const key = keyOf(parent, title.text);
    const existing = this.#items.get(key);
    if (existing?.kind === 'activity') {
      this.#reportKindConflict(title.text, 'an area', 'an activity', item, existing);
      return undefined;
    }
    if (existing) {
      this.#mergeIds(existing, title);
      return existing;
    }
    const area: AreaDraft = {
      kind: 'area',
      key,
      title: title.text,
      parent,
      path: parent ? [...parent.path, parent.title] : [],
      position: startOf(item),
      id: '',
      formerIds: title.formerIds,
      ...(title.explicitId && { explicitId: title.explicitId }),
    };
    this.#items.set(key, area);
    this.#areas.push(area);
    return area;
  }

  #addActivity(
    title: ItemTitle,
    notes: RootContent[],
    party: string,
    area: AreaDraft | null,
    item: ListItem,
  ): void {
    const key = keyOf(area, title.text);
    let activity = this.#items.get(key);
    if (activity?.kind === 'area') {
      this.#reportKindConflict(title.text, 'an activity', 'an area', item, activity);
      return;
    }
    if (activity) {
      this.#mergeIds(activity, title);
    } else {
      activity = {
        kind: 'activity',
        key,
        title: title.text,
        area,
        assignments: new Map(),
        position: startOf(item),
        id: '',
        formerIds: title.formerIds,
        ...(title.explicitId && { explicitId: title.explicitId }),
      };
      this.#items.set(key, activity);
      this.#activities.push(activity);
    }

    const earlier = activity.assignments.get(party);
    if (earlier) {
      report(
        this.#file,
        'activity-duplicate',
        `Unexpected second \`${title.text}\` under party \`${party}\`, expected each activity once per party (this one is left out)`,
        startOf(item),
        { reason: 'First listed here', place: earlier.position },
      );
      return;
    }
    const note = printMarkdown(notes);
    activity.assignments.set(party, {
      position: startOf(item),
      ...(note !== undefined && { note }),
    });
  }

  /** The same item listed again: its ids must agree; former ids add up. */
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

  #reportKindConflict(
    title: string,
    found: string,
    expected: string,
    item: ListItem,
    existing: ItemDraft,
  ): void {
    report(
      this.#file,
      'item-kind-conflict',
      `Unexpected \`${title}\` as ${found}, expected ${expected} as where it is listed first (an item with a nested list is an area, one without is an activity)`,
      startOf(item),
      { reason: `\`${existing.title}\` first listed here`, place: existing.position },
    );
  }

  finish(
    matrixHeading: Heading,
    headings: Map<string, Heading>,
  ): Omit<MatrixContent, 'introduction'> {
    assignIds(this.#file, this.#areas, this.#activities);
    this.#checkParties(matrixHeading, headings);
    const order = new Map(this.#parties.map((party, index) => [party.id, index]));
    const byColumn = (a: [string, unknown], b: [string, unknown]) =>
      (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0);

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
        const assignments = [...activity.assignments].sort(byColumn);
        return {
          id: activity.id,
          title: activity.title,
          area: activity.area?.id ?? null,
          path: activity.area ? [...activity.area.path, activity.area.title] : [],
          parties: assignments.map(([party]) => party),
          assignments: assignments.map(([party, { note, position }]) => ({
            party,
            ...(note !== undefined && { note }),
            position,
          })),
          ...formerIdsOf(activity),
          position: activity.position,
        };
      }),
    };
  }

  #checkParties(matrixHeading: Heading, headings: Map<string, Heading>): void {
    if (this.#activities.length === 0) {
      report(
        this.#file,
        'matrix-empty',
        'Unexpected matrix without activities, expected a `### <party>` heading followed by a list of activities',
        startOf(matrixHeading),
      );
      return;
    }
    const held = new Set(this.#activities.flatMap((activity) => [...activity.assignments.keys()]));
    for (const party of this.#parties) {
      if (held.has(party.id)) continue;
      const heading = headings.get(party.id);
      report(
        this.#file,
        'party-empty',
        `Unexpected party \`${party.id}\` without activities, expected at least one activity under its heading in the matrix`,
        heading ? startOf(heading) : party.position,
      );
    }
  }
}

function formerIdsOf(draft: ItemDraft): { formerIds?: string[] } {
  return draft.formerIds.length > 0
    ? { formerIds: draft.formerIds.map((former) => former.id) }
    : {};
}

function keyOf(parent: AreaDraft | null, title: string): string {
  return `${parent?.key ?? ''}\u001f${foldTitle(title)}`;
}
