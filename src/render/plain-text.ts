import { visit } from 'unist-util-visit';
import { ALERT_MARKER } from './alerts.ts';
import { parseNote } from './note-tree.ts';
import { simpleBlocks, simpleText } from './simple-blocks.ts';

/** Characters and line starts that can make Markdown more than its words. */
const MARKUP = /[\\`*_[\]<>#!|~&=:]|^[ \t]*(?:[-+]|\d+[.)])\s|https?:|www\./m;

/** The words of some Markdown, without its markup, for search and summaries. */
export function plainTextOfMarkdown(markdown: string): string {
  // Most notes are plain sentences: they need no parser (a tenth of a 10,000-activity build).
  if (!MARKUP.test(markdown)) return markdown.replace(/\s+/g, ' ').trim();
  const blocks = simpleBlocks(markdown);
  if (blocks) return simpleText(blocks);
  // Words of separate blocks (list items, cells) must stay separate words.
  const words: string[] = [];
  visit(parseNote(markdown), (node, _, parent) => {
    // An alert's marker (`[!NOTE]`) is no word of it.
    if (node.type === 'text' && parent?.type === 'paragraph' && parent.children[0] === node) {
      words.push(node.value.replace(ALERT_MARKER, ''));
    } else if (node.type === 'text' || node.type === 'inlineCode') words.push(node.value);
    else if (node.type === 'image' && node.alt) words.push(node.alt);
  });
  return words.join(' ').replace(/\s+/g, ' ').trim();
}
