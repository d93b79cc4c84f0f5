import { execFile } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = path.resolve('.');
const bin = path.join(root, 'bin/onus.js');

/** Names and modification times of the installation's top level and of `.astro/`. */
function installationState(): Record<string, number> {
  const state: Record<string, number> = {};
  for (const name of readdirSync(root)) state[name] = statSync(path.join(root, name)).mtimeMs;
  const dotAstro = path.join(root, '.astro');
  if (existsSync(dotAstro)) {
    for (const entry of readdirSync(dotAstro, { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name);
      state[path.relative(root, full)] = statSync(full).mtimeMs;
    }
  }
  return state;
}

describe('a build', { timeout: 120_000 }, () => {
  it('should write nothing into the Onus installation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-install-'));
    cpSync('content', path.join(dir, 'content'), { recursive: true });
    const before = installationState();
    await exec(process.execPath, [bin, 'build', '--out', 'site'], { cwd: dir });
    expect(existsSync(path.join(dir, 'site', 'index.html'))).toBe(true);
    expect(installationState()).toEqual(before);
  });

  // As root, the build runs as `nobody`, who may write only the content and output folders.
  it.runIf(process.getuid?.() === 0)(
    'should succeed for a user who may write only the content and the output',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'onus-unprivileged-'));
      cpSync('content', path.join(dir, 'content'), { recursive: true });
      for (const entry of [
        dir,
        path.join(dir, 'content'),
        ...readdirSync(path.join(dir, 'content')).map((name) => path.join(dir, 'content', name)),
      ]) {
        chownSync(entry, 65534, 65534);
      }
      const { stderr } = await exec(process.execPath, [bin, 'build', '--out', 'site'], {
        cwd: dir,
        uid: 65534,
        gid: 65534,
        env: { ...process.env, HOME: dir },
      });
      expect(stderr).toMatch(/^Built the site of 28 activities/);
      expect(statSync(path.join(dir, 'site', 'index.html')).uid).toBe(65534);
    },
  );
});
