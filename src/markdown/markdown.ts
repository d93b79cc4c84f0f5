import type { Heading, Nodes, Root, RootContent, Text } from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { defaultHandlers, toMarkdown, type Handle, type Options } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkGfmFast from './remark-gfm-fast.ts';
import { parseInSections } from './sectioned-parse.ts';
import { visit } from 'unist-util-visit';
import './micromark-linear.ts';

/** SRM Markdown is CommonMark with GFM (tables, task lists…) and YAML frontmatter. */
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfmFast)
  .freeze();

/** Large documents are parsed a section at a time (`parseInSections`): the same tree. */
export function parseMarkdown(text: string): Root {
  return parseInSections(parseWhole, text);
}

export const parseWhole = (text: string): Root => processor.parse(text);

/**
 * Print nodes back as Markdown (normalised), or undefined when there is nothing to print.
 * HTML comments are the author's, not content: they are left out. GitHub's alerts
 * (`> [!NOTE]`) keep their marker unescaped.
 */
export function printMarkdown(nodes: readonly RootContent[]): string | undefined {
  const content = withoutComments(nodes);
  if (content.length === 0) return undefined;
  const text = toMarkdown({ type: 'root', children: content }, PRINT_OPTIONS).replace(
    ESCAPED_ALERT,
    '$1[!$2]',
  );
  return text.trim() === '' ? undefined : text.trimEnd();
}

/**
 * Print nodes as printMarkdown does, followed by the definitions of the footnotes they refer
 * to (from anywhere in the file): a note, a description or prose keeps its footnotes' text,
 * which it would otherwise print as a bare `[^1]`.
 */
export function printWithFootnotes(
  nodes: readonly RootContent[],
  footnotes: ReadonlyMap<string, string>,
): string | undefined {
  const markdown = printMarkdown(nodes);
  if (markdown === undefined || footnotes.size === 0 || !markdown.includes('[^')) return markdown;
  const referenced = new Set<string>();
  const defined = new Set<string>();
  for (const node of nodes) {
    visit(node, (inner) => {
      if (inner.type === 'footnoteDefinition') defined.add(inner.identifier);
      else if (inner.type === 'footnoteReference' && footnotes.has(inner.identifier)) {
        referenced.add(inner.identifier);
      }
    });
  }
  for (const id of defined) referenced.delete(id);
  const definitions = [...referenced].map(
    (id) => `[^${id}]: ${footnotes.get(id)!.replaceAll('\n', '\n    ')}`,
  );
  return definitions.length === 0 ? markdown : `${markdown}\n\n${definitions.join('\n\n')}`;
}

/**
 * Text is escaped by testing each of toMarkdown's fifty unsafe patterns on it, which is most of
 * printing a large model. A pattern matches only where its character is: the patterns whose
 * character the text (with its neighbours) lacks are left out first, which gives the same text.
 */
const text: Handle = (node: Text, parent, state, info) => {
  const all = state.unsafe;
  const around = `${info.before}${node.value}${info.after}`;
  state.unsafe = all.filter((pattern) => around.includes(pattern.character));
  try {
    return defaultHandlers.text(node, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

/** Made once: toMarkdown compiles an extension's patterns on the objects themselves. */
// Frontmatter prints back as written: it only ever opens a document, but a printer must not
// throw on any tree the parser gives.
const PRINT_OPTIONS: Options = {
  extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml'])],
  handlers: { text },
};

const ESCAPED_ALERT = /^(>[ \t]*)\\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]/gim;

const isComment = (node: Nodes) =>
  node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value);

/** The nodes without HTML comments, at any depth: comments are the author's, left out everywhere. */
export function withoutComments<T extends Nodes>(nodes: readonly T[]): T[] {
  return nodes
    .filter((node) => !isComment(node))
    .map((node) => {
      if (!('children' in node)) return node;
      const children = withoutComments(node.children as Nodes[]);
      // `Text. <!-- note -->` leaves no blank at the end of its paragraph.
      const last = children.at(-1);
      if (
        node.type === 'paragraph' &&
        last?.type === 'text' &&
        children.length < node.children.length
      ) {
        children[children.length - 1] = { ...last, value: last.value.trimEnd() };
      }
      return { ...node, children } as T;
    });
}

/** Plain text of a node, with whitespace runs folded, as titles are shown; comments left out. */
export function plainText(node: Nodes): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}

/** A line break written as HTML, as tables must (`Access control<br>and auditing`). */
const HTML_BREAK = /^<br\s*\/?>$/i;

/**
 * mdast-util-to-string's text (values, image alt texts), without HTML comments; a `<br>` is a
 * space. Other HTML stays, as text: a title shows what its author wrote, and keeps its id.
 */
function textOf(node: Nodes): string {
  if (isComment(node)) return '';
  if (node.type === 'html' && HTML_BREAK.test(node.value.trim())) return ' ';
  if ('value' in node) return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
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
