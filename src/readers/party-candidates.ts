import type { RootContent } from 'mdast';
import { slugify } from '../model/ids.ts';
import { plainText, splitAtHeadings } from '../markdown/markdown.ts';
import type { OutlineSection } from './outline.ts';
import { isGridHeader } from './grid-columns.ts';
import { headerForms } from './vocabulary.ts';

/**
 * The parties a file without frontmatter seems to have: its matrix's `### <party>` headings
 * over lists, and its tables' columns that are not a grid's own. What the error for the
 * missing frontmatter offers to paste, so that a plain Markdown SRM needs one step to check.
 */
export function partyCandidates(sections: readonly OutlineSection[]): string[] {
  const matrix = sections.find((section) => section.kind === 'matrix');
  if (!matrix) return [];
  const names = new Map<string, string>();
  const add = (header: string) => {
    // `Customer responsibilities` names the party `Customer`.
    const name = headerForms(header).at(-1) ?? header;
    const id = slugify(name);
    if (id && !names.has(id)) names.set(id, name);
  };
  const tables = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'table') continue;
      for (const cell of node.children[0]?.children ?? []) {
        const text = plainText(cell);
        if (!isGridHeader(text)) add(text);
      }
    }
  };
  const { before, groups } = splitAtHeadings(matrix.children, 3);
  tables(before);
  for (const group of groups) {
    if (group.children.some((node) => node.type === 'list')) add(plainText(group.heading));
    tables(group.children);
  }
  return [...names].slice(0, 12).map(([id, name]) => `{ id: ${id}, name: ${name} }`);
}
