import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWhole } from '../../src/markdown/markdown.ts';
import { parseInSections } from '../../src/markdown/sectioned-parse.ts';
import { generateCatalog } from '../../bench/catalog.ts';

// Lines that open, continue or close every block a heading line may or may not end.
const line = fc.constantFrom(
  '# Area',
  '## Responsibility matrix',
  '### Customer',
  '#### Control',
  '###### Six',
  '####### Seven is text',
  '#hashtag',
  ' # indented heading',
  '#',
  '## ',
  '',
  ' ',
  'A paragraph line.',
  'Setext',
  '===',
  '---',
  '***',
  '- item',
  '- [ ] task',
  '  - nested item',
  '    - deeper',
  '1. first',
  '2) second',
  '-',
  '  continued',
  '> quote',
  '> - quoted item',
  '> ```',
  '```',
  '```js',
  '~~~',
  '````',
  '   ```',
  '  ```',
  '    indented code',
  '<div>',
  '</div>',
  '<!-- comment',
  '-->',
  '<!-- one line -->',
  '<script>',
  '</script>',
  '<pre>',
  '<?php',
  '?>',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE html>',
  '<a href="x">',
  '| a | b |',
  '|---|---|',
  '| c | d |',
  'a | b',
  '[label]: https://example.com',
  '[label]',
  '[^1]: note',
  '\\[All Actors\\]: escaped, no definition',
  '\\\\[x\\\\]: an escaped backslash, then a definition',
  '[a\\]: escaped inside a label',
  'A [link](https://example.com) and `code`.',
  '**bold',
  'still bold**',
  'title: value',
  '...',
);

const ending = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

const documents = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(line, ending), { maxLength: 40 }),
    fc.constantFrom('', '\n'),
  )
  .map(
    ([bom, lines, last]) =>
      `${bom ? '\uFEFF' : ''}${lines.map(([text, end]) => text + end).join('')}${last}`,
  );

describe('parseInSections', () => {
  it('should give the tree of one parse, positions included, wherever the sections start', () => {
    fc.assert(
      fc.property(documents, fc.constantFrom(0, 1, 16, 64), (text, sectionChars) => {
        expect(parseInSections(parseWhole, text, sectionChars)).toEqual(parseWhole(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['\n', '\r\n', '\r'])(
    'should give the tree of one parse for a catalog of real size, in many sections (%j)',
    (ending) => {
      const text = generateCatalog(60).replaceAll('\n', ending);
      let sections = 0;
      const sectioned = parseInSections((part) => (sections++, parseWhole(part)), text);
      expect(sectioned).toEqual(parseWhole(text));
      expect(sections).toBeGreaterThan(50);
    },
  );

  it('should parse at once a document whose definitions any link may use', () => {
    const text = `${generateCatalog(60)}\n[label]: https://example.com\n`;
    let sections = 0;
    const sectioned = parseInSections((part) => (sections++, parseWhole(part)), text);
    expect(sectioned).toEqual(parseWhole(text));
    expect(sections).toBe(1);
  });

  it('should parse in sections a catalog whose only `]:` are escaped', () => {
    // The AICM writes `\[All Actors\]:` in its notes: no definition, no reason to parse at once.
    const text = generateCatalog(60).replace(/\n\n/g, '\n\n\\[All Actors\\]: each actor.\n\n');
    let sections = 0;
    const sectioned = parseInSections((part) => (sections++, parseWhole(part)), text);
    expect(sectioned).toEqual(parseWhole(text));
    expect(sections).toBeGreaterThan(50);
  });

  it('should give the tree of one parse for the seed and the examples', () => {
    const files = ['content', 'examples'].flatMap((folder) =>
      readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(folder, name)),
    );
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(parseInSections(parseWhole, text, 0), file).toEqual(parseWhole(text));
    }
  });
});
