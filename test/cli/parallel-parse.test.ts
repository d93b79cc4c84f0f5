import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../bench/catalog.ts';
import { parseModel } from '../../src/model/index.ts';
import { PARALLEL_MIN_BYTES } from '../../src/cli/parse-in-worker.ts';
import { onus } from '../helpers/onus.ts';

/**
 * A large file is parsed in two parts on two threads: what the user sees — the model and each
 * message at its line — must be exactly what one parse of the whole gives.
 */
describe('a large model parsed in parts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-parallel-'));
  const catalog = generateCatalog(60);

  it('is large enough to be cut', () => {
    expect(Buffer.byteLength(catalog)).toBeGreaterThan(PARALLEL_MIN_BYTES);
  });

  it('gives the model of a parse of the whole', async () => {
    const file = path.join(dir, 'catalog.md');
    writeFileSync(file, catalog);
    const { code, stdout, stderr } = await onus(['model', file], dir);
    expect(code, stderr).toBe(0);
    const whole = parseModel(new VFile({ path: file, value: catalog })).model!;
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(whole)));
  });

  it('reports errors in the second part at their lines, with a definition from the first', async () => {
    const lines = catalog.split('\n');
    const late = lines.findLastIndex((line) => /^- \*\*[^*]+\*\* shares\b/.test(line));
    expect(late).toBeGreaterThan(lines.length * 0.6);
    lines[late] = lines[late]!.replace('** shares', '** sharez');
    const early = lines.findIndex((line) => line.startsWith('#### '));
    lines.splice(
      early + 2,
      0,
      'See [the policy] and [^scope].',
      '',
      '[^scope]: Where it applies.',
      '',
    );
    lines.push('', '[the policy]: https://example.com/policy', '');
    const text = lines.join('\n');
    const file = path.join(dir, 'broken.md');
    writeFileSync(file, text);
    const { code, stderr } = await onus(['check', file], dir);
    expect(code).toBe(1);
    const whole = parseModel(new VFile({ path: file, value: text })).file.messages;
    expect(whole.map((message) => message.line)).toContain(late + 5);
    for (const message of whole) {
      expect(stderr).toContain(`${message.line}:${message.column}`);
      expect(stderr).toContain(message.reason.slice(0, 60));
    }
  });
});
