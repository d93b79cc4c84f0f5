import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importTable, type ImportForm } from '../import/import-table.ts';
import { decodeCsv, readCsvSheet, readWorkbookSheets, type Sheet } from '../import/sheets.ts';
import { formatProblem } from '../import/table.ts';
import { UsageError, type Io } from './io.ts';
import { printable } from './printable.ts';

export const importUsage = `Usage: onus import FILE.csv|FILE.xlsx --out content/<id>.md [--sheet NAME] [--form grid|blocks] [--title TEXT] [--parties A,B] [--contexts X,Y]

Turns a spreadsheet's responsibility matrix into SRM Markdown. It reads:

  a wide grid    a row per activity, with optional Area, Activity id, References, Description
                 and URL columns, and a column per party (cells: levels or marks such as x)
                 or per context (cells: who holds it there, as "Provider and Customer");
                 Onus's own matrix.csv and a workbook's Matrix sheet are such grids
  the long form  a row per party holding an activity, with Party and Level columns (and
                 Contexts, Condition, Note…), as Onus's assignments.csv and a workbook's
                 "Notes and conditions" sheet have it; a workbook's Model sheet gives the
                 parties, levels and contexts as declared

How the columns were read is printed. The Markdown is read back before it is written: a cell
that gives an error is reported with its sheet, row and column, and nothing is written.

  --out FILE      the Markdown file to write; the model's id is its name. An existing file
                  is never written over
  --sheet NAME    the sheet of a workbook to read (default: the long form if a sheet has it,
                  else the first sheet)
  --form FORM     grid (default for a wide grid): a table as the sheet has it;
                  blocks (the long form's): a #### block per activity, with every note
  --title TEXT    the model's title (default: a workbook's Model sheet, else the file's name)
  --parties A,B   the headers of the columns that are parties (cells: levels)
  --contexts X,Y  the headers of the columns that are contexts (cells: who holds it there)`;

/** A table larger than this is refused before it is read: a workbook unzips to many times its size. */
const MAX_BYTES = 50 * 1024 * 1024;

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      sheet: { type: 'string' },
      form: { type: 'string' },
      title: { type: 'string' },
      parties: { type: 'string' },
      contexts: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give one CSV or XLSX file to import');
  if (!values.out)
    throw new UsageError(
      '--out is required: the Markdown file to write, such as content/my-service.md',
    );
  if (values.form !== undefined && values.form !== 'grid' && values.form !== 'blocks') {
    throw new UsageError(`--form must be grid or blocks, got \`${values.form}\``);
  }
  const input = path.resolve(io.cwd, positionals[0]!);
  const shownInput = positionals[0]!;
  const out = path.resolve(io.cwd, values.out);
  const shownOut = path.relative(io.cwd, out) || out;
  if (!out.endsWith('.md'))
    throw new UsageError(`--out must name a Markdown file (.md), got \`${values.out}\``);
  if (await exists(out)) {
    io.stderr(
      `onus import: ${printable(shownOut)} exists; Onus does not write over a file. Nothing was written.\n`,
    );
    return 1;
  }
  const sheets = await readSheets(input, shownInput, io);
  if (!sheets) return 1;
  const list = (text: string | undefined) =>
    text === undefined
      ? undefined
      : text
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean);
  const parties = list(values.parties);
  const contexts = list(values.contexts);
  const result = importTable({
    outName: out,
    fileName: shownInput,
    sheets,
    ...(values.sheet !== undefined && { sheet: values.sheet }),
    ...(values.form !== undefined && { form: values.form as ImportForm }),
    ...(values.title !== undefined && { title: values.title }),
    ...(parties && { parties }),
    ...(contexts && { contexts }),
  });
  if (result.mapping.length > 0) {
    io.stderr(
      `Columns of ${printable(shownInput)}${result.sheet ? `, sheet ${printable(result.sheet)}` : ''}:\n${result.mapping.map((line) => `  ${printable(line)}\n`).join('')}`,
    );
  }
  if (!result.markdown) {
    io.stderr(
      `${result.problems.map((problem) => `onus import: ${printable(formatProblem(shownInput, problem))}\n`).join('')}Nothing was written.\n`,
    );
    return 1;
  }
  try {
    await writeNew(out, result.markdown);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      code === 'EEXIST'
        ? `onus import: ${printable(shownOut)} appeared while importing; Onus does not write over a file. Nothing was written.\n`
        : `onus import: cannot write ${printable(shownOut)}: ${printable((error as Error).message)}. Nothing was written.\n`,
    );
    return 1;
  }
  io.stderr(
    `Wrote ${printable(shownOut)} from ${printable(shownInput)}${result.sheet ? `, sheet ${printable(result.sheet)}` : ''}, as ${result.form === 'grid' ? 'a grid table' : 'activity blocks'}. Check it with: npx onus check ${printable(shownOut)}\n`,
  );
  return 0;
}

async function readSheets(file: string, shown: string, io: Io): Promise<Sheet[] | undefined> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    io.stderr(
      `onus import: ${printable(shown)} cannot be read: no such file. Nothing was written.\n`,
    );
    return undefined;
  }
  if (size > MAX_BYTES) {
    io.stderr(
      `onus import: ${printable(shown)} is ${(size / 1024 / 1024).toFixed(0)} MB, more than the 50 MB a table may have. Nothing was written.\n`,
    );
    return undefined;
  }
  const bytes = await readFile(file);
  const extension = path.extname(file).toLowerCase();
  try {
    if (extension === '.xlsx') return await readWorkbookSheets(bytes);
    if (extension === '.csv' || extension === '.txt') {
      const { text, encoding } = decodeCsv(bytes);
      if (encoding !== 'UTF-8') {
        io.stderr(
          `onus import: ${printable(shown)} is not UTF-8: read as ${encoding}, as Excel on Windows saves CSV.\n`,
        );
      }
      return [readCsvSheet(text, path.basename(file, extension))];
    }
  } catch (error) {
    const reason = (error as Error).message;
    io.stderr(
      `onus import: ${printable(shown)} cannot be read: ${printable(reason)}. Nothing was written.\n`,
    );
    return undefined;
  }
  io.stderr(`onus import: ${printable(shown)} is neither .csv nor .xlsx. Nothing was written.\n`);
  return undefined;
}

const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  );

/** Write a new file whole, or not at all: never over one that exists, never half. */
async function writeNew(target: string, text: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.onus-import-${process.pid}`,
  );
  await writeFile(temporary, text);
  try {
    await link(temporary, target);
  } finally {
    await unlink(temporary);
  }
}
