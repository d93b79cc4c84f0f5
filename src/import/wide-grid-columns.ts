import { MARKS, NOT_APPLICABLE, NOTHING } from '../readers/grid-cells.ts';
import {
  AREA_HEADERS,
  DESCRIPTION_HEADERS,
  HOLDER_HEADERS,
  TITLE_HEADERS,
} from '../readers/grid-columns.ts';
import { cellText } from './markdown-text.ts';
import type { Sheet } from './table.ts';

/**
 * How `onus import` reads a wide grid's columns and cells: what each column holds, by its
 * header or by what its cells say, and the words of a cell (levels, party names, marks).
 */
/** What a column of a wide grid holds, as `onus import` reads it. */
export type ColumnRole =
  | 'area'
  | 'title'
  | 'id'
  | 'url'
  | 'references'
  | 'reference'
  | 'description'
  | 'footnotes'
  | 'holders'
  | 'party'
  | 'context'
  | 'party-context'
  | 'field'
  | 'model';

// The grid reader's own headers, and a few more a spreadsheet has.
const AREA = new Set([...AREA_HEADERS, 'area path']);
const TITLE = new Set([...TITLE_HEADERS, 'title']);
const DESCRIPTION = DESCRIPTION_HEADERS;
const HOLDERS = new Set([...HOLDER_HEADERS, 'ownership']);
const REFERENCE = /(?:^|\s)(?:id|ids|ref|refs|reference)$|^(?:#|no\.?|nr\.?|number)$/i;
/** Words of a RACI chart or an SRM for taking part without carrying the activity. */
export const NOT_RESPONSIBLE = new Set([
  'c',
  'i',
  'consulted',
  'informed',
  'consult',
  'inform',
  'supports',
  'support',
  'supporting',
  'assists',
  'advises',
]);
/** Words that say how much of an activity a party holds: the cells of a party's column. */
const LEVELISH = new Set([
  ...NOT_RESPONSIBLE,
  'r',
  'a',
  'responsible',
  'accountable',
  'owns',
  'owner',
  'performs',
  'primary',
  'secondary',
  'shares',
  'full',
  'partial',
]);
/** Names a context's cells give: who holds the activity there. */
const PARTYISH =
  /\b(?:customer|client|tenant|consumer|provider|csp|csc|vendor|partner|supplier|microsoft|amazon|aws|google|oracle|ibm|vmware|you|us)\b/i;
/** Headers that are service models or deployment contexts, not parties. */
const SERVICE_MODEL =
  /^(?:on[- ]?prem(?:ises)?|[a-z]?aas|hybrid|private cloud|public cloud|edge)$/i;
/** A level alone in a context's cell: every party holds it there. */
const LEVEL_WORDS = new Set(['shared', 'joint', 'jointly', 'co-managed']);
const SEPARATORS = /\s*(?:,|;|&|\+|\/|\band\b)\s*/i;
const FOOTNOTE_MARK = /\[\^[^\]\s]+\]/g;

export interface WideGridOptions {
  title: string;
  /** Headers the user named as parties' (`--parties`) or contexts' (`--contexts`) columns. */
  parties?: readonly string[];
  contexts?: readonly string[];
}

export const fold = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
export const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
export const isMark = (text: string) => MARKS.has(fold(text).replace(/[\uFE0E\uFE0F]/g, ''));
export const isNothing = (text: string) =>
  NOTHING.has(fold(text)) || NOT_APPLICABLE.has(fold(text));

/** A party's cell without its remarks and condition: `Owns if X [^1]` → `Owns`. */
export function levelPart(cell: string): string {
  let text = cell.replace(FOOTNOTE_MARK, '').trim();
  const colon = text.indexOf(':');
  if (colon !== -1) text = text.slice(0, colon);
  return text
    .replace(/,?\s+if\s.*$/is, '')
    .replace(/,$/, '')
    .trim();
}

/** `Owns if X [^1]` (as `matrix.csv` writes it) → `Owns[^1] if X` (as a grid's cell reads it). */
export function gridCell(cell: string): string {
  const marks = cell.match(FOOTNOTE_MARK) ?? [];
  const bare = cell.replace(FOOTNOTE_MARK, '').replace(/\s+/g, ' ').trim();
  const ifAt = /,?\s+if\s/i.exec(bare);
  if (!ifAt || bare.includes(':')) return cellText(cell);
  return cellText(`${bare.slice(0, ifAt.index)}${marks.join('')}${bare.slice(ifAt.index)}`);
}

