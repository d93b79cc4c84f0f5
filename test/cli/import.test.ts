import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { onus } from '../helpers/onus.ts';

const FIXTURES = path.resolve('test/fixtures/import');

describe('onus import', { timeout: 60_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'onus-import-'));
    cpSync(FIXTURES, dir, { recursive: true });
  });

  const modelOf = async (file: string) => {
    const { code, stdout, stderr } = await onus(['model', file], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return JSON.parse(stdout);
  };

  it('reads a grid of contexts whose cells name the parties, prints how it read the columns, and writes a grid that checks clean', async () => {
    const { code, stderr } = await onus(
      ['import', 'service-models.csv', '--out', 'content/azure.md'],
      dir,
    );
    expect(code).toBe(0);
    expect(stderr).toMatchInlineSnapshot(`
      "Columns of service-models.csv, sheet service-models:
        Responsibility → activity title
        On-premises → context (cells: who holds it there)
        IaaS → context (cells: who holds it there)
        PaaS → context (cells: who holds it there)
        SaaS → context (cells: who holds it there)
        Parties named in the cells: Customer, Microsoft
        Levels: Responsible (responsible), Shared (responsible)
      Wrote content/azure.md from service-models.csv, sheet service-models, as a grid table. Check it with: npx onus check content/azure.md
      "
    `);
    expect((await onus(['check', '--strict', 'content'], dir)).code).toBe(0);
    const model = await modelOf('content/azure.md');
    expect(model.id).toBe('azure');
    expect(model.parties.map((party: { name: string }) => party.name)).toEqual([
      'Customer',
      'Microsoft',
    ]);
    const applications = model.activities.find(
      (activity: { title: string }) => activity.title === 'Applications',
    );
    // Shared in PaaS: both parties; Microsoft alone in SaaS.
    expect(
      applications.assignments.map((a: { party: string; level: string; contexts?: string[] }) => [
        a.party,
        a.level,
        a.contexts,
      ]),
    ).toEqual([
      ['customer', 'responsible', ['on-premises', 'iaas']],
      ['customer', 'shared', ['paas']],
      ['microsoft', 'shared', ['paas']],
      ['microsoft', 'responsible', ['saas']],
    ]);
  });

  it('reads a RACI chart of parties, with C and I as levels that are not responsible, and its control ids as references', async () => {
    const { code } = await onus(
      ['import', 'raci.csv', '--out', 'raci.md', '--title', 'Platform RACI'],
      dir,
    );
    expect(code).toBe(0);
    const model = await modelOf('raci.md');
    expect(model.title).toBe('Platform RACI');
    expect(
      model.levels.map(
        (level: { name: string; responsible: boolean }) => `${level.name}:${level.responsible}`,
      ),
    ).toEqual(['R/A:true', 'C:false', 'I:false', 'R:true', 'A:true']);
    const reviews = model.activities.find(
      (activity: { title: string }) => activity.title === 'Access reviews',
    );
    expect(reviews.path).toEqual(['Identity']);
    expect(reviews.references).toEqual([{ framework: 'Control', id: 'AC-2(3)' }]);
    expect(reviews.parties).toEqual(['customer', 'provider']);
  });

  it('writes activity blocks with --form blocks', async () => {
    expect(
      (await onus(['import', 'raci.csv', '--out', 'raci.md', '--form', 'blocks'], dir)).code,
    ).toBe(0);
    const text = readFileSync(path.join(dir, 'raci.md'), 'utf8');
    expect(text).toContain(
      '### Identity\n\n#### User provisioning {#ac-2}\n\nReferences: Control AC-2\n\n- **Customer** R/A\n- **Provider** C\n- **Auditor** I\n',
    );
    expect((await onus(['check', '--strict', 'raci.md'], dir)).code).toBe(0);
  });

  it('names the sheet, row and column of a cell that reads as a typo, and writes nothing', async () => {
    const { code, stderr } = await onus(['import', 'raci-typo.csv', '--out', 'typo.md'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatchInlineSnapshot(`
      "onus import: raci-typo.csv: sheet raci-typo, row 5, column C (Customer): the cell says \`Suports\`, which no other cell does: did you mean \`Supports\`?
      Nothing was written.
      "
    `);
    expect(existsSync(path.join(dir, 'typo.md'))).toBe(false);
  });

  it('names a party misspelt in a context cell', async () => {
    const { code, stderr } = await onus(
      ['import', 'service-models-typo.csv', '--out', 'typo.md'],
      dir,
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      'row 6, column E (SaaS): the cell says `Microsfot`, which no other cell does: did you mean `Microsoft`?',
    );
    expect(existsSync(path.join(dir, 'typo.md'))).toBe(false);
  });

  it('names the row and column of a ragged row, and writes nothing', async () => {
    const { code, stderr } = await onus(['import', 'ragged.csv', '--out', 'ragged.md'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatchInlineSnapshot(`
      "onus import: ragged.csv: sheet ragged, row 3, column E: the cell is beyond the header's 4 columns (the row has 5): a ragged row, or a header cell missing
      Nothing was written.
      "
    `);
    expect(readdirSync(dir).filter((name) => name.endsWith('.md'))).toEqual([]);
  });

  it('reads a CSV that Excel saved in a locale with decimal commas: semicolons, Windows-1252', async () => {
    const { code, stderr } = await onus(
      ['import', 'semicolons-windows-1252.csv', '--out', 'de.md'],
      dir,
    );
    expect(code).toBe(0);
    expect(stderr).toContain(
      'semicolons-windows-1252.csv is not UTF-8: read as Windows-1252, as Excel on Windows saves CSV.',
    );
    const model = await modelOf('de.md');
    expect(model.areas.map((area: { title: string }) => area.title)).toEqual(['Identität', 'Netz']);
    expect(model.parties.map((party: { name: string }) => party.name)).toEqual([
      'Kunde',
      'Anbieter',
    ]);
  });

  it('never writes over an existing file', async () => {
    writeFileSync(path.join(dir, 'mine.md'), 'my own notes\n');
    const { code, stderr } = await onus(['import', 'raci.csv', '--out', 'mine.md'], dir);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'onus import: mine.md exists; Onus does not write over a file. Nothing was written.\n',
    );
    expect(readFileSync(path.join(dir, 'mine.md'), 'utf8')).toBe('my own notes\n');
  });

  it('reads back a workbook of onus export --format xlsx: every note, condition and level as declared', async () => {
    cpSync(
      path.resolve('examples/security-control-catalog.md'),
      path.join(dir, 'content', 'catalog.md'),
      { recursive: true },
    );
    expect((await onus(['export', '--format', 'xlsx', '--out', 'sheets'], dir)).code).toBe(0);
    const { code, stderr } = await onus(
      ['import', 'sheets/catalog.xlsx', '--out', 'back/catalog.md'],
      dir,
    );
    expect(stderr).toContain('sheet Notes and conditions, as activity blocks');
    expect(code).toBe(0);
    const [before, after] = [await modelOf('content/catalog.md'), await modelOf('back/catalog.md')];
    expect(after.levels.map(({ position: _, ...level }: { position: unknown }) => level)).toEqual(
      before.levels.map(({ position: _, ...level }: { position: unknown }) => level),
    );
    expect(after.activities.map((activity: { id: string }) => activity.id).sort()).toEqual(
      before.activities.map((activity: { id: string }) => activity.id).sort(),
    );
  });

  it('names the sheets of a workbook when --sheet names none of them', async () => {
    cpSync(path.resolve('content/vmware-site-recovery.md'), path.join(dir, 'content', 'seed.md'), {
      recursive: true,
    });
    expect((await onus(['export', '--format', 'xlsx', '--out', 'sheets'], dir)).code).toBe(0);
    const { code, stderr } = await onus(
      ['import', 'sheets/seed.xlsx', '--sheet', 'Matrx', '--out', 'x.md'],
      dir,
    );
    expect(code).toBe(1);
    expect(stderr).toContain(
      'onus import: sheets/seed.xlsx: sheet Matrx, row 1: the row is not in sheets/seed.xlsx, whose sheets are: Matrix, Notes and conditions, References, Model',
    );
  });

  it('says a file that is no workbook cannot be read', async () => {
    writeFileSync(path.join(dir, 'fake.xlsx'), 'not a zip');
    const { code, stderr } = await onus(['import', 'fake.xlsx', '--out', 'x.md'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^onus import: fake\.xlsx cannot be read: not an Excel workbook \(\.xlsx\): .*\. Nothing was written\.\n$/,
    );
  });
});
