import type { VFile } from 'vfile';
import { report } from '../model/diagnostics.ts';

/**
 * What an SRM Markdown file may hold. Each limit is far beyond a real model and is checked in
 * one linear pass over the text before any parsing, so that a file past it is refused at its
 * line within a fraction of a second instead of holding a build for minutes or exhausting its
 * memory. docs/format.md lists them.
 */
export const LIMITS = {
  /** Bytes in one file. */
  fileBytes: 10 * 1024 * 1024,
  /** Characters on one line. */
  lineLength: 20_000,
  /** Lists and block quotes inside one another (Markdown), or sequences and mappings (frontmatter). */
  nesting: 32,
  /** List items in one file (activities, areas and the lists in notes). */
  listItems: 30_000,
  /** Opening brackets (`[`: links, images, footnotes, task boxes) in one file. */
  brackets: 50_000,
  /** Rows in one table. */
  tableRows: 5_000,
  /** Columns in one table. */
  tableColumns: 100,
  /** Cells in a model's matrix: activities by columns (contexts, or parties). */
  matrixCells: 200_000,
  /** Marks in a model's matrix: a party's level, once per context it holds it in. */
  matrixMarks: 100_000,
  /** Characters of conditions and cell footnotes in a model, a footnote counted once per cell citing it. */
  conditionCharacters: 1_000_000,
  /** Characters in a title, a party's name, an activity's or an area's title. */
  titleLength: 500,
  /** Characters in the model's description (it is in every page's metadata). */
  descriptionLength: 2_000,
  /** Characters in the model's version. */
  versionLength: 100,
  /**
   * The limits above decide, on the text alone. Beyond them, a safety net for a parse that runs
   * away (a bug, not a file): one still running after this long is stopped — far above the few
   * seconds a 10 MB model takes on a busy machine, so never the reason a real model is refused…
   */
  parseSeconds: 300,
  /** …and so is one that needs more memory than this. */
  parseMemoryMb: 1024,
} as const;

const FENCE = /^(`{3,}|~{3,})/;
const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/**
 * Check the limits a parse relies on; every breach is an error at its line. Returns false when
 * the text must not be parsed.
 */
export function checkLimits(file: VFile, text: string): boolean {
  // The first breach of each limit is enough to point the author at the problem.
  const breached = new Set<string>();
  const refuse = (kind: string, line: number, reason: string) => {
    if (breached.has(kind)) return;
    breached.add(kind);
    report(file, 'input-limit', reason, { line, column: 1 });
  };
  let line = 0;
  let fence: string | undefined;
  let frontmatter = text.startsWith('---');
  let table: { line: number; rows: number; quotes: number } | undefined;
  let previousBlank = true;
  let listItems = 0;
  let brackets = 0;
  const yaml = { flow: 0 };
  for (let start = 0; start <= text.length;) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const length = end - start - (text.charCodeAt(end - 1) === 13 ? 1 : 0);
    if (length > LIMITS.lineLength) {
      refuse(
        'line',
        line,
        `Unexpected line of ${length.toLocaleString('en')} characters, expected at most ${LIMITS.lineLength.toLocaleString('en')}: break it into lines or paragraphs`,
      );
      start = end + 1;
      previousBlank = false;
      continue;
    }
    const content = text.slice(start, start + length);
    start = end + 1;

    if (frontmatter) {
      if (line > 1 && /^(---|\.\.\.)\s*$/.test(content)) frontmatter = false;
      else if (yamlDepth(content, yaml) > LIMITS.nesting) {
        refuse(
          'yaml',
          line,
          `Unexpected YAML nested more than ${LIMITS.nesting} levels deep in the frontmatter, expected at most ${LIMITS.nesting}`,
        );
      }
      continue;
    }

    const { depth, markers, quotes, rest } = containerPrefix(content);
    // Inside fenced code, lines are text: neither nesting nor list items nor tables.
    const fenceMark = FENCE.exec(rest)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) {
        fence = undefined;
      }
      continue;
    }
    if (depth > LIMITS.nesting) {
      refuse(
        'nesting',
        line,
        `Unexpected lists or block quotes nested more than ${LIMITS.nesting} levels deep, expected at most ${LIMITS.nesting}`,
      );
    }
    listItems += markers;
    if (listItems > LIMITS.listItems) {
      refuse(
        'items',
        line,
        `Unexpected list item number ${listItems.toLocaleString('en')}, expected at most ${LIMITS.listItems.toLocaleString('en')} in one file: split the model into several files`,
      );
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    // Each `[` is a link the parser tries: past the limit, links alone take seconds and 1 GB.
    for (let at = rest.indexOf('['); at !== -1; at = rest.indexOf('[', at + 1)) brackets++;
    if (brackets > LIMITS.brackets) {
      refuse(
        'brackets',
        line,
        `Unexpected more than ${LIMITS.brackets.toLocaleString('en')} opening brackets \`[\` (links, images, footnotes, task boxes) by this line, expected at most ${LIMITS.brackets.toLocaleString('en')} in one file: split the model into several files`,
      );
    }

    const blank = rest.trim() === '';
    if (table) {
      if (blank || quotes !== table.quotes || endsTable(rest, markers)) table = undefined;
      else if (++table.rows === LIMITS.tableRows + 1) {
        refuse(
          'rows',
          table.line,
          `Unexpected table of more than ${LIMITS.tableRows.toLocaleString('en')} rows, expected at most ${LIMITS.tableRows.toLocaleString('en')}: split it`,
        );
      }
    } else if (!previousBlank && rest.includes('-') && DELIMITER_ROW.test(rest)) {
      const columns = rest
        .replace(/^\s*\|/, '')
        .replace(/\|\s*$/, '')
        .split('|').length;
      if (columns > LIMITS.tableColumns) {
        refuse(
          'columns',
          line - 1,
          `Unexpected table of ${columns} columns, expected at most ${LIMITS.tableColumns}`,
        );
      }
      table = { line: line - 1, rows: 0, quotes };
    }
    previousBlank = blank;
  }
  return breached.size === 0;
}

