import type { TableCell, TableRow } from 'mdast';
import { report } from '../model/diagnostics.ts';
import { foldTitle } from '../model/ids.ts';
import { plainText } from '../markdown/markdown.ts';
import { startOf } from '../markdown/nodes.ts';
import { readsAsHolders } from './grid-cells.ts';
import type { MatrixContext } from './matrix-context.ts';

/** What each column of a grid holds, read from its header (`grid-tables.ts` lists them). */
export type Column =
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

export const AREA_HEADERS = new Set(['area', 'group', 'category', 'domain', 'section']);
export const HOLDER_HEADERS = new Set([
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
export const TITLE_HEADERS = new Set([
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
export const DESCRIPTION_HEADERS = new Set(['description', 'notes', 'note', 'details', 'comments']);
const ROW_NUMBER = /^(?:#|no\.?|nr\.?|number)$/i;
const REFERENCE = /(?:^|\s)(?:id|ids|ref|refs|reference|references)$/i;
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

export function readGridHeader(
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

function columnHint(context: MatrixContext, text: string): string {
  const expected =
    'expected a party or a context the frontmatter declares, or Area, Activity, Owner, Id, Description';
  for (const hint of [context.parties.hint(text), context.contexts.hint(text)]) {
    if (hint.startsWith('did you mean')) return `${expected}: ${hint}`;
  }
  return expected;
}
