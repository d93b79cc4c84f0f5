import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../bench/catalog.ts';
import { parseMarkdown } from '../../src/model/markdown.ts';
import { parseParts, splitText } from '../../src/model/parts.ts';

const inProcess = async (texts: readonly string[]) => texts.map(parseMarkdown);

/** The tree of the text parsed in `count` parts, or undefined when the parts fell back. */
async function inParts(text: string, count: number): Promise<Root | undefined> {
  return parseParts(splitText(text, count), inProcess);
}

/** Lines that open, close or continue every block that could run on past a cut. */
const LINES = [
  '# Title',
  '## Area',
  '### Party',
  '#### Activity',
  '#',
  '',
  '   ',
  'Plain text',
  'Setext',
  '===',
  '---',
  '***',
  'title: x',
  '- item',
  '  - nested',
  '  continued',
  '1. one',
  '2) two',
  '> quote',
  '> # quoted heading',
  '```',
  '~~~',
  '```js',
  '    indented code',
  '<!--',
  '-->',
  '<pre>',
  '</pre>',
  '<div>',
  '<?php',
  '?>',
  '[x]: /url',
  '[X]:',
  '  /later "title"',
  'see [x], [y][] and [^1]',
  '[^1]: a note',
  '[^1]',
  '    continued footnote',
  '[y]: <y>',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '- [ ] task',
  '![img][x]',
  '\t# tab heading',
];

describe('parsing a document in parts', () => {
  it('gives the tree of the whole for any mix of blocks, line endings and definitions', async () => {
    let cut = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            { arbitrary: fc.constantFrom(...LINES), weight: 4 },
            { arbitrary: fc.constantFrom('', '## Area', '#### Activity'), weight: 3 },
          ),
          { maxLength: 60 },
        ),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 2, max: 5 }),
        async (lines, ending, count) => {
          const text = lines.join(ending);
          const joined = await inParts(text, count);
          if (!joined) return;
          expect(joined).toEqual(parseMarkdown(text));
          if (splitText(text, count).length > 1) cut++;
        },
      ),
      { numRuns: 1500 },
    );
    // Most generated documents must really be cut, or the property says nothing.
    expect(cut).toBeGreaterThan(200);
  });

  it('cuts the seed, the examples and a large catalog without falling back', async () => {
    const texts = [
      readFileSync('content/vmware-site-recovery.md', 'utf8'),
      readFileSync('examples/cloud-service-models.md', 'utf8'),
      readFileSync('examples/managed-kubernetes-grid.md', 'utf8'),
      generateCatalog(40),
    ];
    for (const text of texts) {
      expect(splitText(text, 2)).toHaveLength(2);
      expect(await inParts(text, 2)).toEqual(parseMarkdown(text));
    }
  });

  it('resolves a reference in one part to a definition in another', async () => {
    const text =
      '# A\n\nSee [docs] and [^cond].\n\n## B\n\n[docs]: https://example.com\n\n[^cond]: When asked.\n';
    const tree = await inParts(text, 2);
    expect(splitText(text, 2)).toHaveLength(2);
    expect(tree).toEqual(parseMarkdown(text));
    expect(JSON.stringify(tree)).toContain('"linkReference"');
    expect(JSON.stringify(tree)).toContain('"footnoteReference"');
  });

  it('does not cut inside frontmatter, even at a YAML comment after a blank line', () => {
    const text = `---\ntitle: T\n\n# a comment\nparties: []\n---\n\n${'word '.repeat(50)}\n`;
    expect(splitText(text, 2)).toHaveLength(1);
    expect(splitText(`---\nnever closed\n\n# Heading\n\ntext\n`, 2)).toHaveLength(1);
  });

  it('falls back to one parse when a part ends inside a fenced block', async () => {
    const text = `${'text\n\n'.repeat(20)}\`\`\`\n\n# not a heading\n\n${'code\n'.repeat(20)}\`\`\`\n`;
    expect(splitText(text, 2)).toHaveLength(2);
    expect(await inParts(text, 2)).toBeUndefined();
  });
});
