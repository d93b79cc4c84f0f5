import fc from 'fast-check';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, printMarkdown } from '../../src/markdown/markdown.ts';

/** toMarkdown as it comes, which printMarkdown must equal on anything without comments. */
const reference = (markdown: string) => {
  const tree = parseMarkdown(markdown);
  if (tree.children.length === 0) return undefined;
  const text = toMarkdown(tree, { extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml'])] });
  return text.trim() === '' ? undefined : text.trimEnd();
};

// Words, and every character toMarkdown may have to escape, at the start of lines and inside them.
const piece = fc.constantFrom(
  'the',
  'Customer',
  'a.b',
  '1.',
  '2)',
  '#',
  '##',
  '-',
  '+',
  '*',
  '_',
  '__',
  '`',
  '~',
  '~~',
  '[',
  ']',
  '(',
  ')',
  '!',
  '<',
  '>',
  '&',
  '&amp;',
  '\\',
  '|',
  ':',
  '@',
  '=',
  '{',
  '}',
  '"',
  'www.example.com',
  'a@b.co',
  'https://x.org',
  '**bold**',
  '*em*',
  '`code`',
  '[link](https://x.org "t")',
  '![alt](a.png)',
  '- item',
  '1. item',
  '> quote',
  '| a | b |\n| - | - |\n| c | d |',
  '[^1]',
  '- [ ] task',
  '---',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\n  ',
);

describe('printing notes back as Markdown', () => {
  it('prints a document that opens with frontmatter, as the parser gives it', () => {
    expect(printMarkdown(parseMarkdown('---\n\n---').children)).toBe('---\n---');
  });

  it('escapes exactly as toMarkdown does', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')),
        (markdown) => {
          expect(printMarkdown(parseMarkdown(markdown).children)).toBe(reference(markdown));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
