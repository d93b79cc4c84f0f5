import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onus } from '../helpers/onus.ts';

describe('onus init', { timeout: 60_000 }, () => {
  it.each([
    ['lists', 'managed-vmware-task-lists.md'],
    ['grid', 'cloud-service-models.md'],
    ['blocks', 'security-control-catalog.md'],
  ])('writes a project whose %s example checks clean', async (form, example) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-init-'));
    const { code, stderr } = await onus(['init', 'my-srm', '--form', form], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('Next: cd my-srm && npm install && npm run build');
    const project = path.join(dir, 'my-srm');
    const manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('my-srm');
    expect(manifest.scripts).toEqual({ build: 'onus build', check: 'onus check --strict content' });
    expect(Object.keys(manifest.devDependencies)).toEqual(['node', 'onus']);
    expect(readFileSync(path.join(project, '.github/workflows/publish.yml'), 'utf8')).toBe(
      readFileSync('.github/workflows/publish.yml', 'utf8'),
    );
    expect(readFileSync(path.join(project, 'README.md'), 'utf8')).toContain(
      'npm install && npm run build',
    );
    expect(readFileSync(path.join(project, '.gitignore'), 'utf8')).toBe(
      'node_modules/\ndist/\nexport/\n',
    );
    expect(existsSync(path.join(project, 'content', example))).toBe(true);
    const check = await onus(['check', '--strict', 'content'], project);
    expect(check.stderr).toContain('no issues found');
    expect(check.code).toBe(0);
  });

  it('writes over no file: it names those that exist, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-init-'));
    writeFileSync(path.join(dir, 'README.md'), 'mine\n');
    const { code, stderr } = await onus(['init'], dir);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'onus init: README.md exists; Onus writes over no file. Nothing was written.\n',
    );
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(dir, 'package.json'))).toBe(false);
    expect(existsSync(path.join(dir, 'content'))).toBe(false);
  });

  it('refuses a form it does not know', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-init-'));
    const { code, stderr } = await onus(['init', '--form', 'table'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('onus init: --form must be lists, grid or blocks, got `table`');
  });
});
