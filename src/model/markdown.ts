import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import './micromark-linear.ts';

/** SRM Markdown is CommonMark with GFM (tables, task lists…) and YAML frontmatter. */
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** Print nodes back as Markdown (normalised), or undefined when there is nothing to print. */
export function printMarkdown(nodes: readonly RootContent[]): string | undefined {
  if (nodes.length === 0) return undefined;
  const text = toMarkdown(
    { type: 'root', children: [...nodes] },
    { extensions: [gfmToMarkdown()] },
  );
  return text.trim() === '' ? undefined : text.trimEnd();
}

/** Plain text of a node, with whitespace runs folded, as titles are shown. */
export function plainText(node: Nodes): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}

export interface HeadingGroup {
  heading: Heading;
  children: RootContent[];
}

/** Split a run of nodes at headings of one depth: what precedes the first, then each group. */
export function splitAtHeadings(
  nodes: readonly RootContent[],
  depth: Heading['depth'],
): { before: RootContent[]; groups: HeadingGroup[] } {
  const before: RootContent[] = [];
  const groups: HeadingGroup[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === depth) {
      groups.push({ heading: node, children: [] });
    } else {
      (groups.at(-1)?.children ?? before).push(node);
    }
  }
  return { before, groups };
}
