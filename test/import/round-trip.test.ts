import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_FILES } from '../helpers/models.ts';
import { VFile } from 'vfile';
import { assignmentsCsv, matrixCsv } from '../../src/export/csv.ts';
import { modelWorkbook } from '../../src/export/xlsx.ts';
import { importTable, type ImportForm } from '../../src/import/import-table.ts';
import { semanticView } from '../helpers/semantic-view.ts';
import { readCsvSheet, readWorkbookSheets, type Sheet } from '../../src/import/sheets.ts';
import type { Model } from '../../src/model/index.ts';
import { parseModel } from '../../src/readers/index.ts';
import { indexModel } from '../../src/site/site-model.ts';

const MODELS = MODEL_FILES;

function modelOf(file: string, text: string | Uint8Array = readFileSync(file)): Model {
  const vfile = new VFile({ path: file, value: text });
  const { model } = parseModel(vfile);
  const errors = vfile.messages.filter((message) => message.fatal);
  expect(errors.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual(
    [],
  );
  return model!;
}

const urlOf = (id: string) => `https://srm.example.com/activities/${id}/`;

function imported(file: string, sheets: Sheet[], form?: ImportForm): Model {
  const result = importTable({
    outName: file,
    fileName: 'table',
    sheets,
    ...(form && { form }),
  });
  expect(result.problems).toEqual([]);
  return modelOf(file, result.markdown!);
}

/**
 * What a wide matrix cannot carry: the parties' notes, the title and the order the levels
 * are declared in (whether each is responsible is read from its name: `Supports` is not).
 */
function withoutNotes(view: ReturnType<typeof semanticView>) {
  return {
    ...view,
    title: undefined,
    levels: [...view.levels].sort((a, b) => (a.name < b.name ? -1 : 1)),
    activities: view.activities.map((activity) => ({
      ...activity,
      held: activity.held.map((line) =>
        line
          .split(' | ')
          .filter((_, index) => index !== 4)
          .join(' | '),
      ),
    })),
  };
}

describe.each(MODELS)('%s', (file) => {
  const model = modelOf(file);
  const site = indexModel(model);
  const view = semanticView(model);

  it('reads back from its assignments CSV with the same activities, areas, parties, levels, contexts, references and notes', () => {
    const csv = assignmentsCsv([{ model, activities: site.activitiesInOrder }], (_, id) =>
      urlOf(id),
    );
    const back = imported(file, [readCsvSheet(csv, 'assignments')]);
    // A CSV of rows does not say in which order the model declares parties it never lists
    // together, nor its levels: those compare as sets.
    const unordered = (seen: ReturnType<typeof semanticView>) => ({
      ...seen,
      title: undefined,
      parties: [...seen.parties].sort(),
      levels: [...seen.levels].sort((a, b) => (a.name < b.name ? -1 : 1)),
    });
    expect(unordered(semanticView(back))).toEqual(unordered(view));
  });

  it('reads back from its workbook with all that and its title', async () => {
    const bytes = await modelWorkbook(
      model,
      site.activitiesInOrder,
      urlOf,
      new Date('2026-11-01T00:00:00Z'),
    );
    const back = imported(file, await readWorkbookSheets(bytes));
    expect(semanticView(back)).toEqual(view);
    expect(back.parties.map(({ id, name, short }) => ({ id, name, short }))).toEqual(
      model.parties.map(({ id, name, short }) => ({ id, name, short })),
    );
  });

  it.each(['grid', 'blocks'] as const)(
    'reads back from its matrix CSV, as %s, with the same activities, areas, parties, levels, contexts, references, conditions and footnotes',
    (form) => {
      const csv = matrixCsv(model, site.activitiesInOrder, urlOf);
      const back = imported(file, [readCsvSheet(csv, 'matrix')], form);
      expect(withoutNotes(semanticView(back))).toEqual(withoutNotes(view));
    },
  );
});
