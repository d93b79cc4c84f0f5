import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffJsonSchema } from '../../src/diff/changes.ts';
import { git } from '../helpers/git.ts';
import { onus } from '../helpers/onus.ts';

const RELEASES = path.resolve('test/fixtures/releases/managed-database');
const releaseFile = (version: string) => path.join(RELEASES, version, 'managed-database.md');

/** A folder holding each release as a content folder, and a git repository of them. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-diff-'));
  for (const version of ['1.0', '2.0', '3.0']) {
    mkdirSync(path.join(dir, version));
    cpSync(releaseFile(version), path.join(dir, version, 'managed-database.md'));
  }
  return dir;
}

describe('onus diff', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace();
  });

  it('should print what changed for each party, and exit 0', async () => {
    const { code, stdout, stderr } = await onus(['diff', '1.0', '2.0'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Managed Database Service: 1\.0 \(reviewed 2025-03-01\) → 2\.0 \(reviewed 2025-09-15\), 29 changes\n\nFor Customer \[customer\]\n/,
    );
    expect(stdout).toContain(
      '  lost               Failover testing [failover-testing]: no longer held, was Responsible\n',
    );
    expect(stdout).toContain(
      '  gained             Failover testing [failover-testing]: now held: Owns in Multi-AZ\n',
    );
  });

  it('should print JSON that its published schema accepts', async () => {
    const published = JSON.parse(readFileSync('public/diff.schema.json', 'utf8'));
    expect(published, 'run `npm run schema` after changing the diff schema').toEqual(
      diffJsonSchema(),
    );
    const { code, stdout } = await onus(['diff', '2.0', '3.0/managed-database.md', '--json'], dir);
    expect(code).toBe(0);
    const diff = JSON.parse(stdout);
    const validate = new Ajv2020({ strict: false }).compile(published);
    expect(validate(diff), JSON.stringify(validate.errors)).toBe(true);
    expect(diff.models).toHaveLength(1);
    expect(diff.models[0].changes).toContainEqual({
      kind: 'id-changed',
      activity: { id: 'pitr', title: 'Point-in-time restore' },
      from: 'data-point-in-time-recovery',
      to: 'pitr',
    });
    delete diff.models[0].changes[0].kind;
    expect(validate(diff)).toBe(false);
  });

  it('should exit 1 when a change of a kind --fail-on names occurs, and say which', async () => {
    const failed = await onus(['diff', '2.0', '3.0', '--fail-on', 'reassigned,removed'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      'onus diff: 5 changes of a kind --fail-on names (contexts: 2, gained: 1, lost: 1, removed: 1)\n',
    );
    const passed = await onus(['diff', '2.0', '2.0', '--fail-on', 'any'], dir);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/2\.0 \(reviewed 2025-09-15\), no changes\n$/);
    const wrong = await onus(['diff', '2.0', '3.0', '--fail-on', 'moved,deleted'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /^onus diff: --fail-on: unknown kind `deleted`, expected some of reassigned, any, added, removed,/,
    );
  });

  it('should read a release from git, a model.json and a built site folder', async () => {
    const repo = path.join(dir, 'repo');
    mkdirSync(repo);
    git(repo, 'init', '-q');
    cpSync(releaseFile('1.0'), path.join(repo, 'model.md'));
    git(repo, 'add', 'model.md');
    git(repo, 'commit', '-qm', 'Release 1.0');
    git(repo, 'tag', 'v1.0');
    cpSync(releaseFile('2.0'), path.join(repo, 'model.md'));
    mkdirSync(path.join(repo, 'site'));
    const model = await onus(['model', releaseFile('3.0')], dir);
    writeFileSync(path.join(repo, 'site', 'model.json'), model.stdout);

    const fromGit = await onus(['diff', 'git:v1.0:model.md', 'model.md'], repo);
    expect(fromGit.stderr).toBe('');
    expect(fromGit.stdout).toMatch(/^Managed Database Service: 1\.0 .* → 2\.0 .*, 29 changes\n/);
    const fromSite = await onus(['diff', 'model.md', 'site'], repo);
    expect(fromSite.stdout).toMatch(/^Managed Database Service: 2\.0 .* → 3\.0 .*, 23 changes\n/);
    const fromJson = await onus(['diff', 'site/model.json', 'site'], repo);
    expect(fromJson.stdout).toMatch(/3\.0 \(reviewed 2026-04-01\), no changes\n$/);

    const unknown = await onus(['diff', 'git:v9:model.md', 'model.md'], repo);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^onus diff: Unexpected `git:v9:model\.md`: fatal: /);
    const folder = await onus(['diff', 'git:v1.0:.', 'model.md'], repo);
    expect(folder.stderr).toBe(
      'onus diff: Unexpected `git:v1.0:.`, which is a folder in v1.0, expected a model file\n',
    );
  });

  it('should compare libraries model by model, and name the models added and gone', async () => {
    const before = path.join(dir, 'library-before');
    const after = path.join(dir, 'library-after');
    mkdirSync(before);
    mkdirSync(after);
    cpSync(releaseFile('1.0'), path.join(before, 'database.md'));
    cpSync(releaseFile('1.0'), path.join(before, 'database-eu.md'));
    cpSync(releaseFile('2.0'), path.join(after, 'database.md'));
    cpSync(releaseFile('3.0'), path.join(after, 'database-next.md'));
    const { code, stdout } = await onus(['diff', 'library-before', 'library-after', '--json'], dir);
    expect(code).toBe(0);
    const { models } = JSON.parse(stdout);
    expect(
      models.map((model: { id: string; changes: unknown[] }) => [model.id, model.changes.length]),
    ).toEqual([
      ['database-next', 1],
      ['database', 29],
      ['database-eu', 1],
    ]);
    expect(models[0].changes[0].kind).toBe('model-added');
    expect(models[2].changes[0].kind).toBe('model-removed');

    // A built library: its models.json, and each model's model.json in its folder.
    const site = path.join(dir, 'library-site');
    for (const id of ['database', 'database-eu']) {
      mkdirSync(path.join(site, id), { recursive: true });
      const printed = await onus(['model', path.join(before, `${id}.md`)], dir);
      writeFileSync(path.join(site, id, 'model.json'), printed.stdout);
    }
    writeFileSync(
      path.join(site, 'models.json'),
      JSON.stringify({ models: [{ id: 'database' }, { id: 'database-eu' }] }),
    );
    const built = await onus(['diff', 'library-site', 'library-before'], dir);
    expect(built.code).toBe(0);
    expect(built.stdout.match(/no changes\n/g)).toHaveLength(2);
  });

  it('should compare nothing when a release has errors, and print them at their line', async () => {
    writeFileSync(
      path.join(dir, 'broken.md'),
      readFileSync(releaseFile('2.0'), 'utf8').replace('{level=owns}', '{level=own}'),
    );
    const { code, stdout, stderr } = await onus(['diff', '2.0', 'broken.md'], dir);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^broken\.md\n\s*\d+:\d+\s+error\s+Unexpected level `own`/);
    expect(stderr).toMatch(/onus diff: `broken\.md` has errors: nothing was compared\n$/);
    const missing = await onus(['diff', '2.0', 'nowhere'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere/);
  });
});
