import { readFileSync } from 'node:fs';
import { readCsv } from '../helpers/csv.ts';
import { describe, expect, it } from 'vitest';
import { assignmentsCsv, matrixCsv } from '../../src/export/csv.ts';
import { publishedModel } from '../../src/export/model-json.ts';
import { DEFAULT_LEVEL, type Activity, type Party } from '../../src/model/index.ts';
import { indexModel } from '../../src/site/site-model.ts';
import { parse } from '../helpers/parse.ts';

const site = indexModel(
  parse(readFileSync('test/fixtures/model/four-parties-crlf/input.md', 'utf8')).model!,
);
const urlOf = (id: string) => `https://srm.example.com/activities/${id}/`;

describe('matrixCsv', () => {
  it('should have a header, then a row per activity with a column per party and its URL', () => {
    const rows = readCsv(matrixCsv(site.model, site.activitiesInOrder, urlOf));
    expect(rows[0]).toEqual([
      'Area',
      'Activity',
      'Customer',
      'Platform Provider',
      'Cloud Infrastructure',
      'Independent Auditor',
      'URL',
    ]);
    expect(rows).toHaveLength(site.model.activities.length + 1);
    expect(rows[4]).toEqual([
      'Identity > Cluster access',
      'RBAC roles',
      'x',
      'x',
      '',
      'x',
      'https://srm.example.com/activities/identity-cluster-access-rbac-roles/',
    ]);
  });

  it('should end every line with CRLF and quote fields that need it', () => {
    const party: Party = { id: 'a', name: 'A, "the first"', position: { line: 1, column: 1 } };
    const activity: Activity = {
      id: 'x',
      title: 'Line\nbreak',
      area: null,
      path: [],
      references: [],
      parties: ['a'],
      assignments: [{ party: 'a', level: 'responsible', position: { line: 1, column: 1 } }],
      position: { line: 1, column: 1 },
    };
    const csv = matrixCsv(
      { parties: [party], levels: [DEFAULT_LEVEL], contexts: [] },
      [activity],
      () => 'u',
    );
    expect(csv).toBe('Area,Activity,"A, ""the first""",URL\r\n,"Line\nbreak",x,u\r\n');
  });

  it('should hold the level of each party in each context, and the references', () => {
    const text = readFileSync('test/fixtures/model/v2-grid-parties/input.md', 'utf8');
    const grid = indexModel(parse(text).model!);
    const rows = readCsv(matrixCsv(grid.model, grid.activitiesInOrder, (id) => id));
    expect(rows[0]).toEqual([
      'Area',
      'Activity',
      'References',
      'Customer (IaaS)',
      'Customer (PaaS)',
      'Provider (IaaS)',
      'Provider (PaaS)',
      'Auditor (IaaS)',
      'Auditor (PaaS)',
      'URL',
      'Footnotes',
    ]);
    // A footnoted cell names its footnote, whose text the last column gives.
    const identity = rows.find((row) => row[1] === 'Identity policy')!;
    expect(identity.slice(3, 5)).toEqual(['Owns [^1]', 'Owns [^1]']);
    expect(identity.at(-1)).toBe("[^1]: Unless the provider's directory is used.");
    expect(rows[2]).toEqual([
      'Audit & Assurance',
      'Independent assessments',
      'CCM A&A-02; CCM A&A-03',
      'Owns',
      'Owns',
      '',
      'Shares',
      '',
      '',
      'independent-assessments',
      '',
    ]);
  });

  it("should give the author's own columns after the references, in plain words", () => {
    const text = readFileSync('test/fixtures/model/v2-grid-extra-columns/input.md', 'utf8');
    const grid = indexModel(parse(text).model!);
    const rows = readCsv(matrixCsv(grid.model, grid.activitiesInOrder, (id) => id));
    expect(rows[0]!.slice(0, 5)).toEqual([
      'Area',
      'Activity',
      'Aligned cloud capability',
      'Evidence',
      'Notes for auditors',
    ]);
    expect(rows[2]!.slice(1, 5)).toEqual([
      'Backups',
      'Backup vault',
      'Restore tests, twice a year',
      '',
    ]);
    // A dash in the author's column is a table's "nothing here": no field, an empty cell.
    expect(rows[3]!.slice(1, 3)).toEqual(['Physical access', '']);
  });

  it('should defuse fields a spreadsheet would run as formulas', () => {
    const activity: Activity = {
      id: 'x',
      title: '=HYPERLINK("http://evil.example","click")',
      area: null,
      path: ['+1', '@SUM(A1)'],
      references: [],
      parties: [],
      assignments: [],
      position: { line: 1, column: 1 },
    };
    const [, row] = readCsv(
      matrixCsv({ parties: [], levels: [DEFAULT_LEVEL], contexts: [] }, [activity], () => 'u'),
    );
    expect(row).toEqual(["'+1 > @SUM(A1)", `'=HYPERLINK("http://evil.example","click")`, 'u']);
  });
});

