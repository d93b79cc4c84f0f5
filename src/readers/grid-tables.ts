import type { Table, TableCell } from 'mdast';
import { report } from '../model/diagnostics.ts';
import type { AreaDraft, AssignmentDraft, ItemTitle } from '../model/drafts.ts';
import { deriveId, foldTitle } from '../model/ids.ts';
import type { Reference } from '../model/schema.ts';
import { splitTrimmed } from '../model/text-parts.ts';
import { LIMITS } from '../markdown/limits.ts';
import { plainText } from '../markdown/markdown.ts';
import { startOf } from '../markdown/nodes.ts';
import {
  cellMarkdown,
  NOT_APPLICABLE,
  NOTHING,
  readHoldersCell,
  readPartyCell,
  reportUndefinedFootnote,
} from './grid-cells.ts';
import { readGridHeader, type Column } from './grid-columns.ts';
import { readItemTitle } from './item-title.ts';
import type { MatrixContext } from './matrix-context.ts';

/**
 * The grid form, the shape cloud providers publish: a GFM table whose rows are activities
 * (components, controls) and whose columns are
 * - `Area` (or Group, Category, Domain, Section): the row's area, `A › B` for nested ones;
 * - the activity's title (`Activity`, Control, Task, Component, Resource, Responsibility,
 *   Requirement; else the first column left);
 * - references (`Id`, `Ref`, `Reference`, or `<framework> id`, such as `CCM id`);
 * - a description (`Description`, Notes, Details);
 * - a party: each cell a level (`Owns`, `Shared`…) or a mark (`✓`, `x`, `yes`) for the
 *   default level, empty when the party holds nothing, or a sentence: the party's note;
 * - who holds it everywhere (`Owner`, `Responsible party`): cells as a context's;
 * - a column of the author's own, of words about each row (`Evidence`, `Notes for auditors`):
 *   the activity's named field;
 * - a context (`IaaS`, a layer, a variant): each cell names parties (`Provider and
 *   Customer`), a party with its level (`Customer (shares)`), a level with its parties
 *   (`Shared (Provider, Customer)`), or a level alone, which every party holds; `N/A` when
 *   the activity does not exist there.
 * A footnote in a cell (`Provider[^1]`) is the author's remark on the name it follows; `if …`
 * ending a cell (`Customer if it brings its own CNI`) is the condition of what the cell assigns.
 */

/** Reference ids hold `&`, `/` and `+` (`A&A-01`): only commas and semicolons part them. */
const REFERENCE_SEPARATORS = /[,;]/;

export function readGridTable(
  context: MatrixContext,
  table: Table,
  area: AreaDraft | null,
  /** The context a table is scoped to by its heading: what its cells say holds there. */
  scope?: string,
): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const columns = readGridHeader(context, header.children, rows);
  if (!columns) return;
  const width = header.children.length;
  // An empty Area cell continues the area above it: that is how merged cells come out in Markdown.
  let previousArea: AreaDraft | null = area;
  const groupRows = !columns.some((column) => column.kind === 'area');
  let rowsArea = area;
  for (const row of rows) {
    if (row.children.length !== width) {
      const extra = row.children[width];
      report(
        context.file,
        'table-cells',
        `Unexpected row of ${row.children.length} cells, expected ${width} as in the header row: add or remove a \`|\``,
        extra ? startOf(extra) : startOf(row),
      );
      continue;
    }
    const group = groupRows ? groupTitle(columns, row.children) : undefined;
    if (group) {
      rowsArea = context.builder.area(group, area, startOf(row)) ?? area;
      continue;
    }
    previousArea =
      readRow(context, columns, row.children, rowsArea, previousArea, scope) ?? previousArea;
  }
}

/**
 * `| **Identity** | | |`: a row whose only content is its title, in bold, heads the rows below
 * it as their area — how tables without an Area column group their rows.
 */
function groupTitle(
  columns: readonly Column[],
  cells: readonly TableCell[],
): ItemTitle | undefined {
  const index = columns.findIndex((column) => column.kind === 'title');
  const cell = cells[index];
  const [only, ...more] = cell?.children ?? [];
  if (only?.type !== 'strong' || more.some((node) => plainText(node).trim() !== ''))
    return undefined;
  if (cells.some((other, at) => at !== index && plainText(other) !== '')) return undefined;
  const text = plainText(cell!);
  return text ? { text: text.slice(0, LIMITS.titleLength), formerIds: [] } : undefined;
}

