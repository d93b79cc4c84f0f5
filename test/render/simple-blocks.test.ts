import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.ts';
import { noteParser } from '../../src/render/note-tree.ts';
import { plainTextOfMarkdown } from '../../src/render/plain-text.ts';
import { simpleBlocks, simpleHtml, simpleText } from '../../src/render/simple-blocks.ts';
import { visit } from 'unist-util-visit';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { SANITIZE_SCHEMA } from '../../src/render/markdown.ts';

/** The full pipeline, as the renderer runs it for anything not simple. */
const pipeline = noteParser()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(rehypeStringify)
  .freeze();
const fullHtml = (markdown: string) => String(pipeline.processSync(markdown));
const fullText = (markdown: string) => {
  const words: string[] = [];
  visit(noteParser.parse(markdown), (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') words.push(node.value);
  });
  return words.join(' ').replace(/\s+/g, ' ').trim();
};

// Mostly words a note is made of; now and then one that makes Markdown more than words.
const word = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      'the',
      'Customer',
      'reviews',
      'keys',
      'é',
      '2026',
      '(daily)',
      'a.b',
      'x-y',
      '42%',
      "it's",
      'done.',
      '3.',
    ),
    weight: 12,
  },
  {
    arbitrary: fc.constantFrom(
      '1)',
      '#1',
      '*',
      '_',
      'http',
      'www.x',
      '<b>',
      '&',
      'a:b',
      '-',
      '`x`',
    ),
    weight: 1,
  },
);
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const block = fc.oneof(
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.array(line, { minLength: 1, maxLength: 4 }))
    .map(([start, lines]) => lines.map((text, index) => `${start + index}. ${text}`).join('\n')),
  fc
    .tuple(fc.constantFrom('*', '-', '+'), fc.array(line, { minLength: 1, maxLength: 4 }))
    .map(([marker, lines]) => lines.map((text) => `${marker} ${text}`).join('\n')),
);

describe('notes of paragraphs and plain lists', () => {
  it('render, without a parser, exactly as the parser renders them', () => {
    let simple = 0;
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n\n', '\n\n\n', '\n'),
        (blocks, gap) => {
          const markdown = blocks.join(gap);
          const found = simpleBlocks(markdown);
          if (!found) return;
          simple++;
          expect(simpleHtml(found)).toBe(fullHtml(markdown));
          expect(simpleText(found)).toBe(fullText(markdown));
          expect(renderMarkdown(markdown)).toBe(fullHtml(markdown));
          expect(plainTextOfMarkdown(markdown)).toBe(fullText(markdown));
        },
      ),
      { numRuns: 3000 },
    );
    // The short way must be taken often, or the property says nothing.
    expect(simple).toBeGreaterThan(150);
  });

  it('leave anything else to the parser', () => {
    for (const markdown of [
      '- a\n\n- b',
      '1. a\n\n2. b',
      'Text\n- item',
      '    code',
      'a  \nb',
      '* a\n  more',
      'a\n\n\n',
    ]) {
      expect(simpleBlocks(markdown)).toBeUndefined();
    }
  });
});
