import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { SHEETS } from '../export/xlsx.ts';
import { parseModel } from '../readers/index.ts';
import { isLongForm, longFormMapping, readLongForm, readModelSheet } from './long-form.ts';
import { draftOfModel } from './draft-model.ts';
import { ImportProblems, type ImportProblem, type Sheet } from './table.ts';
import { readWideGrid, type WideGridResult } from './wide-grid.ts';
import { blocksMarkdown } from './write-blocks.ts';

export type ImportForm = 'grid' | 'blocks';

export interface ImportInput {
  /** The Markdown file to be written: the model's id is its name. */
  outName: string;
  /** The table's file name, for titles. */
  fileName: string;
  sheets: readonly Sheet[];
  sheet?: string;
  form?: ImportForm;
  title?: string;
  parties?: readonly string[];
  contexts?: readonly string[];
}

export interface ImportResult {
  /** The SRM Markdown, when the table reads back as a model without errors. */
  markdown?: string;
  sheet?: string;
  form?: ImportForm;
  /** How the columns were read (a wide grid's), to be printed. */
  mapping: string[];
  problems: ImportProblem[];
}

/**
 * A table as SRM Markdown: a wide grid (a row per activity, a column per party or context)
 * in the grid form or as activity blocks, or the long form (a row per party holding an
 * activity, as `assignments.csv` and a workbook's notes sheet have it) as activity blocks —
 * the only form that carries every note and condition. The Markdown is read back before it
 * is returned: a table that does not give a model without errors gives problems, not a file.
 */
export function importTable(input: ImportInput): ImportResult {
  const problems = new ImportProblems();
  const sheet = chooseSheet(input, problems);
  if (!sheet) return { mapping: [], problems: problems.list };
  const declared = readModelSheet(input.sheets.find((entry) => entry.name === SHEETS.model));
  const title = input.title ?? declared.title ?? titleOfFile(input.fileName);
  const header = sheet.rows[0] ?? [];

  if (isLongForm(header)) {
    if (input.form === 'grid') {
      problems.add(
        sheet,
        1,
        -1,
        'is the long form (a row per party and activity), which only activity blocks can carry whole: leave out --form grid',
      );
      return { mapping: [], problems: problems.list };
    }
    const mapping = longFormMapping(header);
    const draft = readLongForm(sheet, title, problems, declared, referenceUrls(input.sheets));
    if (!draft) return { mapping, problems: problems.list };
    const markdown = blocksMarkdown(draft);
    const back = readBack(input.outName, markdown);
    back.errors.forEach((message) =>
      problems.add(
        sheet,
        1,
        -1,
        `gives Markdown that does not read back: line ${message.line}: ${message.reason}`,
      ),
    );
    return problems.count > 0
      ? { mapping, problems: problems.list }
      : { markdown, sheet: sheet.name, form: 'blocks', mapping, problems: [] };
  }

  const grid = readWideGrid(
    sheet,
    {
      title,
      ...(input.parties && { parties: input.parties }),
      ...(input.contexts && { contexts: input.contexts }),
    },
    problems,
  );
  if (!grid) return { mapping: [], problems: problems.list };
  const back = readBack(input.outName, grid.markdown);
  for (const message of back.errors) placeMessage(sheet, grid, message, problems);
  if (problems.count > 0 || !back.model) return { mapping: grid.mapping, problems: problems.list };
  if (input.form !== 'blocks') {
    return {
      markdown: grid.markdown,
      sheet: sheet.name,
      form: 'grid',
      mapping: grid.mapping,
      problems: [],
    };
  }
  const markdown = blocksMarkdown(draftOfModel(back.model));
  const again = readBack(input.outName, markdown);
  again.errors.forEach((message) =>
    problems.add(
      sheet,
      1,
      -1,
      `gives activity blocks that do not read back: line ${message.line}: ${message.reason}`,
    ),
  );
  return problems.count > 0
    ? { mapping: grid.mapping, problems: problems.list }
    : { markdown, sheet: sheet.name, form: 'blocks', mapping: grid.mapping, problems: [] };
}

function chooseSheet(input: ImportInput, problems: ImportProblems): Sheet | undefined {
  const names = input.sheets.map((sheet) => sheet.name);
  if (input.sheet !== undefined) {
    const found = input.sheets.find((sheet) => sheet.name === input.sheet);
    if (!found) {
      problems.list.push({
        sheet: input.sheet,
        row: 1,
        column: -1,
        message: `is not in ${input.fileName}, whose sheets are: ${names.join(', ')}`,
      });
    }
    return found;
  }
  const withRows = input.sheets.filter((sheet) =>
    sheet.rows.some((row) => row.some((cell) => cell.trim() !== '')),
  );
  const found = withRows.find((sheet) => isLongForm(sheet.rows[0] ?? [])) ?? withRows[0];
  if (!found)
    problems.list.push({
      sheet: names[0] ?? input.fileName,
      row: 1,
      column: -1,
      message: 'is empty: there is no table to import',
    });
  return found;
}

function readBack(outName: string, markdown: string) {
  const file = new VFile({ path: outName, value: markdown });
  const { model } = parseModel(file);
  return { model, errors: file.messages.filter((message) => message.fatal === true) };
}

/** A message at a line and column of the written grid, told at the sheet's row and column. */
function placeMessage(
  sheet: Sheet,
  grid: WideGridResult,
  message: VFileMessage,
  problems: ImportProblems,
): void {
  const line = message.line ? grid.lines.get(message.line) : undefined;
  if (!line) {
    problems.add(sheet, 1, -1, `gives a model with an error: ${message.reason}`);
    return;
  }
  const column = message.column ?? 1;
  const cell = [...line.cells].reverse().find((entry) => entry.start <= column) ?? line.cells[0];
  problems.add(sheet, line.row, cell?.column ?? -1, `reads as an error: ${message.reason}`);
}

/** A workbook's references sheet: each reference's URL, by activity, framework and id. */
function referenceUrls(sheets: readonly Sheet[]): Map<string, string> {
  const urls = new Map<string, string>();
  const sheet = sheets.find((entry) => entry.name === SHEETS.references);
  for (const [activity = '', , framework = '', id = '', url = ''] of sheet?.rows.slice(1) ?? []) {
    if (url) urls.set(`${activity}\u0000${framework}\u0000${id}`, url);
  }
  return urls;
}

/** `cloud-srm_2026.xlsx` → `Cloud srm 2026`. */
function titleOfFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const words = base.replace(/[-_.]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Imported model';
}
