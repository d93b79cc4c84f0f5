import type { Activity, Area, Context, Footnote, Level, Party } from '../model/index.ts';
import { declaresLevels } from '../model/schema.ts';
import { plainTextOfMarkdown } from '../render/plain-text.ts';
import { responsibleIn, sharedContexts, sharedWith as sharedWithParty } from '../model/derived.ts';
import type { SiteModel } from './site-model.ts';
import { listInWords } from './words.ts';

/** One activity row of a matrix: a mark per party column. */
export interface ActivityRow {
  activity: Activity;
  /** Depth below the matrix's top (0 for an activity directly under a party). */
  depth: number;
  /** Ids of the enclosing areas, from the top down. */
  areaIds: string[];
  /** One entry per party column: whether that party holds the activity. */
  marks: boolean[];
  /** One entry per column of `matrixColumns`: who holds what there. */
  cells: MatrixCell[];
  /** One entry per column: whether the activity exists there (a context column it is not in: N/A). */
  applies: boolean[];
  /** Where two or more parties are responsible for it (see sharedLabel), if anywhere. */
  shared?: string;
}

/** A matrix column: a party (levels in its cells), or, when the model has contexts, a context. */
export type MatrixColumn = { kind: 'party'; party: Party } | { kind: 'context'; context: Context };

/** What one cell holds: each party's level there, and in which contexts when not all. */
export type MatrixCell = Array<{
  party: Party;
  level: Level;
  contexts: Context[];
  condition?: string;
  footnotes?: Footnote[];
}>;

/** Columns by context when the model has contexts (the grid shape); by party otherwise. */
export function matrixColumns(site: SiteModel): MatrixColumn[] {
  return site.model.contexts.length > 0
    ? site.model.contexts.map((context) => ({ kind: 'context', context }))
    : site.model.parties.map((party) => ({ kind: 'party', party }));
}

function cellsOf(site: SiteModel, columns: MatrixColumn[], activity: Activity): MatrixCell[] {
  return columns.map((column) =>
    activity.assignments
      .filter((assignment) =>
        column.kind === 'party'
          ? assignment.party === column.party.id
          : (!activity.contexts || activity.contexts.includes(column.context.id)) &&
            (!assignment.contexts || assignment.contexts.includes(column.context.id)),
      )
      .map((assignment) => ({
        party: site.party(assignment.party),
        level: site.level(assignment.level),
        contexts:
          column.kind === 'party' ? (assignment.contexts ?? []).map((id) => site.context(id)) : [],
        ...(assignment.condition !== undefined && { condition: assignment.condition }),
        ...(assignment.footnotes && { footnotes: assignment.footnotes }),
      })),
  );
}

/**
 * The conditions and footnotes a matrix's cells cite, each once, in the order they first
 * appear: the table numbers its cells' marks by these lists and gives their text once, below
 * it, instead of in every cell that cites one (a long footnote cited in thousands of cells).
 */
export interface MatrixNotes {
  conditions: string[];
  footnotes: Footnote[];
}

export function matrixNotes(groups: readonly MatrixGroup[]): MatrixNotes {
  const conditions = new Set<string>();
  const footnotes = new Map<string, Footnote>();
  for (const group of groups) {
    for (const row of group.rows) {
      for (const cell of row.cells) {
        for (const mark of cell) {
          if (mark.condition !== undefined) conditions.add(mark.condition);
          for (const footnote of mark.footnotes ?? []) {
            if (!footnotes.has(footnote.label)) footnotes.set(footnote.label, footnote);
          }
        }
      }
    }
  }
  return { conditions: [...conditions], footnotes: [...footnotes.values()] };
}

/** A cell's parties at one level; the level is named only where a reader needs it. */
export interface CellGroup {
  /** Absent when it is the level a party named alone holds, and the cell's only one. */
  level?: Level;
  marks: MatrixCell;
}

/**
 * A context cell as a provider's table writes it: the parties, and the level only where it is
 * not the one a name alone means or differs between them — "Shared: Customer, Provider" once,
 * not a level per party. Groups follow the model's order of levels.
 */
export function cellGroups(site: SiteModel, cell: MatrixCell): CellGroup[] {
  const levels = site.model.levels.filter((level) => cell.some((mark) => mark.level === level));
  const plain = site.model.levels.find((level) => level.responsible) ?? site.model.levels[0];
  const named =
    declaresLevels(site.model) && (levels.length > 1 || (levels[0] && levels[0] !== plain));
  return levels.map((level) => ({
    ...(named && { level }),
    marks: cell.filter((mark) => mark.level === level),
  }));
}

