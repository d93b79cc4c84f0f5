import type { PhrasingContent, TableCell } from 'mdast';
import { plainText } from '../markdown/markdown.ts';
import type { Footnote } from '../model/schema.ts';

/**
 * A grid cell's text with its footnote references kept where they stand, as `\u0002n\u0003`,
 * so that a footnote stays with the name it follows: in `Red Hat[^1] and Customer` it is Red
 * Hat's, not the customer's. A footnote is the author's remark on that name, never a condition.
 */
export interface MarkedText {
  text: string;
  /** The footnotes the marks stand for, by their number in the text. */
  footnotes: readonly Footnote[];
}

export function markedCellText(
  cell: TableCell,
  definitions: ReadonlyMap<string, string>,
): MarkedText {
  const footnotes: Footnote[] = [];
  const mark = (node: PhrasingContent): PhrasingContent => {
    if (node.type === 'footnoteReference') {
      const number = footnotes.push({
        label: node.label ?? node.identifier,
        text: definitions.get(node.identifier) ?? '',
      });
      return { type: 'text', value: `\u0002${number - 1}\u0003` };
    }
    return 'children' in node
      ? ({ ...node, children: node.children.map(mark) } as PhrasingContent)
      : node;
  };
  // HTML comments are the author's, not the cell's.
  const children = cell.children.filter((node) => node.type !== 'html').map(mark);
  return { text: plainText({ type: 'paragraph', children }), footnotes };
}

/** A piece of a marked text without its marks, and the footnotes they stood for, in order. */
export function unmark(
  text: string,
  footnotes: readonly Footnote[],
): { text: string; footnotes: Footnote[] } {
  const found: Footnote[] = [];
  const bare = text.replace(/\u0002(\d+)\u0003/g, (_, number: string) => {
    const footnote = footnotes[Number(number)];
    if (footnote && !found.includes(footnote)) found.push(footnote);
    return '';
  });
  return { text: bare.trim(), footnotes: found };
}

/**
 * `Customer if it brings its own CNI`, `Owns, if it runs the cluster`: what a cell assigns,
 * and the condition it holds on, after the first `if` outside brackets. Undefined without one.
 */
export function conditionalCell(text: string): { head: string; condition: string } | undefined {
  const collapsed = text.replace(/\s+/g, ' ');
  let depth = 0;
  for (let index = 0; index < collapsed.length; index++) {
    const character = collapsed[index];
    if (character === '(') depth++;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && collapsed.slice(index, index + 4).toLowerCase() === ' if ') {
      const head = trimComma(collapsed.slice(0, index));
      const condition = collapsed.slice(index + 4).trim();
      return head && condition ? { head, condition } : undefined;
    }
  }
  return undefined;
}

function trimComma(text: string): string {
  const trimmed = text.trim();
  return trimmed.endsWith(',') ? trimmed.slice(0, -1).trimEnd() : trimmed;
}
