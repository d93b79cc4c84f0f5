import { columnLetter, type Sheet } from './sheets.ts';

export type { Sheet };

/** A problem with a table, where a spreadsheet user finds it: the sheet, row and column. */
export interface ImportProblem {
  sheet: string;
  row: number;
  /** 0-based; -1 for the whole row. */
  column: number;
  header?: string;
  message: string;
}

/** The problems met while reading a table: all of them are reported, and nothing is written. */
export class ImportProblems {
  readonly list: ImportProblem[] = [];

  get count(): number {
    return this.list.length;
  }

  /** `message` finishes a sentence whose subject is the cell (or the row): `names no party`. */
  add(sheet: Sheet, row: number, column: number, message: string): undefined {
    const header = column >= 0 ? sheet.rows[0]?.[column]?.trim() : undefined;
    this.list.push({ sheet: sheet.name, row, column, ...(header && { header }), message });
    return undefined;
  }

  /** A row with a cell filled beyond the header's last column is ragged: where is it? */
  ragged(sheet: Sheet, row: number, cells: readonly string[], width: number): void {
    const extra = cells.findIndex((cell, index) => index >= width && cell.trim() !== '');
    if (extra !== -1) {
      this.add(
        sheet,
        row,
        extra,
        `is beyond the header's ${width} columns (the row has ${cells.length}): a ragged row, or a header cell missing`,
      );
    }
  }
}

/** `contoso.csv, sheet contoso, row 7, column D (Customer): names no party`. */
export function formatProblem(file: string, problem: ImportProblem): string {
  const where = [`sheet ${problem.sheet}`, `row ${problem.row}`];
  if (problem.column >= 0) {
    where.push(
      `column ${columnLetter(problem.column)}${problem.header ? ` (${problem.header})` : ''}`,
    );
  }
  const subject = problem.column >= 0 ? 'the cell' : 'the row';
  return `${file}: ${where.join(', ')}: ${subject} ${problem.message}`;
}