describe('assignmentsCsv', () => {
  it('should give every assignment of model.json a row: party, level, contexts, condition, note', () => {
    const text = readFileSync('examples/cloud-service-models.md', 'utf8');
    const grid = indexModel(parse(text).model!);
    const rows = readCsv(
      assignmentsCsv([{ model: grid.model, activities: grid.activitiesInOrder }], (_, id) => id),
    );
    expect(rows[0]).toEqual([
      'Activity id',
      'Activity',
      'Area',
      'References',
      'Party',
      'Level',
      'Responsible',
      'Contexts',
      'Condition',
      'Footnotes',
      'Note',
      'URL',
    ]);
    const assignments = grid.model.activities.flatMap((activity) =>
      activity.assignments.map((assignment) => [activity.id, assignment.party, assignment.level]),
    );
    expect(rows.length - 1).toBe(assignments.length);
    const identities = rows.filter((row) => row[1] === 'Accounts and identities');
    expect(identities).toContainEqual([
      'information-and-data-accounts-and-identities',
      'Accounts and identities',
      'Information and data',
      '',
      'Example Cloud',
      'Shared',
      'yes',
      'SaaS',
      '',
      'When the customer federates its own identity provider; otherwise Example Cloud runs the directory.',
      '',
      'information-and-data-accounts-and-identities',
    ]);
    // Held in every context: each named, as an empty cell would read as "none".
    const data = rows.find((row) => row[1] === 'Devices (mobile and PCs)')!;
    expect(data[7]).toBe('On-premises; IaaS; PaaS; SaaS');
  });

  it("should give a cell's condition and footnotes columns of their own", () => {
    const text = readFileSync('test/fixtures/model/v2-grid-cell-footnotes/input.md', 'utf8');
    const grid = indexModel(parse(text).model!);
    const rows = readCsv(
      assignmentsCsv([{ model: grid.model, activities: grid.activitiesInOrder }], (_, id) => id),
    );
    const ingress = rows.filter((row) => row[0] === 'ingress').map((row) => row.slice(4, 10));
    expect(ingress).toEqual([
      ['Red Hat', 'Responsible', 'yes', 'Cluster', '', ''],
      [
        'Customer',
        'Responsible',
        'yes',
        'Cluster',
        '',
        'The customer also runs any ingress controller it brings.',
      ],
      ['Customer', 'Responsible', 'yes', 'Network', 'it brings its own ingress', ''],
    ]);
  });
});

describe('publishedModel', () => {
  it("should add each activity's url and change nothing else", () => {
    const published = publishedModel(site.model, urlOf);
    expect(published.activities.map((activity) => activity.url)).toEqual(
      site.model.activities.map((a) => urlOf(a.id)),
    );
    expect({
      ...published,
      activities: published.activities.map(({ url, ...rest }) => rest),
    }).toEqual(site.model);
  });
});