/** What a matrix's cells say, for its caption. */
export function matrixCaption(site: SiteModel): string {
  if (site.model.contexts.length > 0)
    return 'each cell names the parties and their level in that context';
  return declaresLevels(site.model)
    ? 'each cell names the level its party holds'
    : 'a tick marks each responsible party';
}

/** An area heading and the activities directly in it; sub-areas follow as their own groups. */
export interface MatrixGroup {
  area: Area | null;
  depth: number;
  /** Activities anywhere under the area. */
  total: number;
  rows: ActivityRow[];
}

/** The matrix (of the whole model, or of an area's subtree) as groups of rows in document order. */
export function matrixGroups(site: SiteModel, rootArea: string | null = null): MatrixGroup[] {
  const columns = site.model.parties.map((party) => party.id);
  const cellColumns = matrixColumns(site);
  const groups: MatrixGroup[] = [];
  // Depths count from the top of what is shown: an area's own heading sits at the top.
  const rootDepth = rootArea === null ? 0 : site.ancestors(rootArea).length - 1;

  const visit = (areaId: string | null, areaIds: string[]) => {
    const depth = areaIds.length - rootDepth;
    let group: MatrixGroup | undefined;
    const current = () => {
      if (!group) {
        group = {
          area: areaId === null ? null : site.area(areaId),
          depth,
          total: areaId === null ? 0 : site.activitiesUnder(areaId).length,
          rows: [],
        };
        groups.push(group);
      }
      return group;
    };
    if (areaId !== null) current();
    for (const node of site.children(areaId)) {
      if (node.kind === 'area') {
        visit(node.area.id, [...areaIds, node.area.id]);
        // Activities after a sub-area start a new group under the same area heading.
        group = undefined;
      } else {
        const { activity } = node;
        current().rows.push({
          activity,
          depth,
          areaIds,
          marks: columns.map((party) => activity.parties.includes(party)),
          cells: cellsOf(site, cellColumns, activity),
          applies: cellColumns.map(
            (column) =>
              column.kind === 'party' ||
              !activity.contexts ||
              activity.contexts.includes(column.context.id),
          ),
          ...sharedOf(site, activity),
        });
      }
    }
  };
  visit(rootArea, rootArea === null ? [] : site.ancestors(rootArea).map((area) => area.id));
  return groups.filter((group) => group.area !== null || group.rows.length > 0);
}

/**
 * Where an activity is shared, in words: "Shared in PaaS and SaaS", or, in a model without
 * contexts, "Shared by 2 parties" — never the bare word, which a model may declare as a level.
 * Undefined where no two parties are responsible in the same context.
 */
export function sharedLabel(site: SiteModel, activity: Activity): string | undefined {
  const contexts = sharedContexts(site.model, activity);
  if (contexts.length === 0) return undefined;
  const word = sharedWord(site.model.levels);
  if (contexts[0] === null) {
    return `${word} by ${responsibleIn(site.model, activity, null).length} parties`;
  }
  return `${word} in ${listInWords(contexts.map((id) => site.context(id!).name))}`;
}

/**
 * The word for "two or more parties responsible here": "Shared", unless the model declares a
 * level by that word (Azure's "Shared"), which a cell shows beside it — then "Jointly held".
 */
export function sharedWord(levels: readonly Level[]): 'Shared' | 'Jointly held' {
  const taken = levels.some((level) =>
    [level.id, level.name, level.short].some((label) => /^shared?$/i.test(label.trim())),
  );
  return taken ? 'Jointly held' : 'Shared';
}

function sharedOf(site: SiteModel, activity: Activity): { shared?: string } {
  const shared = sharedLabel(site, activity);
  return shared === undefined ? {} : { shared };
}

export interface PartyCard {
  party: Party;
  /** The party's scope in a line. */
  scope?: string;
  count: number;
}

export function partyCards(site: SiteModel): PartyCard[] {
  return site.model.parties.map((party) => {
    const scope = party.scope ?? firstSentence(party.description);
    return { party, count: site.activitiesOf(party.id).length, ...(scope && { scope }) };
  });
}

