import type { Nodes } from 'mdast';
import type { Position } from '../model/schema.ts';

/** Where a node starts; parsed nodes always carry a position, generated ones fall back to 1:1. */
export function startOf(node: Nodes): Position {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}

const NODE_NAMES: Partial<Record<Nodes['type'], string>> = {
  blockquote: 'block quote',
  code: 'code block',
  html: 'HTML',
  list: 'list',
  paragraph: 'paragraph',
  table: 'table',
  thematicBreak: 'thematic break',
  definition: 'link definition',
  footnoteDefinition: 'footnote definition',
};

/** How an author would call a block in a message: "paragraph", "level-4 heading"… */
export function describeNode(node: Nodes): string {
  if (node.type === 'heading') return `level-${node.depth} heading`;
  return NODE_NAMES[node.type] ?? node.type;
}
