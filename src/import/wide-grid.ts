import { stringify } from 'yaml';
import { slugify } from '../model/ids.ts';
import { closestLabel } from '../readers/vocabulary.ts';
import { cellText, inlineText } from './markdown-text.ts';
import { idFromUrl, splitReferences } from './long-form.ts';
import type { ImportProblems, Sheet } from './table.ts';
import {
  classify,
  describe,
  fold,
  gridCell,
  isMark,
  isNothing,
  levelPart,
  namesInContextCell,
  NOT_RESPONSIBLE,
  words,
  type ColumnRole,
  type WideGridOptions,
} from './wide-grid-columns.ts';

export type { WideGridOptions };

export interface WideGridResult {
  markdown: string;
  /** `Area → area`, `Customer → party`…, for the user to check. */
  mapping: string[];
  /** For each line of the Markdown, the sheet row it came from and where each cell starts. */
  lines: Map<number, { row: number; cells: Array<{ start: number; column: number }> }>;
}

/**
 * A wide grid — a row per activity, a column per party (cells: levels or marks) or per
 * context (cells: who holds it there) — as SRM Markdown in the grid form, its cells copied as
 * the grid reader reads them, with a frontmatter declaring the parties, levels and contexts
 * the cells name. Undefined (with problems) when the sheet cannot be read so.
 */
