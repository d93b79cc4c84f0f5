import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';

// ExcelJS's own single-file build, required as the CommonJS it is: it loads in a third of the
// time of the package's hundreds of modules (40 ms against 130). Loaded when a workbook is
// made, not with this module, which the site's pages import too. Reading workbooks
// (`onus import`) keeps the package.
let excel: typeof ExcelJSModule | undefined;
const loadExcel = () =>
  (excel ??= createRequire(import.meta.url)(
    'exceljs/dist/exceljs.bare.min.js',
  ) as typeof ExcelJSModule);
import type { Activity, Model } from '../model/index.ts';
import { assignmentRows, matrixRows } from './csv.ts';
import { NO_DATE } from './modified.ts';

/** The sheets of a model's workbook, by name: `onus import` reads them back by these names. */
export const SHEETS = {
  matrix: 'Matrix',
  notes: 'Notes and conditions',
  references: 'References',
  model: 'Model',
} as const;

/** The header of the model sheet's table of parties, levels and contexts. */
export const MODEL_SHEET_HEADER = ['Kind', 'Id', 'Name', 'Short', 'Responsible', 'Description'];

/**
 * A model as an Excel workbook: the matrix (as `matrix.csv`, with a row per area above its
 * activities, grouped in outline levels, the header frozen and filtered, and each activity
 * linked to its permanent page), every assignment with its level, contexts, condition,
 * footnotes and note (as `assignments.csv`), the references, and the model's parties,
 * levels and contexts — all `onus import` needs to read the model back.
 */
export async function modelWorkbook(
  model: Model,
  activities: readonly Activity[],
  urlOf: (activityId: string) => string,
  /** When the model was last modified (see `modelModified`): the workbook's own dates. */
  modified: Date | undefined,
): Promise<Uint8Array> {
  const workbook = new (loadExcel().Workbook)();
  workbook.creator = 'Onus';
  workbook.created = workbook.modified = modified ?? NO_DATE;
  workbook.title = model.title;

  const rows = matrixRows(model, activities, urlOf);
  const header = rows[0]!;
  const urlColumn = header.indexOf('URL') + 1;
  const matrix = workbook.addWorksheet(SHEETS.matrix, {
    views: [{ state: 'frozen', ySplit: 1 }],
    properties: { outlineProperties: { summaryBelow: false, summaryRight: false } },
  });
  matrix.addRow(header).font = { bold: true };
  let openPath: readonly string[] = [];
  activities.forEach((activity, index) => {
    // Each area met anew gets its own row, which opens its group at its parent's depth.
    let same = 0;
    while (same < openPath.length && openPath[same] === activity.path[same]) same += 1;
    for (let depth = same; depth < activity.path.length; depth += 1) {
      const areaRow = matrix.addRow([activity.path.slice(0, depth + 1).join(' > ')]);
      areaRow.font = { bold: true };
      areaRow.outlineLevel = depth;
    }
    openPath = activity.path;
    const row = matrix.addRow(rows[index + 1]!);
    row.outlineLevel = activity.path.length;
    const url = urlOf(activity.id);
    row.getCell(2).value = { text: activity.title, hyperlink: url };
    row.getCell(urlColumn).value = { text: url, hyperlink: url };
  });
  matrix.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  widen(matrix, header);

  const notes = workbook.addWorksheet(SHEETS.notes, { views: [{ state: 'frozen', ySplit: 1 }] });
  const noteRows = assignmentRows([{ model, activities }], (_, id) => urlOf(id));
  notes.addRows(noteRows);
  notes.getRow(1).font = { bold: true };
  notes.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: noteRows[0]!.length } };
  widen(notes, noteRows[0]!);

  const references = workbook.addWorksheet(SHEETS.references, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const referenceHeader = ['Activity id', 'Activity', 'Framework', 'Id', 'Reference URL'];
  references.addRow(referenceHeader).font = { bold: true };
  for (const activity of activities) {
    for (const reference of activity.references) {
      const row = references.addRow([
        activity.id,
        activity.title,
        reference.framework,
        reference.id,
        reference.url ?? '',
      ]);
      if (reference.url) row.getCell(5).value = { text: reference.url, hyperlink: reference.url };
    }
  }
  references.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } };
  widen(references, referenceHeader);

  const about = workbook.addWorksheet(SHEETS.model);
  about.addRow(MODEL_SHEET_HEADER).font = { bold: true };
  about.addRows([
    ['Model', model.id, model.title, '', '', model.description ?? ''],
    ...(model.version ? [['Version', '', model.version, '', '', '']] : []),
    ...(model.publisher ? [['Publisher', '', model.publisher, '', '', '']] : []),
    ...(model.sourceUrl ? [['Source', '', model.sourceUrl, '', '', '']] : []),
    ...(model.reviewed ? [['Reviewed', '', model.reviewed, '', '', '']] : []),
    ...model.parties.map((party) => [
      'Party',
      party.id,
      party.name,
      party.short ?? '',
      '',
      party.scope ?? '',
    ]),
    ...model.levels.map((level) => [
      'Level',
      level.id,
      level.name,
      level.short === level.name ? '' : level.short,
      level.responsible ? 'yes' : 'no',
      level.description ?? '',
    ]),
    ...model.contexts.map((context) => [
      'Context',
      context.id,
      context.name,
      '',
      '',
      context.description ?? '',
    ]),
  ]);
  widen(about, MODEL_SHEET_HEADER);
  const zip = await workbook.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  } as ExcelJSModule.XlsxWriteOptions);
  return withFixedTimes(new Uint8Array(zip as ArrayBuffer));
}

/** The zip's DOS time and date of 1980-01-01 00:00, the fixed time of every zip Onus writes. */
const DOS_DATE = (1 << 5) | 1;

/**
 * The workbook's zip with every entry's time set to the fixed time of every zip Onus writes,
 * in place (JSZip stamps the time of writing, which ExcelJS does not let one set): the same
 * model, the same bytes. The times are fields of the local headers and the central directory;
 * no checksum covers them.
 */
function withFixedTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 4 <= zip.length;) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) {
      view.setUint16(at + 10, 0, true);
      view.setUint16(at + 12, DOS_DATE, true);
      const named = view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
      at += 30 + named + view.getUint32(at + 18, true);
    } else if (signature === 0x02014b50) {
      view.setUint16(at + 12, 0, true);
      view.setUint16(at + 14, DOS_DATE, true);
      at +=
        46 +
        view.getUint16(at + 28, true) +
        view.getUint16(at + 30, true) +
        view.getUint16(at + 32, true);
    } else {
      break;
    }
  }
  return zip;
}

/** Columns wide enough for their header, narrow for marks, at most 60 characters. */
function widen(sheet: ExcelJSModule.Worksheet, header: readonly string[]) {
  header.forEach((title, index) => {
    const column = sheet.getColumn(index + 1);
    let width = title.length;
    column.eachCell({ includeEmpty: false }, (cell) => {
      const text =
        typeof cell.value === 'object' && cell.value
          ? String((cell.value as { text?: string }).text ?? '')
          : String(cell.value ?? '');
      width = Math.max(width, Math.min(60, text.length));
    });
    column.width = Math.max(8, width + 2);
  });
}