/** The first sentence of some Markdown, as plain text, for a one-line summary. */
export function firstSentence(markdown: string | undefined): string | undefined {
  if (!markdown) return undefined;
  const text = markdown
    .split(/\n\s*\n/)[0]!
    .replace(/[*_`]|\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const match = /^.+?[.!?](?=\s+\p{Lu}|\s*$)/u.exec(text);
  return (match ? match[0] : text) || undefined;
}

export interface PartyActivity {
  activity: Activity;
  /** Whether this is the party's first assignment of the activity: it carries the anchor. */
  first: boolean;
  note?: string;
  /** Where the party holds it at this level; every context when empty. */
  contexts: Context[];
  condition?: string;
  footnotes?: Footnote[];
  /** The other parties responsible for the same activity: the first SHARED_NAMED of them. */
  sharedWith: Party[];
  /** How many more there are, listed on the activity's page. */
  sharedWithMore: number;
}

/**
 * How many of the other parties of an activity a party's page names: the page lists each of
 * its activities, and naming them all would grow with the square of the parties.
 */
export const SHARED_NAMED = 5;

export interface PartyGroup {
  area: Area | null;
  /** Titles of the area's enclosing areas and its own, from the top down. */
  path: string[];
  items: PartyActivity[];
}

/** The anchor of a group of a party's activities: its area's, after the level's prefix. */
export function groupId(prefix: string, group: PartyGroup): string {
  return `${prefix}area-${group.area?.id ?? '-none'}`;
}

function sharedWith(
  site: SiteModel,
  activity: Activity,
  partyId: string,
  held: readonly string[] | undefined,
): { sharedWith: Party[]; sharedWithMore: number } {
  // Only where this entry holds: a party responsible in IaaS and another in PaaS share nothing.
  const others = sharedWithParty(site.model, activity, partyId)
    .filter(({ contexts }) => !held || contexts.some((context) => held.includes(context!)))
    .map(({ party }) => party);
  return {
    sharedWith: others.slice(0, SHARED_NAMED).map((id) => site.party(id)),
    sharedWithMore: Math.max(0, others.length - SHARED_NAMED),
  };
}

/** What a party holds at one level: its activities by area, in matrix order. */
export interface PartyLevel {
  level: Level;
  count: number;
  groups: PartyGroup[];
}

/**
 * Every activity a party holds at any level, by level in the order the model declares them
 * (owns, then shares, then supports…), and by area within each.
 */
export function partyLevels(site: SiteModel, partyId: string): PartyLevel[] {
  return site.model.levels
    .map((level) => {
      const groups = partyGroups(site, partyId, level.id);
      // Distinct activities: one held at this level in two contexts is listed twice.
      const count = new Set(groups.flatMap((group) => group.items.map((item) => item.activity.id)))
        .size;
      return { level, count, groups };
    })
    .filter((entry) => entry.count > 0);
}

/** The activities a party holds (at one level, or at any), grouped by area in matrix order. */
export function partyGroups(site: SiteModel, partyId: string, levelId?: string): PartyGroup[] {
  const groups: PartyGroup[] = [];
  for (const activity of site.activitiesInOrder) {
    for (const assignment of activity.assignments) {
      if (assignment.party !== partyId) continue;
      if (levelId !== undefined && assignment.level !== levelId) continue;
      let group = groups.at(-1);
      if (!group || (group.area?.id ?? null) !== activity.area) {
        const area = activity.area === null ? null : site.area(activity.area);
        group = { area, path: activity.path, items: [] };
        groups.push(group);
      }
      group.items.push({
        activity,
        first: activity.assignments.find((other) => other.party === partyId) === assignment,
        contexts: (assignment.contexts ?? []).map((id) => site.context(id)),
        ...sharedWith(
          site,
          activity,
          partyId,
          site.level(assignment.level).responsible ? assignment.contexts : [],
        ),
        ...(assignment.note !== undefined && { note: assignment.note }),
        ...(assignment.condition !== undefined && { condition: assignment.condition }),
        ...(assignment.footnotes && { footnotes: assignment.footnotes }),
      });
    }
  }
  return groups;
}

/** Past this many characters, a party page shows a note's start and links to the rest. */
export const NOTE_SUMMARY_LENGTH = 280;

/**
 * A note as a party page shows it: whole when short; else the start of its text, cut at a
 * word, so that a page of 250 controls with long notes stays light (the activity's page has
 * the whole note).
 */
export function noteSummary(note: string): { markdown: string } | { text: string } {
  if (note.length <= NOTE_SUMMARY_LENGTH) return { markdown: note };
  const text = plainTextOfMarkdown(note);
  const cut = text.slice(0, NOTE_SUMMARY_LENGTH).replace(/\s+\S*$/, '');
  return { text: `${cut}…` };
}

export interface ActivityView {
  activity: Activity;
  /** Enclosing areas, from the top down. */
  areas: Area[];
  /** Parties holding a responsible level, in column order. */
  responsible: Party[];
  /** Where two or more of them are responsible in the same context (see sharedLabel). */
  shared?: string;
  /** Every party's level, in which contexts, on which condition, with its note, in order. */
  assignments: AssignmentView[];
  /** Whether the model declares levels of its own: then every assignment names its level. */
  showLevels: boolean;
  /** The contexts the activity exists in, when not all. */
  contexts?: Context[];
  /** Parties that hold nothing of the activity, so the page answers "who is not" too. */
  others: Party[];
  /**
   * Other activities directly in the same area, the nearest ones only: a page lists at most
   * `MAX_SIBLINGS`, so a flat list of N activities writes N pages, not N².
   */
  siblings: Activity[];
  /** How many other activities the area holds directly, listed or not. */
  siblingCount: number;
  previous?: Activity;
  next?: Activity;
}

export interface AssignmentView {
  party: Party;
  level: Level;
  /** Where it holds; every context when empty. */
  contexts: Context[];
  note?: string;
  condition?: string;
  footnotes?: Footnote[];
}

export { declaresLevels };

export function activityView(site: SiteModel, activityId: string): ActivityView {
  const activity = site.activity(activityId);
  const index = site.orderOf(activityId);
  const previous = site.activitiesInOrder[index - 1];
  const next = site.activitiesInOrder[index + 1];
  return {
    activity,
    areas: [...site.ancestors(activity.area)],
    responsible: activity.parties.map((id) => site.party(id)),
    ...sharedOf(site, activity),
    assignments: activity.assignments.map(
      ({ party, level, contexts, note, condition, footnotes }) => ({
        party: site.party(party),
        level: site.level(level),
        contexts: (contexts ?? []).map((id) => site.context(id)),
        ...(note !== undefined && { note }),
        ...(condition !== undefined && { condition }),
        ...(footnotes && { footnotes }),
      }),
    ),
    showLevels: declaresLevels(site.model),
    ...(activity.contexts && { contexts: activity.contexts.map((id) => site.context(id)) }),
    others: site.model.parties.filter(
      (party) => !activity.assignments.some((assignment) => assignment.party === party.id),
    ),
    ...nearestSiblings(site.activitiesIn(activity.area), site.orderInArea(activityId)),
    ...(previous && { previous }),
    ...(next && { next }),
  };
}

export const MAX_SIBLINGS = 10;

/** The activities around the one at `index` in its area (itself left out), at most `MAX_SIBLINGS`. */
function nearestSiblings(
  all: readonly Activity[],
  index: number,
): { siblings: Activity[]; siblingCount: number } {
  const start = Math.max(0, Math.min(index - MAX_SIBLINGS / 2, all.length - MAX_SIBLINGS - 1));
  const window = all.slice(start, start + MAX_SIBLINGS + 1).filter((_, at) => start + at !== index);
  return { siblings: window.slice(0, MAX_SIBLINGS), siblingCount: all.length - 1 };
}

/** An area as a link in a list: how many activities it holds, and which parties hold them. */
export interface AreaSummary {
  area: Area;
  count: number;
  parties: Party[];
}

function summarize(site: SiteModel, area: Area): AreaSummary {
  const activities = site.activitiesUnder(area.id);
  const held = new Set(activities.flatMap((activity) => activity.parties));
  return {
    area,
    count: activities.length,
    parties: site.model.parties.filter((party) => held.has(party.id)),
  };
}

export interface AreaView {
  area: Area;
  /** Enclosing areas, from the top down. */
  areas: Area[];
  subAreas: AreaSummary[];
  groups: MatrixGroup[];
  count: number;
}

export function areaView(site: SiteModel, areaId: string): AreaView {
  const area = site.area(areaId);
  return {
    area,
    areas: site.ancestors(area.parent) as Area[],
    subAreas: site
      .children(areaId)
      .flatMap((node) => (node.kind === 'area' ? [summarize(site, node.area)] : [])),
    groups: matrixGroups(site, areaId),
    count: site.activitiesUnder(areaId).length,
  };
}

/** Top-level areas with their activity counts: the overview's and the matrix's navigation. */
export function topAreas(site: SiteModel): AreaSummary[] {
  return site
    .children(null)
    .flatMap((node) => (node.kind === 'area' ? [summarize(site, node.area)] : []));
}

/** The colour class of a party: one of eight, by its column. It always comes with a text label. */
export function partyColor(site: SiteModel, partyId: string): string {
  return `p${(site.partyOrder.get(partyId) ?? 0) % 8}`;
}

/** The label a party goes by in narrow places. */
export function partyLabel(party: Party): string {
  return party.short ?? party.name;
}
