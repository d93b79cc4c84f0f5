import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkGfmFast from '../../src/markdown/remark-gfm-fast.ts';
import '../../src/markdown/micromark-linear.ts';

const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const fast = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmFast);

// The pieces autolink literals are made of and stopped by, beside plain words.
const piece = fc.constantFrom(
  'the',
  'Customer',
  'a.b',
  'x-y_z',
  'é',
  'user@example.com',
  'first.last+tag@mail.example.org',
  'a@b',
  'a@b.c-',
  'a@b.c_',
  '@',
  'mailto:ops@example.com',
  'xmpp:ops@example.com/desk',
  'http://example.com',
  'https://example.com/path?q=1&r=(2)',
  'HTTPS://EXAMPLE.COM.',
  'http:/x',
  'https:',
  'http',
  'h',
  'www.example.com',
  'WWW.Example.com/a_b',
  'www.',
  'ww.x',
  'w',
  'www.a_b.c',
  '(www.example.com)',
  '[link](https://example.com)',
  '[ref]',
  '[ref]: https://example.com/ref',
  '<https://example.com>',
  '`https://example.com`',
  '**www.example.com**',
  '~~a@b.co~~',
  '\\@',
  '&amp;',
  '|',
  '| a | b |',
  '|---|---|',
  '- [ ] task',
  '[^1]',
  '[^1]: note',
  '> ',
  '- ',
  '1. ',
  '#',
  '\t',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\n    ',
  '\r\n',
  '\r',
  '\n> ',
  '\n  ',
  '| a |',
  ':-:',
  '-|-',
  '| - |',
  'a | b',
  '\n| --- | :-: |',
  '\n> | --- |',
  '\n  |---|',
  '\n---',
);

const markdown = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));
const cell = fc
  .array(piece, { maxLength: 4 })
  .map((pieces) => pieces.join('').replace(/[|\n]/g, ' '));
const table = fc
  .array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 4 })
  .map(([head, ...rows]) =>
    [head!, ['---', '---'], ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n'),
  );

describe('remark-gfm, with autolink literals tried only where one can start', () => {
  it('gives the same tree as remark-gfm', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(fast.parse(text)).toEqual(reference.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same tree as remark-gfm in tables', () => {
    fc.assert(
      fc.property(markdown, table, markdown, (before, rows, after) => {
        const text = `${before}\n\n${rows}\n\n${after}`;
        expect(fast.parse(text)).toEqual(reference.parse(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same tree as remark-gfm in tables inside lists and quotes', () => {
    const container = fc.constantFrom('', '> ', '- ', '  ', '1. ', '> > ', '\t');
    fc.assert(
      fc.property(container, table, fc.boolean(), (mark, rows, bom) => {
        const indent = mark.startsWith('>') ? mark : ' '.repeat(mark.length);
        const lines = rows.split('\n').map((line, index) => (index === 0 ? mark : indent) + line);
        const text = `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\nafter www.example.com`;
        expect(fast.parse(text)).toEqual(reference.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same tree as remark-gfm on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), (text) => {
        expect(fast.parse(text)).toEqual(reference.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same tree as remark-gfm where tables meet other blocks', () => {
    const cases = [
      'text\n| a | b |\n| - | - |\n| c | d |',
      '| a | b |\n| - | - |\ntext after\n\nmore',
      'a\n:-:',
      'a | b\n-|-\nc | d\n> quote',
      '- item\n  | a |\n  | - |\n  | b |\nlazy',
      '> | a |\n> | - |\n| b |',
      '| a |\n| - |\n',
      '| a |',
      '| a |\r\n| - |\r\n| b |',
      '\uFEFF| a |\n| - |',
      '# h\n| a |\n| --- |',
    ];
    for (const text of cases) expect(fast.parse(text), text).toEqual(reference.parse(text));
  });

  it('still links addresses in notes, lists, tables and headings', () => {
    const text = [
      '# See www.example.com or mailto:web@example.com',
      '',
      '- **Customer** owns: write to ops@example.com or open https://example.com/help.',
      '',
      '| Contact | Site |',
      '| --- | --- |',
      '| a@b.co, xmpp:desk@example.com | http://x.org |',
    ].join('\n');
    const links: string[] = [];
    const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link') links.push(node.url!);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(fast.parse(text));
    expect(links).toEqual([
      'http://www.example.com',
      'mailto:web@example.com',
      'mailto:ops@example.com',
      'https://example.com/help',
      'mailto:a@b.co',
      'mailto:desk@example.com',
      'http://x.org',
    ]);
  });
});
