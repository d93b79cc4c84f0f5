import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { ALERT_MARKER } from './alerts.ts';
import { parseNote } from './note-tree.ts';
import { simpleBlocks, simpleText } from './simple-blocks.ts';

/** Characters and line starts that can make Markdown more than its words. */
const MARKUP = /[\\`*_[\]<>#!|~&=:]|^[ \t]*(?:[-+]|\d+[.)])\s|https?:|www\./m;

/** Nodes whose words stand apart from those before them. */
const SEPARATE = new Set([
  'paragraph',
  'heading',
  'listItem',
  'tableCell',
  'code',
  'break',
  'image',
  'footnoteDefinition',
]);

/** The words of some Markdown, without its markup, for search and summaries. */
export function plainTextOfMarkdown(markdown: string): string {
  // Most notes are plain sentences: they need no parser (a tenth of a 10,000-activity build).
  if (!MARKUP.test(markdown)) return markdown.replace(/\s+/g, ' ').trim();
  const blocks = simpleBlocks(markdown);
  if (blocks) return simpleText(blocks);
  // Words of separate blocks (list items, cells) must stay separate words; the runs of one
  // paragraph join as written (`**Restore tests**, twice` keeps its comma on the word).
  const words: string[] = [];
  visit(parseNote(markdown), (node, _, parent) => {
    if (SEPARATE.has(node.type)) words.push(' ');
    // An alert's marker (`[!NOTE]`) is no word of it.
    if (node.type === 'text' && parent?.type === 'paragraph' && parent.children[0] === node) {
      words.push(node.value.replace(ALERT_MARKER, ''));
    } else if (node.type === 'text' || node.type === 'inlineCode') words.push(node.value);
    else if (node.type === 'image' && node.alt) words.push(node.alt);
  });
  return words.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The words of some Markdown a line per paragraph or list item, a numbered item keeping its
 * number: for plain-text places that must not run a procedure into one sentence ("my stack",
 * its CSV).
 */
export function plainLinesOfMarkdown(markdown: string): string {
  if (!MARKUP.test(markdown)) return markdown.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  const push = (prefix: string, text: string) => {
    // An alert's marker (`[!NOTE]`) is no word of it.
    const words = text.replace(ALERT_MARKER, '').replace(/\s+/g, ' ').trim();
    if (words) lines.push(`${prefix}${words}`);
  };
  const walk = (node: Nodes, prefix: string) => {
    switch (node.type) {
      case 'list':
        node.children.forEach((item, index) =>
          walk(item, node.ordered ? `${(node.start ?? 1) + index}. ` : '• '),
        );
        return;
      case 'listItem':
        node.children.forEach((child, index) => walk(child, index === 0 ? prefix : ''));
        return;
      case 'root':
      case 'blockquote':
        for (const child of node.children) walk(child, prefix);
        return;
      case 'table':
        for (const row of node.children) {
          push(prefix, row.children.map((cell) => toString(cell)).join(' | '));
        }
        return;
      case 'footnoteDefinition':
      case 'definition':
      case 'html':
        return;
      default:
        push(prefix, toString(node));
    }
  };
  walk(parseNote(markdown), '');
  return lines.join('\n');
}
