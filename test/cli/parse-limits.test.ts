import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/markdown/limits.ts';
import { onus } from '../helpers/onus.ts';

/**
 * The safety nets past the counted limits: a parse that runs away (300 s) or needs too much
 * memory (1 GB) is stopped, its file gets an error near the line it reached, and the files after
 * it still parse. Both are reached by a test file that runs away — never ends parsing, or takes
 * memory without end — so that no verdict here depends on how busy the machine is.
 */
describe('a parse stopped by its limits', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'onus-parse-limits-'));
    copyFileSync('content/vmware-site-recovery.md', path.join(dir, 'a-seed.md'));
    copyFileSync('content/vmware-site-recovery.md', path.join(dir, 'c-seed.md'));
  });
  // Text that makes the test parse thread run on for ever: the time net's case, whatever the load.
  const RUNAWAY = 'onus-test-runaway-parse';
  const runaway = { ONUS_TEST_PARSE_SECONDS: '3', ONUS_TEST_PARSE_RUNAWAY: RUNAWAY };
  const withRunaway = (marker = RUNAWAY) => {
    const other = mkdtempSync(path.join(tmpdir(), 'onus-parse-runaway-'));
    for (const name of ['a-seed.md', 'c-seed.md']) {
      copyFileSync(path.join(dir, name), path.join(other, name));
    }
    writeFileSync(path.join(other, 'b-runaway.md'), `# Runaway\n\n${marker}\n`);
    return other;
  };

  const reported = (stderr: string, file: string) =>
    stderr.split(/\n(?=\S+\.md)/).find((block) => block.startsWith(file)) ?? '';

  it('that runs away, is stopped by the time net and said to be Onus’s fault; the next file parses', async () => {
    const other = withRunaway();
    const { code, stderr } = await onus(['check', '--no-library', other], other, runaway);
    expect(code).toBe(1);
    expect(reported(stderr, 'b-runaway.md')).toMatch(
      /\n1:1 +error +Unexpected parse still running after 3 s \(stopped near line 1\), expected a few seconds at most: the file is within every limit Onus counts, so this is a fault of Onus — please report it with the file/,
    );
    expect(reported(stderr, 'a-seed.md')).toMatch(/no issues found/);
    expect(reported(stderr, 'c-seed.md')).toMatch(/no issues found/);
  });

  it('of a real catalog, is never stopped for time, on a busy machine or not', () => {
    // The time net is minutes: the limits that decide are counted on the text (limits.ts).
    expect(LIMITS.parseSeconds).toBeGreaterThanOrEqual(300);
  });

  it('past its memory, is an error, and the next file parses', async () => {
    const other = withRunaway(`${RUNAWAY}-memory`);
    const { code, stderr } = await onus(['check', '--no-library', other], other, {
      ONUS_TEST_PARSE_MEMORY_MB: '48',
      ONUS_TEST_PARSE_RUNAWAY: RUNAWAY,
    });
    expect(code).toBe(1);
    expect(reported(stderr, 'b-runaway.md')).toMatch(
      /error +Unexpected Markdown that needs over 48 MB of memory to parse \(stopped (near line \d+|before its first paragraph was read)\)/,
    );
    expect(reported(stderr, 'a-seed.md')).toMatch(/no issues found/);
    expect(reported(stderr, 'c-seed.md')).toMatch(/no issues found/);
  });

  it('in a build, where every file goes to the thread at once, stops that file alone', async () => {
    const out = path.join(dir, '..', `${path.basename(dir)}-site`);
    const other = withRunaway();
    const { code, stderr } = await onus(
      ['build', '--content', other, '--out', out],
      other,
      runaway,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/b-runaway\.md\n1:1 +error +Unexpected parse still running after 3 s/);
    expect(stderr).not.toMatch(/seed\.md/);
    expect(existsSync(out)).toBe(false);
  });
});
