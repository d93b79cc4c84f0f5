import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../../bench/catalog.ts';
import { onus } from '../helpers/onus.ts';

/**
 * The safety net past the limits: a parse that runs too long or needs too much memory is
 * stopped, its file gets an error near the line it reached, and the files after it still parse.
 * The limits (10 s, 1 GB) are lowered here so that a catalog of 700 controls (8 MB, about 2 s
 * to parse) reaches them while a model of the usual size, its thread's start included, does not.
 */
describe('a parse stopped by its limits', { timeout: 30_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'onus-parse-limits-'));
    copyFileSync('content/vmware-site-recovery.md', path.join(dir, 'a-seed.md'));
    writeFileSync(path.join(dir, 'b-catalog.md'), generateCatalog(700));
    copyFileSync('content/vmware-site-recovery.md', path.join(dir, 'c-seed.md'));
  });

  const reported = (stderr: string, file: string) =>
    stderr.split(/\n(?=\S+\.md)/).find((block) => block.startsWith(file)) ?? '';

  it('past its time, is an error near the line it reached, and the next file parses', async () => {
    const { code, stderr } = await onus(['check', '--no-library', dir], dir, {
      ONUS_TEST_PARSE_SECONDS: '1',
    });
    expect(code).toBe(1);
    expect(reported(stderr, 'b-catalog.md')).toMatch(
      /\n\d+:1 +error +Unexpected Markdown that takes over 1 s to parse \(stopped (near line \d+|before its first paragraph was read)\), expected simpler Markdown: look for unusual or repeated constructs/,
    );
    expect(reported(stderr, 'a-seed.md')).toMatch(/no issues found/);
    expect(reported(stderr, 'c-seed.md')).toMatch(/no issues found/);
  });

  it('past its memory, is an error, and the next file parses', async () => {
    const { code, stderr } = await onus(['check', '--no-library', dir], dir, {
      ONUS_TEST_PARSE_MEMORY_MB: '48',
    });
    expect(code).toBe(1);
    expect(reported(stderr, 'b-catalog.md')).toMatch(
      /error +Unexpected Markdown that needs over 48 MB of memory to parse \(stopped (near line \d+|before its first paragraph was read)\)/,
    );
    expect(reported(stderr, 'a-seed.md')).toMatch(/no issues found/);
    expect(reported(stderr, 'c-seed.md')).toMatch(/no issues found/);
  });

  it('in a build, where every file goes to the thread at once, stops that file alone', async () => {
    const out = path.join(dir, '..', `${path.basename(dir)}-site`);
    const { code, stderr } = await onus(['build', '--content', dir, '--out', out], dir, {
      ONUS_TEST_PARSE_SECONDS: '1',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /b-catalog\.md\n\d+:1 +error +Unexpected Markdown that takes over 1 s to parse/,
    );
    expect(stderr).not.toMatch(/seed\.md/);
    expect(existsSync(out)).toBe(false);
  });
});