/**
 * Whether a line after a table's rows (without its indentation and quote markers) starts
 * another block, which ends the table: GFM reads every other line as one more row, with or
 * without a pipe. A list item, a quote, a heading, a fence, HTML or a thematic break; indented
 * code is not told from a row here, and counts as one (a limit may overcount, never undercount).
 */
function endsTable(line: string, markers: number): boolean {
  if (markers > 0) return true;
  const start = line.trimStart();
  if (/^(?:>|#{1,6}(?:[ \t]|$)|```|~~~|<|\d{1,9}[.)](?:[ \t]|$))/.test(start)) return true;
  const compact = start.replace(/[ \t]/g, '');
  return compact.length >= 3 && /^(?:-+|\*+|_+)$/.test(compact);
}

/**
 * How deep the lists and block quotes that open a line may nest: its markers, plus its
 * indentation (each level of a nested list is indented at least two columns), counted without
 * parsing. It may overcount (code indented inside a note), never undercount.
 */
function containerPrefix(line: string): {
  depth: number;
  markers: number;
  quotes: number;
  rest: string;
} {
  let quotes = 0;
  let markers = 0;
  let indent = 0;
  let index = 0;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (code === 32 || code === 9) {
      // Only the indentation before the first marker says how deep a nested list is.
      if (quotes + markers === 0) indent += code === 9 ? 4 - (indent % 4) : 1;
      index++;
    } else if (code === 62 /* > */) {
      quotes++;
      index++;
    } else if ((code === 45 || code === 43 || code === 42) && isSpaceOrEnd(line, index + 1)) {
      markers++;
      index++;
    } else if (isDigit(code)) {
      let digits = index;
      while (digits < line.length && digits - index < 9 && isDigit(line.charCodeAt(digits)))
        digits++;
      const mark = line.charCodeAt(digits);
      if (!((mark === 46 || mark === 41) && isSpaceOrEnd(line, digits + 1))) break;
      markers++;
      index = digits + 1;
    } else break;
  }
  return {
    depth: quotes + markers + Math.floor(indent / 2),
    markers,
    quotes,
    rest: line.slice(index),
  };
}

/**
 * How deep one frontmatter line nests: indentation, `- ` markers and the brackets still open
 * (carried from line to line in `state`).
 */
function yamlDepth(line: string, state: { flow: number }): number {
  let index = 0;
  let indent = 0;
  while (line.charCodeAt(index) === 32) {
    indent++;
    index++;
  }
  let depth = Math.floor(indent / 2);
  let flow = state.flow;
  let deepest = flow;
  let quote = 0;
  for (; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 35 /* # */ && (index === 0 || line.charCodeAt(index - 1) === 32)) break;
    else if (code === 91 || code === 123) deepest = Math.max(deepest, ++flow);
    else if (code === 93 || code === 125) flow--;
    else if (code === 45 && isSpaceOrEnd(line, index + 1) && flow === 0) depth++;
  }
  state.flow = Math.max(0, flow);
  return depth + deepest;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpaceOrEnd = (line: string, index: number) =>
  index >= line.length || line.charCodeAt(index) === 32 || line.charCodeAt(index) === 9;
