import { escapeText } from '../model/print.ts';

/** Plain text, paragraphs and lines, as Markdown that reads back as the same words. */
export function plainTextAsMarkdown(text: string): string {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return paragraphs.map((part) => inlineText(part)).join('\n\n');
}

/** One line of plain text as Markdown: no block may start in it. */
export function inlineText(text: string): string {
  return escapeText(text).trim().replace(/\n/g, ' ');
}

/** A table cell's text as Markdown: its pipes escaped, its line breaks `<br>`. */
export function cellText(text: string): string {
  return text.trim().replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
