import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES } from '../../bench/adversarial.ts';
import { onus } from '../helpers/onus.ts';

/**
 * Inputs that once crashed Onus or held it for minutes, checked as a user would run them:
 * each ends in a model or in an error at a line, never in a crash (exit 70) or a stack trace.
 * All are checked by one `onus check` of their folder, each reported under its own name; how
 * long each takes alone is measured by `npm run bench`, not here.
 */
describe('onus check on adversarial input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-adversarial-'));
  const name = (index: number) => `case-${String(index).padStart(2, '0')}.md`;
  let result: Awaited<ReturnType<typeof onus>>;
  const reported = (file: string) =>
    result.stderr.split(/\n(?=\S+\.md\n|\S+\.md: )/).find((block) => block.startsWith(file)) ?? '';

  beforeAll(async () => {
    ADVERSARIAL_CASES.forEach((entry, index) =>
      writeFileSync(path.join(dir, name(index)), entry.text()),
    );
    result = await onus(['check', '--no-library', dir], dir);
  });

  it('ends in a verdict per file, never a crash or a stack trace', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at |internal error|RangeError/);
  });

  ADVERSARIAL_CASES.forEach((entry, index) => {
    // The verdict is the text's, never the machine's: a large input is a model, busy or not.
    it(`should end ${entry.name} in ${entry.expect === 'model' ? 'a model' : 'an error at a line'}`, () => {
      const block = reported(name(index));
      if (entry.expect === 'model') {
        expect(block, result.stderr.slice(0, 2000)).toMatch(
          /: no issues found|\n\d+:\d+ +warning /,
        );
        expect(block).not.toMatch(/\n\d+:\d+ +error /);
      } else {
        expect(block).toMatch(
          /^\d+:\d+ +error .+ (input-limit|frontmatter-yaml|title-too-long|party-head-invalid|item-empty|party-unknown|level-unknown|id-collision) +onus$/m,
        );
      }
    });
  });
});