export function readWideGrid(
  sheet: Sheet,
  options: WideGridOptions,
  problems: ImportProblems,
): WideGridResult | undefined {
  const cells = (sheet.rows[0] ?? []).map((cell) => cell.trim());
  // A workbook's formatted but empty cells after the last header are no columns.
  let width = cells.length;
  while (width > 0 && cells[width - 1] === '') width -= 1;
  const header = cells.slice(0, width);
  if (width === 0 || header.every((cell) => cell === '')) {
    problems.add(
      sheet,
      1,
      -1,
      'is empty, expected a header row: Area, Activity, then a column per party or context',
    );
    return undefined;
  }
  header.forEach((cell, index) => {
    if (cell === '')
      problems.add(sheet, 1, index, 'is an empty header, expected what the column holds');
  });
  const roles = classify(sheet, header, options);
  const areaColumn = roles.indexOf('area');
  const body: Array<{ row: number; cells: string[] }> = [];
  sheet.rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    problems.ragged(sheet, row, cells, width);
    const padded = header.map((_, column) => (cells[column] ?? '').trim());
    if (padded.every((cell) => cell === '')) return;
    // A workbook's area row (Onus writes one over each area's activities): only its Area.
    if (areaColumn !== -1 && padded.every((cell, column) => column === areaColumn || cell === '')) {
      return;
    }
    body.push({ row, cells: padded });
  });
  const modelColumn = roles.indexOf('model');
  const models = new Set(body.map(({ cells }) => cells[modelColumn]));
  if (modelColumn !== -1 && models.size > 1) {
    problems.add(
      sheet,
      1,
      modelColumn,
      `names ${models.size} models (a library's matrix): import each model's own matrix.csv`,
    );
  }
  if (problems.count > 0) return undefined;
  if (!roles.includes('title')) {
    problems.add(
      sheet,
      1,
      -1,
      'has no column of activity titles, expected one headed Activity (or Control, Task, Component…)',
    );
    return undefined;
  }
  if (!roles.some((role) => ['party', 'context', 'party-context', 'holders'].includes(role))) {
    problems.add(
      sheet,
      1,
      -1,
      'has no column of parties or contexts: name them with --parties or --contexts',
    );
    return undefined;
  }

  // The vocabulary the cells use.
  const parties: string[] = [];
  const contexts: string[] = [];
  const levels: string[] = [];
  let marks = false;
  const addTo = (list: string[], name: string) => {
    if (!list.some((entry) => fold(entry) === fold(name))) list.push(name);
  };
  const pairs = new Map<number, { party: string; context: string }>();
  roles.forEach((role, column) => {
    if (role === 'party') addTo(parties, header[column]!);
    if (role === 'context') addTo(contexts, header[column]!);
    if (role === 'party-context') {
      const [, party, context] = /^(.+?)\s*\((.+)\)$/.exec(header[column]!)!;
      pairs.set(column, { party: party!.trim(), context: context!.trim() });
      addTo(parties, party!.trim());
      addTo(contexts, context!.trim());
    }
  });
  const levelCounts = new Tally();
  const nameCounts = new Tally();
  const countLevel = levelCounts.add;
  const countName = nameCounts.add;
  for (const { row, cells } of body) {
    roles.forEach((role, column) => {
      const cell = cells[column]!;
      if (cell === '') return;
      if (role === 'party' || role === 'party-context') {
        const level = levelPart(cell);
        if (level === '' || isNothing(level)) return;
        if (isMark(level)) marks = true;
        else if (words(level) < 4) countLevel(level, row, column);
      } else if (role === 'context' || role === 'holders') {
        const found = namesInContextCell(cell);
        for (const name of found.names) countName(name, row, column);
        for (const level of found.levels) countLevel(level, row, column);
      }
    });
  }
  // A word met once, a letter or two from a word met often, is a typo, not a level or a party.
  const counted = [...levelCounts.entries.values()];
  const names = [...nameCounts.entries.values()];
  for (const list of [counted, names]) {
    const frequent = list.filter((entry) => entry.count > 1).map((entry) => entry.name);
    for (const entry of list) {
      if (entry.count > 1 || entry.name.length < 4) continue;
      const near = closestLabel(entry.name, frequent);
      if (near) {
        problems.add(
          sheet,
          entry.row,
          entry.column,
          `says \`${entry.name}\`, which no other cell does: did you mean \`${near}\`?`,
        );
      }
    }
  }
  for (const entry of names) addTo(parties, entry.name);
  if (problems.count > 0) return undefined;
  for (const entry of counted) addTo(levels, entry.name);
  const contextMode = roles.includes('context') || roles.includes('holders');
  const needsDefault = levels.length > 0 && (marks || contextMode);
  const levelList = [
    ...(needsDefault ? [{ id: 'responsible', name: 'Responsible', responsible: true }] : []),
    ...levels.map((name) => ({
      id: slugify(name) || 'level',
      name,
      responsible: !NOT_RESPONSIBLE.has(fold(name)),
    })),
  ];

  const frontmatter = {
    title: options.title,
    ...(levelList.length > 0 && { levels: levelList }),
    ...(contexts.length > 0 && { contexts: contexts.map((name) => ({ id: slugify(name), name })) }),
    parties: parties.map((name) => ({ id: partyId(name), name })),
  };
  const lines = new Map<number, { row: number; cells: Array<{ start: number; column: number }> }>();
  const out: string[] = [
    `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---`,
    '',
    '## Responsibility matrix',
    '',
  ];
  const footnotes = new Map<string, string>();
  const frameworks = referenceFrameworks(body, roles);

  const footnoteColumn = roles.indexOf('footnotes');
  if (footnoteColumn !== -1) {
    for (const { row, cells } of body) {
      for (const line of cells[footnoteColumn]!.split(/\r?\n/)) {
        const definition = /^\[\^([^\]\s]+)\]:\s*(.*)$/.exec(line.trim());
        if (!definition) continue;
        const earlier = footnotes.get(definition[1]!);
        if (earlier !== undefined && earlier !== definition[2]) {
          problems.add(
            sheet,
            row,
            footnoteColumn,
            `gives footnote [^${definition[1]}] another text than an earlier row`,
          );
        }
        footnotes.set(definition[1]!, definition[2]!);
      }
    }
  }

  const table = (scope: string | undefined, rows: typeof body, withArea: boolean) => {
    const columns: Array<{ header: string; column: number; value: (cells: string[]) => string }> =
      [];
    roles.forEach((role, column) => {
      const name = header[column]!;
      if (role === 'area' && withArea)
        columns.push({
          header: 'Area',
          column,
          value: (cells) =>
            cellText(
              cells[column]!.split(/\s+>\s+/)
                .map(inlineText)
                .join(' › '),
            ),
        });
      if (role === 'title') {
        const idColumn = roles.indexOf('id');
        const urlColumn = roles.indexOf('url');
        columns.push({
          header: 'Activity',
          column,
          value: (cells) => {
            const id =
              (idColumn !== -1 ? cells[idColumn]! : '') ||
              (urlColumn !== -1 ? idFromUrl(cells[urlColumn]!) : '');
            return cellText(`${inlineText(cells[column]!)}${id ? ` {#${id}}` : ''}`);
          },
        });
      }
      if (role === 'reference')
        columns.push({
          header: cellText(name),
          column,
          value: (cells) => cellText(cells[column]!),
        });
      if (role === 'references') {
        for (const framework of frameworks) {
          columns.push({
            header: framework ? `${cellText(framework)} id` : 'Ref',
            column,
            value: (cells) =>
              cellText(
                splitReferences(cells[column]!)
                  .filter((reference) => reference.framework === framework)
                  .map((reference) => reference.id)
                  .join(', '),
              ),
          });
        }
      }
      if (role === 'description')
        columns.push({
          header: 'Description',
          column,
          value: (cells) => cellText(inlineText(cells[column]!)),
        });
      if (role === 'field')
        columns.push({
          header: cellText(inlineText(name)),
          column,
          value: (cells) => cellText(inlineText(cells[column]!)),
        });
      if (role === 'party' || role === 'context' || role === 'holders') {
        columns.push({
          header: cellText(name),
          column,
          value: (cells) => gridCell(cells[column]!),
        });
      }
      if (role === 'party-context' && pairs.get(column)!.context === scope) {
        columns.push({
          header: cellText(pairs.get(column)!.party),
          column,
          value: (cells) => gridCell(cells[column]!),
        });
      }
    });
    const headerLine = `| ${columns.map((column) => column.header).join(' | ')} |`;
    out.push(headerLine, `| ${columns.map(() => '---').join(' | ')} |`);
    for (const { row, cells } of rows) {
      const values = columns.map((column) => column.value(cells));
      // In a table of one context, a row no party holds there is not in it.
      if (
        scope !== undefined &&
        columns.every(
          (column, index) => roles[column.column] !== 'party-context' || values[index] === '',
        )
      )
        continue;
      let line = '|';
      const starts: Array<{ start: number; column: number }> = [];
      values.forEach((value, index) => {
        starts.push({ start: line.length + 2, column: columns[index]!.column });
        line += ` ${value} |`;
      });
      lines.set(out.length + 1, { row, cells: starts });
      out.push(line);
    }
    out.push('');
  };

  if (pairs.size > 0) {
    // A table per context, under its heading; the rows keep their Area column.
    for (const context of contexts) {
      out.push(`### ${inlineText(context)}`, '');
      table(context, body, true);
    }
  } else {
    // A table per area, under its `### Area › Sub-area` heading (a heading's title is never
    // split at a `/`, as an Area cell's is). Onus's own CSVs give each row its area, an empty
    // one for an activity outside any: those go first, directly in the matrix. Elsewhere an
    // empty Area continues the one above, as merged cells do.
    const ownExport = roles.includes('url') || roles.includes('id');
    let above: string[] = [];
    const groups = new Map<string, { path: string[]; rows: typeof body }>();
    for (const entry of body) {
      const cell = areaColumn === -1 ? '' : entry.cells[areaColumn]!;
      const path =
        cell === '' ? (ownExport ? [] : above) : cell.split(/\s*(?:›|>)\s*/).filter(Boolean);
      above = path;
      const key = path.join('\u0000');
      if (!groups.has(key)) groups.set(key, { path, rows: [] });
      groups.get(key)!.rows.push(entry);
    }
    const outside = groups.get('');
    if (outside) table(undefined, outside.rows, false);
    for (const [key, group] of groups) {
      if (key === '') continue;
      out.push(`### ${group.path.map(inlineText).join(' › ')}`, '');
      table(undefined, group.rows, false);
    }
  }
  for (const [label, text] of footnotes) out.push(`[^${label}]: ${text}`, '');
  if (problems.count > 0) return undefined;

  const mapping = [
    ...roles.map((role, column) => `${header[column]} → ${describe(role, pairs.get(column))}`),
    // What the cells said, for the user to check: a stray word would be a level here.
    ...(contextMode ? [`Parties named in the cells: ${parties.join(', ')}`] : []),
    ...(levelList.length > 0
      ? [
          `Levels: ${levelList
            .map((level) => `${level.name} (${level.responsible ? '' : 'not '}responsible)`)
            .join(', ')}`,
        ]
      : []),
  ];
  return { markdown: `${out.join('\n').trimEnd()}\n`, mapping, lines };
}

/** Each word the cells use, counted as folded, with the first cell that said it. */
class Tally {
  readonly entries = new Map<
    string,
    { name: string; count: number; row: number; column: number }
  >();

  add = (name: string, row: number, column: number): void => {
    const entry = this.entries.get(fold(name));
    if (entry) entry.count += 1;
    else this.entries.set(fold(name), { name, count: 1, row, column });
  };
}

const partyId = (name: string) => {
  const slug = slugify(name);
  return /^[a-z]/.test(slug) ? slug : `party-${slug || 'x'}`;
};

/** The frameworks a `References` column names, in order: one `<framework> id` column each. */
function referenceFrameworks(
  body: ReadonlyArray<{ cells: string[] }>,
  roles: readonly ColumnRole[],
): string[] {
  const column = roles.indexOf('references');
  if (column === -1) return [];
  const found: string[] = [];
  for (const { cells } of body) {
    for (const reference of splitReferences(cells[column]!)) {
      if (!found.includes(reference.framework)) found.push(reference.framework);
    }
  }
  return found;
}
