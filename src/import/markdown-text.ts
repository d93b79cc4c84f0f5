import type { Paragraph } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';

/** Plain text as Markdown that reads back as the same words: `*`, `_`, `[`, `<`… escaped. */
export function escapeText(text: string): string {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return paragraphs.map((part) => inlineText(part)).join('\n\n');
}

/** One line of plain text as Markdown: no block may start in it. */
export function inlineText(text: string): string {
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
  return toMarkdown(paragraph).trim().replace(/\n/g, ' ');
}

/** A table cell's text as Markdown: its pipes escaped, its line breaks `<br>`. */
export function cellText(text: string): string {
  return text.trim().replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
