import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../bench/catalog.ts';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { TEXT_PART_CHARS, textPartOf } from '../../src/search/text-parts.ts';
import { searchTexts, searchTextScripts } from '../../src/search/texts.ts';
import { parse } from '../helpers/parse.ts';

/** What the browser ends up with after loading the given parts, each as a classic script. */
function loaded(scripts: readonly string[]): Record<string, string> {
  const self: { onusSearchText?: Record<string, string> } = {};
  for (const script of scripts) runInNewContext(script, { self });
  return self.onusSearchText ?? {};
}

describe('the pages’ words for excerpts, in parts', () => {
  const catalog = parse(generateCatalog(120)).model!;
  const scripts = searchTextScripts([catalog]);
  const texts = searchTexts([catalog]);

  it('come in as many parts as the index says, each near the size aimed at', () => {
    expect(buildSearchIndex([catalog]).textParts).toBe(scripts.length);
    const chars = Object.values(texts).reduce((sum, text) => sum + text.length, 0);
    expect(scripts.length).toBe(Math.ceil(chars / TEXT_PART_CHARS));
    expect(scripts.length).toBeGreaterThan(10);
  });

  it('hold every document’s words once, in the part the browser will ask for', () => {
    expect(loaded(scripts)).toEqual(texts);
    for (const [part, script] of scripts.entries()) {
      for (const id of Object.keys(loaded([script]))) {
        expect(textPartOf(id, scripts.length)).toBe(part);
      }
    }
  });

  it('make one part of a small model, as one file did', () => {
    const seed = parse(
      '---\ntitle: Small\nparties:\n  - id: a\n    name: A\n---\n\n## Responsibility matrix\n\n### A\n\n- One\n\n  Its note.\n',
    ).model!;
    expect(searchTextScripts([seed])).toHaveLength(1);
    expect(buildSearchIndex([seed]).textParts).toBe(1);
  });
});
