import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { onus } from '../helpers/onus.ts';

const bin = path.resolve('bin/onus.js');

/** Every file of a folder with its bytes, to compare a folder before and after. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files[path.relative(folder, full)] = readFileSync(full).toString('base64');
    }
  }
  return files;
}

/**
 * Start `onus build --verbose`, wait until Astro is writing pages, then send a signal.
 * Returns the exit code and what it printed.
 */
function interruptBuild(
  cwd: string,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'build', '--out', 'site', '--verbose'], { cwd });
    let output = '';
    let sent = false;
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (!sent && output.includes('generating static routes')) {
        sent = true;
        child.kill(signal);
      }
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('an interrupted build', { timeout: 120_000 }, () => {
  let dir: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'onus-interrupt-'));
    cpSync('content', path.join(dir, 'content'), { recursive: true });
    const built = await onus(['build', '--out', 'site'], dir);
    expect(built.code, built.stderr).toBe(0);
    before = snapshot(path.join(dir, 'site'));
  }, 120_000);

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`should leave the previous output byte for byte, and no temporary folder, on ${signal}`, async () => {
      const { code: exit, output } = await interruptBuild(dir, signal);
      expect(exit, output).toBe(code);
      expect(output).toContain(`stopped by ${signal}`);
      expect(snapshot(path.join(dir, 'site'))).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(['content', 'site']);
    });
  }

  it('should leave the previous output as it was even when killed outright', async () => {
    const { code } = await interruptBuild(dir, 'SIGKILL');
    expect(code).toBe(null);
    expect(snapshot(path.join(dir, 'site'))).toEqual(before);
  });
});

describe('two builds of the same input', { timeout: 120_000 }, () => {
  it('should write byte-identical sites: pages, model.json, matrix.csv, permalinks.json', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-twice-'));
    cpSync('content', path.join(dir, 'content'), { recursive: true });
    expect(
      (await onus(['build', '--out', 'one', '--site', 'https://srm.example.com'], dir)).code,
    ).toBe(0);
    expect(
      (await onus(['build', '--out', 'two', '--site', 'https://srm.example.com'], dir)).code,
    ).toBe(0);
    const one = snapshot(path.join(dir, 'one'));
    expect(Object.keys(one)).toEqual(
      expect.arrayContaining(['model.json', 'matrix.csv', 'permalinks.json', 'sitemap.xml']),
    );
    expect(snapshot(path.join(dir, 'two'))).toEqual(one);
  });
});