/** The party names a context's cell gives: `Provider and Customer`, `Shared (A, B)`, `A (owns)`. */
export function namesInContextCell(cell: string): { names: string[]; levels: string[] } {
  const text = cell
    .replace(FOOTNOTE_MARK, '')
    .replace(/,?\s+if\s.*$/is, '')
    .trim();
  if (text === '' || isNothing(text)) return { names: [], levels: [] };
  const split = (part: string) =>
    part
      .split(SEPARATORS)
      .map((name) => name.trim())
      .filter(Boolean);
  const grouped = /^(.+?)\s*\((.+)\)$/.exec(text);
  if (grouped) {
    const inner = split(grouped[2]!);
    return inner.length > 1
      ? { names: inner, levels: [grouped[1]!.trim()] }
      : { names: split(grouped[1]!), levels: [grouped[2]!.trim()] };
  }
  const names = split(text);
  if (names.length === 1 && LEVEL_WORDS.has(fold(names[0]!))) return { names: [], levels: names };
  return { names, levels: [] };
}

export function describe(role: ColumnRole, pair?: { party: string; context: string }): string {
  if (pair) return `party ${pair.party} in context ${pair.context}`;
  const words: Record<ColumnRole, string> = {
    area: 'area',
    title: 'activity title',
    id: 'activity id',
    url: 'activity id (from its address)',
    references: 'references (framework and id)',
    reference: 'reference ids',
    description: 'description',
    footnotes: 'footnotes',
    holders: 'who holds it, in every context',
    party: 'party (cells: its level)',
    context: 'context (cells: who holds it there)',
    'party-context': 'party in a context',
    model: 'the model (one)',
    field: "the author's own column",
  };
  return words[role];
}

/** What each column holds: by its header, by the flags, else by what its cells say. */
export function classify(
  sheet: Sheet,
  header: readonly string[],
  options: WideGridOptions,
): ColumnRole[] {
  const named = (list: readonly string[] | undefined, text: string) =>
    list?.some((entry) => fold(entry) === fold(text)) ?? false;
  const cellsOf = (column: number) =>
    sheet.rows
      .slice(1)
      .map((row) => (row[column] ?? '').trim())
      .filter((cell) => cell !== '');
  const paired = header.filter((text) => /^.+?\s*\(.+\)$/.test(text));
  const roles: Array<ColumnRole | undefined> = header.map((text) => {
    const folded = fold(text);
    if (named(options.parties, text)) return 'party';
    if (named(options.contexts, text)) return 'context';
    if (folded === 'model') return 'model';
    if (AREA.has(folded)) return 'area';
    if (folded === 'activity id') return 'id';
    if (['url', 'link', 'permalink', 'address'].includes(folded)) return 'url';
    if (folded === 'footnotes') return 'footnotes';
    if (folded === 'references') return 'references';
    if (DESCRIPTION.has(folded)) return 'description';
    if (HOLDERS.has(folded) || /\bowner(?:ship)?$/.test(folded)) return 'holders';
    if (REFERENCE.test(text)) return 'reference';
    return undefined;
  });
  const title = header.findIndex(
    (text, index) => roles[index] === undefined && TITLE.has(fold(text)),
  );
  if (title !== -1) roles[title] = 'title';
  else {
    const free = roles.findIndex((role) => role === undefined);
    if (free !== -1) roles[free] = 'title';
  }
  // `Customer (IaaS)`, `Customer (PaaS)`: a column per party and context, as matrix.csv has.
  if (paired.length >= 2 && !options.parties && !options.contexts) {
    header.forEach((text, index) => {
      if (roles[index] === undefined && paired.includes(text)) roles[index] = 'party-context';
    });
  }
  const free = header.map((_, index) => index).filter((index) => roles[index] === undefined);
  const fields = free.filter((index) => {
    const cells = cellsOf(index);
    const long = cells.filter(
      (cell) => words(cell) >= 4 && !/:/.test(cell.split(' ').slice(0, 2).join(' ')),
    ).length;
    return cells.length > 0 && long * 2 > cells.length && !cells.some((cell) => isMark(cell));
  });
  // Whether the other columns' cells name parties (they are contexts) or levels (parties).
  let naming = 0;
  let levelling = 0;
  for (const index of free.filter((column) => !fields.includes(column))) {
    for (const cell of cellsOf(index)) {
      const level = levelPart(cell);
      const names = namesInContextCell(cell).names;
      if (isMark(level) || LEVELISH.has(fold(level)) || /^[raci](?:\/[raci])*$/i.test(level)) {
        levelling += 1;
      } else if (
        names.length > 1 ||
        /\(.+\)/.test(cell) ||
        names.some((name) => PARTYISH.test(name))
      ) {
        naming += 1;
      }
    }
  }
  const serviceModels = free.filter((index) => SERVICE_MODEL.test(header[index]!)).length;
  const contextMode =
    options.contexts !== undefined ||
    (options.parties === undefined && (naming > levelling || serviceModels * 2 > free.length));
  return roles.map(
    (role, index) => role ?? (fields.includes(index) ? 'field' : contextMode ? 'context' : 'party'),
  );
}
