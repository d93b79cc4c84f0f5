import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onus } from '../helpers/onus.ts';

const kubernetes = path.resolve('test/fixtures/model/four-parties-crlf/input.md');
const seed = path.resolve('content/vmware-site-recovery.md');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-library-'));
  mkdirSync(path.join(dir, 'content', 'containers'), { recursive: true });
  cpSync(kubernetes, path.join(dir, 'content', 'containers', 'managed-kubernetes.md'));
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('a site that grows from one model to a library', { timeout: 180_000 }, () => {
  let dir: string;
  let grown: { code: number; stderr: string };

  beforeAll(async () => {
    dir = workspace();
    expect((await onus(['build', '--content', 'content', '--out', 'one'], dir)).code).toBe(0);
    cpSync(seed, path.join(dir, 'content', 'vmware-site-recovery.md'));
    grown = await onus(['build', '--content', 'content', '--out', 'library'], dir);
  });

  it('should build each model, also from subfolders, under its own id', () => {
    expect(grown.code, grown.stderr).toBe(0);
    expect(grown.stderr).toContain('Built the site of 2 models:');
    expect(
      existsSync(path.join(dir, 'library/managed-kubernetes/activities/api-server/index.html')),
    ).toBe(true);
    expect(existsSync(path.join(dir, 'library/vmware-site-recovery/matrix/index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'library/vmware-site-recovery/model.json'))).toBe(true);
    expect(read(dir, 'library/index.html')).toContain('2 shared responsibility models');
  });

  it('should keep every URL of the one-model site answering, each sent on to its model', () => {
    const before = JSON.parse(read(dir, 'one/permalinks.json')) as {
      permalinks: Array<{ url: string }>;
    };
    for (const { url } of before.permalinks) {
      const page = read(dir, `library${decodeURIComponent(url)}index.html`);
      // Party pages became the party's page across the models; the rest redirect.
      if (url.startsWith('/parties/'))
        expect(page).toMatch(/is responsible for \d+ activit(y|ies) across \d+ models?/);
      else expect(page).toMatch(/http-equiv="refresh" content="0; url=\/managed-kubernetes\//);
    }
  });

  it('should list every model in models.json and every row in one matrix.csv with a model column', () => {
    const models = JSON.parse(read(dir, 'library/models.json')) as {
      models: Array<{ id: string; modelJson: string }>;
    };
    expect(models.models.map((model) => [model.id, model.modelJson])).toEqual([
      ['managed-kubernetes', '/managed-kubernetes/model.json'],
      ['vmware-site-recovery', '/vmware-site-recovery/model.json'],
    ]);
    const csv = read(dir, 'library/matrix.csv').split('\r\n');
    expect(csv[0]).toMatch(/^Model,Area,Activity,References,Context,/);
    expect(csv.filter((line) => line.startsWith('VMware Site Recovery'))).toHaveLength(28);
  });

  it("should list each model's workbook and OSCAL component definition in models.json, each file there", () => {
    const models = JSON.parse(read(dir, 'library/models.json')) as {
      models: Array<{ id: string; matrixXlsx: string; oscal: string }>;
    };
    expect(models.models.map((model) => [model.matrixXlsx, model.oscal])).toEqual([
      ['/managed-kubernetes/matrix.xlsx', '/managed-kubernetes/oscal-component-definition.json'],
      [
        '/vmware-site-recovery/matrix.xlsx',
        '/vmware-site-recovery/oscal-component-definition.json',
      ],
    ]);
    const oscal = JSON.parse(
      read(dir, 'library/vmware-site-recovery/oscal-component-definition.json'),
    );
    expect(oscal['component-definition'].metadata.title).toBe(
      'VMware Site Recovery Shared Responsibility Model',
    );
    const requirement =
      oscal['component-definition'].components[0]['control-implementations'][0][
        'implemented-requirements'
      ][0];
    expect(requirement.links[0].href).toMatch(/^\/vmware-site-recovery\/activities\/[a-z0-9-]+\/$/);
    // An xlsx file is a zip: it starts with PK.
    expect(read(dir, 'library/managed-kubernetes/matrix.xlsx').slice(0, 2)).toBe('PK');
  });

  it('should pass `onus check --against` the one-model site, and name a model that went missing', async () => {
    const same = await onus(['check', 'content', '--against', 'one'], dir);
    expect(same.code, same.stderr).toBe(0);
    const against = await onus(
      ['check', 'content/vmware-site-recovery.md', '--against', 'library'],
      dir,
    );
    expect(against.code).toBe(1);
    expect(against.stderr).toContain('Unexpected missing model `managed-kubernetes`');
    expect(against.stderr).toContain('permalinks-model-missing');
  });
});

describe('a library whose files disagree', { timeout: 120_000 }, () => {
  it('should say where two files give one party id two names, and build nothing', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'content', 'other.md'),
      '---\ntitle: Other\nparties:\n  - id: customer\n    name: Tenant\n---\n\n## Responsibility matrix\n\n### Tenant\n\n- Backups\n',
    );
    const { code, stderr } = await onus(['build', '--content', 'content'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('content/other.md');
    expect(stderr).toContain('4:5');
    expect(stderr).toContain('Unexpected name `Tenant` for party `customer`, expected `Customer`');
    expect(stderr).toContain('party-name-conflict');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});

describe('onus export of a library', { timeout: 180_000 }, () => {
  it('should export the whole library, or one model with --model', async () => {
    const dir = workspace();
    cpSync(seed, path.join(dir, 'content', 'vmware-site-recovery.md'));
    const whole = await onus(['export', '--content', 'content', '--out', 'all'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    for (const file of ['content.html', 'content.zip', 'content/stack/index.html']) {
      expect(existsSync(path.join(dir, 'all', file)), file).toBe(true);
    }
    const html = read(dir, 'all/content.html');
    // Each model's views carry its id, and "my stack" comes with what it combines.
    expect(
      html.includes('data-view="vmware-site-recovery/vmware-site-recovery-recovery-plans"'),
    ).toBe(true);
    expect(html.includes('self.onusStack=')).toBe(true);

    const one = await onus(
      ['export', '--content', 'content', '--model', 'vmware-site-recovery', '--out', 'one'],
      dir,
    );
    expect(one.code, one.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'one', 'vmware-site-recovery.html'))).toBe(true);

    const unknown = await onus(['export', '--content', 'content', '--model', 'nope'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unexpected model `nope`');
  });
});