/** Reads one row into an activity; returns the area it is in, for the next row's empty Area cell. */
function readRow(
  context: MatrixContext,
  columns: Column[],
  cells: TableCell[],
  tableArea: AreaDraft | null,
  previousArea: AreaDraft | null,
  scope: string | undefined,
): AreaDraft | null | undefined {
  const titleIndex = columns.findIndex((column) => column.kind === 'title');
  const titleCell = cells[titleIndex]!;
  const title = readItemTitle(context.file, context.source, titleCell);
  if (!title) return undefined;
  // A control's permalink is its reference id (`A&A-01` → `a-a-01`), unless the row gives one.
  const referenceIndex = columns.findIndex((column) => column.kind === 'reference');
  const firstReference =
    referenceIndex === -1
      ? ''
      : splitTrimmed(plainText(cells[referenceIndex]!), REFERENCE_SEPARATORS)[0];
  if (!title.explicitId && firstReference) {
    title.explicitId = {
      id: deriveId(null, firstReference),
      position: startOf(cells[referenceIndex]!),
    };
  }
  const area = areaOf(context, columns, cells, tableArea) ?? previousArea;
  const activity = context.builder.activity(title, area, startOf(titleCell));
  if (!activity) return area;

  const references: Reference[] = [];
  let description: string | undefined;
  const fields: Array<{ name: string; markdown: string }> = [];
  const absent: string[] = [];
  const assignments: AssignmentDraft[] = [];
  const messagesBefore = context.file.messages.length;
  columns.forEach((column, index) => {
    const cell = cells[index]!;
    const text = plainText(cell);
    if (column.kind === 'reference') {
      const urls = linkUrls(cell);
      for (const id of splitTrimmed(text, REFERENCE_SEPARATORS)) {
        const url = urls.get(id);
        if (id) references.push({ framework: column.framework, id, ...(url && { url }) });
      }
    } else if (column.kind === 'description') {
      if (text) description = cellMarkdown(context, cell);
    } else if (column.kind === 'field') {
      // A dash is a table's way of saying there is nothing: no field.
      if (!NOTHING.has(text.trim())) {
        fields.push({ name: column.name, markdown: cellMarkdown(context, cell) });
      }
    } else if (reportUndefinedFootnote(context, cell, text)) {
      // The cell's level would read `Owns[^nope]`.
    } else if (column.kind === 'party') {
      const assignment = readPartyCell(context, cell, column.party);
      if (assignment) assignments.push(assignment);
    } else if (column.kind === 'holders') {
      assignments.push(...readHoldersCell(context, cell));
    } else if (column.kind === 'context') {
      if (NOT_APPLICABLE.has(foldTitle(text))) absent.push(column.context);
      else {
        assignments.push(...readHoldersCell(context, cell, column.context));
      }
    }
  });
  // A row whose cells were reported already needs no second word.
  if (assignments.length === 0 && context.file.messages.length === messagesBefore) {
    report(
      context.file,
      'item-empty',
      `Unexpected row \`${title.text}\` where no party holds anything, expected a mark or a level in at least one of its cells: a row of empty or N/A cells is no activity`,
      startOf(titleCell),
    );
    return area;
  }
  if (scope) {
    for (const assignment of assignments) assignment.contexts ??= [scope];
  }
  const declared = context.contexts.items.map((item) => item.id);
  const contexts = absent.length > 0 ? declared.filter((id) => !absent.includes(id)) : undefined;
  for (const assignment of mergeContexts(assignments, contexts ?? declared)) {
    context.builder.assign(activity, assignment);
  }
  context.builder.describe(activity, {
    ...(description !== undefined && { description }),
    ...(fields.length > 0 && { fields }),
    references,
    ...(contexts && { contexts }),
  });
  return area;
}

/**
 * A party holding the same level, on the same condition and footnotes, in several context columns holds it
 * once in those contexts; in every context the activity has, it needs none named.
 */
function mergeContexts(
  assignments: AssignmentDraft[],
  activityContexts: readonly string[],
): AssignmentDraft[] {
  const merged = new Map<string, AssignmentDraft>();
  for (const assignment of assignments) {
    const remarks = (assignment.footnotes ?? []).map((footnote) => footnote.label).join(' ');
    const key = `${assignment.party}\u001f${assignment.level}\u001f${assignment.condition ?? ''}\u001f${remarks}\u001f${assignment.contexts ? '' : 'all'}`;
    const earlier = merged.get(key);
    if (earlier?.contexts && assignment.contexts) {
      earlier.contexts = [...new Set([...earlier.contexts, ...assignment.contexts])];
    } else if (!earlier) {
      merged.set(key, {
        ...assignment,
        ...(assignment.contexts && { contexts: [...assignment.contexts] }),
      });
    }
  }
  return [...merged.values()].map((assignment) => {
    const everywhere =
      assignment.contexts &&
      activityContexts.length > 0 &&
      activityContexts.every((id) => assignment.contexts!.includes(id));
    if (!everywhere) return assignment;
    const { contexts: _everywhere, ...rest } = assignment;
    return rest;
  });
}

/** `[AC-2](https://…)` in a cell: each link's URL by its text. */
function linkUrls(cell: TableCell): Map<string, string> {
  const urls = new Map<string, string>();
  for (const node of cell.children) {
    if (node.type === 'link') urls.set(plainText(node).trim(), node.url);
  }
  return urls;
}

/** The row's area; undefined when its Area cell is empty (the area above goes on). */
function areaOf(
  context: MatrixContext,
  columns: Column[],
  cells: TableCell[],
  tableArea: AreaDraft | null,
): AreaDraft | null | undefined {
  const index = columns.findIndex((column) => column.kind === 'area');
  if (index === -1) return tableArea;
  const cell = cells[index]!;
  if (plainText(cell) === '') return undefined;
  let area = tableArea;
  for (const part of splitTrimmed(plainText(cell), /›|>|\//)) {
    if (!part) continue;
    const title: ItemTitle = { text: part.slice(0, LIMITS.titleLength), formerIds: [] };
    area = context.builder.area(title, area, startOf(cell)) ?? area;
  }
  return area;
}
