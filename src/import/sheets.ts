import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A table of text cells as a spreadsheet holds it: its name and its rows, from the first. */
export interface Sheet {
  name: string;
  rows: string[][];
}

/** A sheet that cannot be read as a table, with where. */
export class SheetError extends Error {}

/**
 * A CSV file as one sheet named after the file. Fields are RFC 4180's (quotes, doubled
 * quotes, line breaks in quotes, CRLF or LF); a byte-order mark is dropped. A field that a
 * spreadsheet-safe writer prefixed with `'` (Onus's CSVs do, before `=`, `+`, `-`, `@`) is
 * read without it.
 */
export function readCsvSheet(text: string, name: string): Sheet {
  let rows: string[][];
  const body = text.replace(/^\uFEFF/, '');
  try {
    rows = parse(body, {
      delimiter: delimiterOf(body),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const { lines } = error as { lines?: number };
    throw new SheetError(
      `${lines ? `row ${lines}: ` : ''}${(error as Error).message.replace(/^Invalid Record Length: /, '')}`,
    );
  }
  return { name, rows: rows.map((row) => row.map(unprefixed)) };
}

/**
 * The header line's separator: a comma, or — where a spreadsheet in a locale with decimal
 * commas saved it — a semicolon, or a tab; whichever the first line has most of, outside quotes.
 */
function delimiterOf(text: string): string {
  const end = text.search(/\r?\n/);
  const header = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const count = (character: string) => header.split(character).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return count(best!) > 0 ? best! : ',';
}

/**
 * A CSV's text: UTF-8, or else Windows-1252, as Excel on Windows saves "CSV (Comma
 * delimited)"; says which it took.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'Windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'Windows-1252' };
  }
}

const unprefixed = (field: string) => (/^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field);

/** Every sheet of a workbook, each cell as the text Excel shows (a link's text, a formula's result). */
export async function readWorkbookSheets(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new SheetError(`not an Excel workbook (.xlsx): ${(error as Error).message}`);
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: string[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cell.text ?? '';
      });
      rows[number - 1] = Array.from(cells, (cell) => cell ?? '');
    });
    return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []) };
  });
}

/** A column's letters, as a spreadsheet names it: 0 is A, 26 is AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
