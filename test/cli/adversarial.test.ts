import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES } from '../../bench/adversarial.ts';
import { onus } from '../helpers/onus.ts';

/**
 * Inputs that once crashed Onus or held it for minutes, checked as a user would run them:
 * each ends in a model or in an error at a line, never in a crash (exit 70) or a stack trace.
 * How long each takes is measured by `npm run bench`, not here.
 */
describe('onus check on adversarial input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-adversarial-'));
  ADVERSARIAL_CASES.forEach((entry, index) => {
    it(
      `should end ${entry.name} in ${entry.expect === 'model' ? 'a model' : 'an error at a line'}`,
      { timeout: 120_000 },
      async () => {
        const file = path.join(dir, `case-${index}.md`);
        const text = entry.text();
        writeFileSync(file, text);
        const { code, stderr } = await onus(['check', file], dir);
        expect(stderr).not.toMatch(/\n\s+at |internal error|RangeError/);
        // The verdict is the text's, never the machine's: a large input is a model, busy or not.
        if (entry.expect === 'model') {
          expect(code, stderr.slice(0, 2000)).toBe(0);
        } else {
          expect(code).toBe(1);
          expect(stderr).toMatch(
            /^\d+:\d+ +error .+ (input-limit|frontmatter-yaml|title-too-long|party-head-invalid|item-empty|party-unknown|level-unknown|id-collision) +onus$/m,
          );
        }
      },
    );
  });
});
