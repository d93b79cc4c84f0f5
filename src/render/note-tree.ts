import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkGfmFast from '../markdown/remark-gfm-fast.ts';
import '../markdown/micromark-linear.ts';

/** SRM Markdown's notes, descriptions and prose: CommonMark with GFM. */
export const noteParser = unified().use(remarkParse).use(remarkGfmFast).freeze();

const trees = new Map<string, Root>();
/** Past this many, the oldest trees are let go: a large build must not hold them all. */
const MAX_TREES = 5_000;

/**
 * A note's syntax tree, parsed once for its HTML and its plain text (search, summaries):
 * parsing is most of a large catalog's render. The tree is shared: callers must not change it.
 */
export function parseNote(markdown: string): Root {
  let tree = trees.get(markdown);
  if (!tree) {
    tree = noteParser.parse(markdown);
    if (trees.size >= MAX_TREES) trees.delete(trees.keys().next().value!);
    trees.set(markdown, tree);
  }
  return tree;
}
