import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { onus } from '../helpers/onus.ts';

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(
  JSON.parse(readFileSync('test/fixtures/oscal/oscal_component_schema-1.0.6.json', 'utf8')),
);

describe('onus export --format', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'onus-formats-'));
    cpSync(path.resolve('examples'), path.join(dir, 'content'), { recursive: true });
  });

  it('oscal writes a valid component definition per model of a library, linked to the hosted pages', async () => {
    const { code, stderr } = await onus(
      ['export', '--format', 'oscal', '--site', 'https://srm.example.com', '--base', '/srm/'],
      dir,
    );
    expect(code).toBe(0);
    expect(stderr).toContain('Exported the OSCAL component definition of 4 models into export/:');
    const files = readdirSync(path.join(dir, 'export')).filter((name) => !name.startsWith('.'));
    expect(files).toEqual([
      'cloud-service-models.oscal.json',
      'managed-kubernetes-grid.oscal.json',
      'managed-vmware-task-lists.oscal.json',
      'security-control-catalog.oscal.json',
    ]);
    for (const file of files) {
      const document = JSON.parse(readFileSync(path.join(dir, 'export', file), 'utf8'));
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    }
    const catalog = readFileSync(path.join(dir, 'export', files[3]!), 'utf8');
    expect(catalog).toContain(
      '"href": "https://srm.example.com/srm/security-control-catalog/activities/a-a-01/"',
    );
  });

  it('xlsx writes a workbook per model, and the same bytes twice', async () => {
    expect((await onus(['export', '--format', 'xlsx', '--out', 'one'], dir)).code).toBe(0);
    expect((await onus(['export', '--format', 'xlsx', '--out', 'two'], dir)).code).toBe(0);
    for (const name of readdirSync(path.join(dir, 'one')).filter((file) =>
      file.endsWith('.xlsx'),
    )) {
      expect(
        readFileSync(path.join(dir, 'two', name)).equals(readFileSync(path.join(dir, 'one', name))),
      ).toBe(true);
    }
    expect(
      readdirSync(path.join(dir, 'one')).filter((file) => file.endsWith('.xlsx')),
    ).toHaveLength(4);
  });

  it('refuses a format it does not know, and --history with a data format', async () => {
    const unknown = await onus(['export', '--format', 'pdf'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'onus export: --format must be html, oscal or xlsx, got `pdf`',
    );
    const history = await onus(['export', '--format', 'oscal', '--history', 'git'], dir);
    expect(history.code).toBe(2);
    expect(history.stderr).toContain('--history goes with the html format only');
  });
});
