import type { PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import { report } from './diagnostics.ts';
import type { AreaDraft, AssignmentDraft, ItemTitle } from './drafts.ts';
import { deriveId, foldTitle, slugify } from './ids.ts';
import { readItemTitle } from './item-title.ts';
import { LIMITS } from './limits.ts';
import { plainText } from '../markdown/markdown.ts';
import { resolveContexts, resolveLevel, type MatrixContext } from './matrix-context.ts';
import { declaresLevels } from './vocabulary.ts';
import { startOf } from './nodes.ts';
import { splitTrimmed, trailingGroup, trailingRunStart } from './text-parts.ts';
import type { Footnote, Level, Position, Reference } from './schema.ts';
import { conditionalCell, markedCellText, unmark } from './cell-text.ts';

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
 * - a context (`IaaS`, a layer, a variant): each cell names parties (`Provider and
 *   Customer`), a party with its level (`Customer (shares)`), a level with its parties
 *   (`Shared (Provider, Customer)`), or a level alone, which every party holds; `N/A` when
 *   the activity does not exist there.
 * A footnote in a cell (`Provider[^1]`) is the author's remark on the name it follows; `if …`
 * ending a cell (`Customer if it brings its own CNI`) is the condition of what the cell assigns.
 */

type Column =
  | { kind: 'area' }
  | { kind: 'title' }
  | { kind: 'description' }
  | { kind: 'reference'; framework: string }
  | { kind: 'party'; party: string }
  | { kind: 'context'; context: string }
  /** Who holds the activity, in every context: `Owner`, `Responsible party`. */
  | { kind: 'holders' }
  /** A column of the author's own, of words about each row: `Evidence`, `Notes for auditors`. */
  | { kind: 'field'; name: string };

const AREA_HEADERS = new Set(['area', 'group', 'category', 'domain', 'section']);
const HOLDER_HEADERS = new Set([
  'owner',
  'owners',
  'responsible',
  'responsible party',
  'responsible parties',
  'who',
  'who is responsible',
  'party',
  'parties',
]);
const TITLE_HEADERS = new Set([
  'activity',
  'control',
  'task',
  'component',
  'resource',
  'responsibility',
  'requirement',
  'item',
  'process',
]);
const DESCRIPTION_HEADERS = new Set(['description', 'notes', 'note', 'details', 'comments']);
const ROW_NUMBER = /^(?:#|no\.?|nr\.?|number)$/i;
const REFERENCE = /(?:^|\s)(?:id|ids|ref|refs|reference|references)$/i;
/** What tables use for "this party": ticks, crosses in the X-marks-the-spot sense, dots. */
const MARKS = new Set(['✓', '✔', '✅', '☑', '√', 'x', 'yes', 'y', 'true', '●', '•', '■', '*']);
/** …and for "not this party": a crossed-out mark, a dash, a no. */
const NOTHING = new Set(['', '-', '–', '—', 'no', 'n', 'none', 'false', '❌', '✗', '✘']);
/** Emoji variation selectors (`✔️` is `✔` + U+FE0F) say how to draw a mark, not which. */
const foldMark = (text: string) => foldTitle(text.replace(/[\uFE0E\uFE0F]/g, ''));
const IN_A_CELL = ' in a cell';
const NOT_APPLICABLE = new Set(['n/a', 'na', 'not applicable']);
const SEPARATORS = /,|;|&|\+|\/|\band\b/i;
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
  const columns = readHeader(context, header.children, rows);
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

/** A column a grid has of its own, whatever the model declares: area, title, references… */
function gridColumn(text: string): Column | undefined {
  const folded = foldTitle(text);
  if (AREA_HEADERS.has(folded)) return { kind: 'area' };
  if (HOLDER_HEADERS.has(folded) || /\bowner(?:ship)?$/.test(folded)) return { kind: 'holders' };
  if (TITLE_HEADERS.has(folded)) return { kind: 'title' };
  if (DESCRIPTION_HEADERS.has(folded)) return { kind: 'description' };
  const reference = REFERENCE.exec(text.trim());
  if (reference)
    return { kind: 'reference', framework: text.trim().slice(0, reference.index).trim() };
  // A row number (`#`, `No.`) is the row's reference, as the document cites it: `1.2`.
  if (ROW_NUMBER.test(text.trim())) return { kind: 'reference', framework: '' };
  return undefined;
}

/** Whether a column header is one of a grid's own (or empty), not a party's. */
export function isGridHeader(text: string): boolean {
  return foldTitle(text) === '' || gridColumn(text) !== undefined;
}

function readHeader(
  context: MatrixContext,
  cells: TableCell[],
  rows: readonly TableRow[],
): Column[] | undefined {
  const columns: Array<Column | undefined> = cells.map((cell) => {
    const text = plainText(cell);
    // `Customer responsibility`, `IaaS (Infrastructure as a Service)`: the header says more.
    const party = context.parties.findInHeader(text);
    if (party) return { kind: 'party', party: party.id };
    const found = context.contexts.findInHeader(text);
    if (found) return { kind: 'context', context: found.id };
    return gridColumn(text);
  });
  // Without a title column, the first column nothing else claims holds the titles.
  if (!columns.some((column) => column?.kind === 'title')) {
    const free = columns.findIndex((column) => column === undefined);
    if (free === -1) {
      report(
        context.file,
        'table-no-title',
        'Unexpected table without a column of activity titles, expected one headed `Activity` (or Control, Task, Component…)',
        startOf(cells[0]!),
      );
      return undefined;
    }
    columns[free] = { kind: 'title' };
  }
  columns.forEach((column, index) => {
    columns[index] = column ?? fieldColumn(context, plainText(cells[index]!), rows, index);
  });
  const unknown = cells.filter((_, index) => !columns[index]).map((cell) => plainText(cell));
  // Columns a model has not declared are most often its contexts: IaaS, PaaS, SaaS.
  const declare =
    context.contexts.items.length === 0 &&
    unknown.every((text) => !context.parties.hint(text).startsWith('did you mean'))
      ? `; if they are contexts (service models, layers…), declare them: \`contexts: [${unknown.join(', ')}]\``
      : '';
  columns.forEach((column, index) => {
    if (column) return;
    const text = plainText(cells[index]!);
    report(
      context.file,
      'party-unknown',
      `Unexpected column \`${text}\`, ${columnHint(context, text)}${declare}`,
      startOf(cells[index]!),
    );
  });
  const ok = unknown.length === 0;
  return ok ? (columns as Column[]) : undefined;
}

/**
 * An unknown column is the author's own field when its header is no near miss of a party's or
 * a context's name and its cells say more than who holds the row: some cell is words, not a
 * mark, a level or party names. A column of marks under an undeclared name stays an error.
 */
function fieldColumn(
  context: MatrixContext,
  header: string,
  rows: readonly TableRow[],
  index: number,
): Column | undefined {
  if (foldTitle(header) === '') return undefined;
  for (const hint of [context.parties.hint(header), context.contexts.hint(header)]) {
    if (hint.startsWith('did you mean')) return undefined;
  }
  const words = rows.some((row) => {
    const cell = row.children[index];
    return cell !== undefined && !readsAsHolders(context, plainText(cell));
  });
  return words ? { kind: 'field', name: header.trim() } : undefined;
}

/** A cell's text that names who holds a row: a mark, a level, N/A, or party names. */
function readsAsHolders(context: MatrixContext, text: string): boolean {
  const folded = foldMark(text);
  if (folded.length <= 3 || MARKS.has(folded) || NOTHING.has(folded)) return true;
  if (NOT_APPLICABLE.has(folded) || context.levels.find(text)) return true;
  const parts = splitTrimmed(text.replace(/\(([^()]*)\)/g, ', $1'), SEPARATORS);
  return parts.every(
    (part) => part === '' || context.parties.find(part) || context.levels.find(part),
  );
}

function columnHint(context: MatrixContext, text: string): string {
  const expected =
    'expected a party or a context the frontmatter declares, or Area, Activity, Owner, Id, Description';
  for (const hint of [context.parties.hint(text), context.contexts.hint(text)]) {
    if (hint.startsWith('did you mean')) return `${expected}: ${hint}`;
  }
  return expected;
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

/** The row's area: its Area column (`Data › Backups` nests), under the table's own area. */
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

function readPartyCell(
  context: MatrixContext,
  cell: TableCell,
  party: string,
): AssignmentDraft | undefined {
  const marked = markedCellText(cell, context.footnotes);
  const { text, footnotes } = unmark(marked.text, marked.footnotes);
  const folded = foldMark(text);
  if (NOTHING.has(folded) || NOT_APPLICABLE.has(folded)) return undefined;
  const position = startOf(cell);
  const remarks = footnotes.length > 0 ? { footnotes } : {};
  const held = (level: Level, note?: string): AssignmentDraft => ({
    party,
    level: level.id,
    ...(note && { note }),
    ...remarks,
    position,
  });
  // `Shares: reviews the reports`: a level, then what the party does.
  const labelled = /^([^:()]{1,40}):\s+\S/.exec(text);
  const labelLevel = labelled && levelOrMark(context, labelled[1]!);
  if (labelLevel) return held(labelLevel, noteOf(context, cell, true));
  // `Owns if it runs the cluster`: a level, on a condition.
  const conditional = conditionalCell(text);
  const conditionalLevel =
    conditional && levelOrMark(context, trailingGroup(conditional.head)?.head ?? conditional.head);
  const levelPart = conditionalLevel ? conditional.head : text;
  const condition = conditionalLevel ? { condition: conditional.condition } : {};
  // `Shares (PaaS, SaaS)`: a level in some contexts.
  const match = trailingGroup(levelPart);
  const levelText = match ? match.head : levelPart;
  const known = levelOrMark(context, levelText);
  // A sentence in a party's column, as customer responsibility matrices write them: what that
  // party does there. A word or two that is no level is a typo, and an error.
  if (!known && !match && text.split(/\s+/).length >= PROSE_WORDS) {
    return held(context.defaultLevel, noteOf(context, cell, false));
  }
  const level = known ?? resolveLevel(context, { id: levelText, position }, IN_A_CELL);
  if (!level) return undefined;
  let contexts: string[] | undefined;
  if (match) {
    const named = splitTrimmed(match.inner, SEPARATORS).filter(Boolean);
    const ids = resolveContexts(
      context,
      named.map((id) => ({ id, position })),
      IN_A_CELL,
    );
    if (!ids) return undefined;
    contexts = ids;
  }
  return {
    party,
    level: level.id,
    ...(contexts && { contexts }),
    ...condition,
    ...remarks,
    position,
  };
}

const PROSE_WORDS = 4;
/** Where a footnote mark as a PDF prints it (`¹`, `*`, `†`) ends a name, or -1. */
function footnoteMarkStart(name: string): number {
  const last = name.at(-1);
  if (last === undefined) return -1;
  const start =
    last === '†' || last === '‡'
      ? name.length - 1
      : last === '*'
        ? trailingRunStart(name, (character) => character === '*')
        : trailingRunStart(name, (character) => SUPERSCRIPT_DIGITS.includes(character));
  return start === name.length ? -1 : start;
}
const SUPERSCRIPT_DIGITS = '¹²³⁴⁵⁶⁷⁸⁹⁰';
const EVERY_PARTY = new Set(['both', 'all', 'all parties', 'everyone']);

const levelOrMark = (context: MatrixContext, text: string): Level | undefined =>
  MARKS.has(foldMark(text)) ? context.defaultLevel : context.levels.find(text);

/** A cell's Markdown as a party's note: without its footnote marks (the condition), or its label. */
function noteOf(context: MatrixContext, cell: TableCell, afterLabel: boolean): string {
  const markdown = cellMarkdown(context, cell)
    .replace(/\[\^[^\]\s]+\]/g, '')
    .trim();
  return afterLabel ? markdown.slice(markdown.indexOf(':') + 1).trim() : markdown;
}

/**
 * Who holds the activity in one context's column, or in every context (an `Owner` column). A
 * footnote belongs to the name (or level and its parties) it follows; an `if …` ending the cell
 * is the condition of all the cell assigns.
 */
function readHoldersCell(
  context: MatrixContext,
  cell: TableCell,
  contextId?: string,
): AssignmentDraft[] {
  const marked = markedCellText(cell, context.footnotes);
  const whole = unmark(marked.text, marked.footnotes).text;
  if (NOTHING.has(foldMark(whole))) return [];
  const position = startOf(cell);
  const named = context.parties.find(whole) ?? context.levels.find(whole);
  const conditional = named ? undefined : conditionalCell(marked.text);
  const body = conditional ? conditional.head : marked.text;
  const ifPart = conditional && unmark(conditional.condition, marked.footnotes);
  const assignments: AssignmentDraft[] = [];
  const add = (party: string, level: Level, footnotes: readonly Footnote[]) => {
    const all = [...footnotes, ...(ifPart?.footnotes ?? [])];
    assignments.push({
      party,
      level: level.id,
      ...(contextId !== undefined && { contexts: [contextId] }),
      ...(ifPart && { condition: ifPart.text }),
      ...(all.length > 0 && { footnotes: all }),
      position,
    });
  };
  const text = unmark(body, marked.footnotes);
  // `Both`, `All`: every party, at the level a party named alone holds.
  if (EVERY_PARTY.has(foldTitle(text.text)) && !named) {
    for (const id of context.parties.ids()) add(id, context.defaultLevel, text.footnotes);
    return assignments;
  }
  // `Shared CSP and CSC`: a level, then the parties holding it (CSA CCM's ownership column).
  const levelFirst = named ? null : /^(\S+)\s+(.+)$/.exec(body);
  const leading = levelFirst && unmark(levelFirst[1]!, marked.footnotes);
  const leadingLevel = leading && context.levels.find(leading.text);
  if (leadingLevel) {
    const names = splitOutsideParentheses(levelFirst![2]!).map((name) =>
      unmark(name, marked.footnotes),
    );
    if (names.every((name) => partyOf(context, name.text))) {
      for (const name of names) {
        add(partyOf(context, name.text)!.id, leadingLevel, [
          ...leading.footnotes,
          ...name.footnotes,
        ]);
      }
      return assignments;
    }
  }
  // A party or level whose name holds a separator (`Research and Development`) is one token.
  const tokens = (named ? [body] : splitOutsideParentheses(body)).map((token) =>
    unmark(token, marked.footnotes),
  );
  if (ifPart && tokens.length > 1) {
    report(
      context.file,
      'cell-condition-ambiguous',
      `Unexpected \`if …\` after ${tokens.length} names in a cell, which could be the condition of the last or of all: for all, name them in a level's brackets (\`${context.defaultLevel.name} (${tokens.map((token) => token.text).join(', ')}) if …\`); for one, give that party an activity block's line (\`- **Customer** if …\`), or a footnote`,
      position,
    );
    return [];
  }
  // `Shared (Provider, Customer)` or `Customer (shares)`.
  for (const { text: token, footnotes } of tokens) {
    const match = trailingGroup(token);
    const head = match ? match.head : token;
    const inner = match ? splitTrimmed(match.inner, SEPARATORS).filter(Boolean) : [];
    const party = partyOf(context, head);
    if (party) {
      const level =
        inner.length > 0
          ? resolveLevel(context, { id: inner.join(' '), position }, IN_A_CELL)
          : context.defaultLevel;
      if (level) add(party.id, level, footnotes);
      continue;
    }
    const level = context.levels.find(head);
    if (level) {
      const parties = inner.length > 0 ? inner : context.parties.ids();
      for (const name of parties) {
        const found = context.parties.find(name);
        if (found) add(found.id, level, footnotes);
        else reportUnknownParty(context, name, position);
      }
      continue;
    }
    reportUnknownParty(context, head, position, true, tokens.length === 1);
  }
  return assignments;
}

/** A party named in a cell: `Customer`, or as ownership columns write it: `CSP-owned`, `owned by CSP`, `3rd-party outsourced`. */
function partyOf(context: MatrixContext, text: string) {
  return (
    context.parties.find(text) ??
    context.parties.find(
      text.replace(/[-\s](?:owned|outsourced|managed|operated)$/i, '').replace(/^owned by\s+/i, ''),
    )
  );
}

function reportUnknownParty(
  context: MatrixContext,
  name: string,
  position: Position,
  orLevel = false,
  alone = false,
): void {
  // `Customer¹`, `Provider*`: a footnote mark as a PDF prints it, which a cell writes `[^1]`.
  const markAt = footnoteMarkStart(name);
  const bare = markAt !== -1 && context.parties.find(name.slice(0, markAt).trim());
  if (bare) {
    report(
      context.file,
      'party-unknown',
      `Unexpected \`${name}\` in a cell, expected a party the frontmatter declares: for \`${bare.name}\` on a condition, write the mark as a footnote, \`${name.slice(0, markAt).trim()}[^1]\`, with \`[^1]: …\` below the table`,
      position,
    );
    return;
  }
  const hint = context.parties.hint(name);
  // `Shared` alone in a cloud provider's table: a level every party holds, once the model names it.
  const declare =
    alone && !hint.startsWith('did you mean') && !declaresLevels({ levels: context.levels.items })
      ? `; or, for a level every party holds, declare it in the frontmatter after the one a party named alone holds: \`levels: [{ id: responsible, name: Responsible, responsible: true }, { id: ${slugify(name) || 'shared'}, name: ${name}, responsible: true }]\``
      : '';
  report(
    context.file,
    'party-unknown',
    `Unexpected \`${name}\` in a cell, expected a party${orLevel ? ' or a level' : ''} the frontmatter declares: ${hint}${declare}`,
    position,
  );
}

/** Split a cell's text on `,` `;` `&` `+` `/` and `and`, but not inside parentheses. */
function splitOutsideParentheses(text: string): string[] {
  const groups: string[] = [];
  const masked = text.replace(/\([^()]*\)/g, (group) => `\u0000${groups.push(group) - 1}\u0000`);
  return splitTrimmed(masked, SEPARATORS)
    .map((token) =>
      token.replace(/\u0000(\d+)\u0000/g, (_, index: string) => groups[Number(index)]!),
    )
    .map((token) => token.trim())
    .filter(Boolean);
}

/**
 * `Owns[^nope]` with no `[^nope]: …` below: Markdown leaves the reference as text, which is
 * no level; say which footnote is missing. Whether one was reported.
 */
function reportUndefinedFootnote(context: MatrixContext, cell: TableCell, text: string): boolean {
  const reference = /\[\^[^\]\s]+\]/.exec(text);
  if (!reference) return false;
  report(
    context.file,
    'footnote-undefined',
    `Unexpected footnote \`${reference[0]}\` without a definition, expected \`${reference[0]}: …\` below the table, the condition it stands for`,
    startOf(cell),
  );
  return true;
}

function cellMarkdown(context: MatrixContext, cell: TableCell): string {
  const start = cell.position?.start.offset;
  const end = cell.position?.end.offset;
  const raw =
    start === undefined || end === undefined ? plainText(cell) : context.source.slice(start, end);
  return raw.replace(/^\|/, '').replace(/\|$/, '').trim();
}
