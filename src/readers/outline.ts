import type { Heading, Root, RootContent, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../model/diagnostics.ts';
import { foldTitle } from '../model/ids.ts';
import { plainText } from '../markdown/markdown.ts';
import { startOf } from '../markdown/nodes.ts';

export type SectionKind = 'matrix' | 'parties' | 'prose';

export interface OutlineSection {
  kind: SectionKind;
  heading: Heading;
  title: string;
  children: RootContent[];
}

/** A document cut at its level-2 headings. */
export interface Outline {
  frontmatter?: Yaml;
  /** The first level-1 heading, which serves as the title when the frontmatter has none. */
  titleHeading?: Heading;
  /** Content between the top of the document and its first level-2 section. */
  preamble: RootContent[];
  sections: OutlineSection[];
}

const SECTION_TITLES: Record<string, SectionKind> = {
  'responsibility matrix': 'matrix',
  parties: 'parties',
};

export function outlineDocument(file: VFile, root: Root): Outline {
  const outline: Outline = { preamble: [], sections: [] };
  for (const node of root.children) {
    if (node.type === 'yaml' && !outline.frontmatter && root.children[0] === node) {
      outline.frontmatter = node;
    } else if (node.type === 'heading' && node.depth === 2) {
      const title = plainText(node);
      const kind = SECTION_TITLES[foldTitle(title)] ?? 'prose';
      outline.sections.push({ kind, heading: node, title, children: [] });
    } else if (node.type === 'heading' && node.depth === 1 && !outline.titleHeading) {
      outline.titleHeading = node;
    } else {
      if (node.type === 'heading' && node.depth === 1) {
        report(
          file,
          'heading-extra-title',
          'Unexpected second level-1 heading, expected one title per document (it is kept as content)',
          startOf(node),
          {
            reason: 'Title heading here',
            place: outline.titleHeading && startOf(outline.titleHeading),
          },
        );
      }
      (outline.sections.at(-1)?.children ?? outline.preamble).push(node);
    }
  }
  // Without `## Responsibility matrix`, the section a published SRM gives its matrix under.
  if (!outline.sections.some((section) => section.kind === 'matrix')) {
    const likely = outline.sections.find(
      (section) => section.kind === 'prose' && MATRIX_LIKE.test(foldTitle(section.title)),
    );
    if (likely) likely.kind = 'matrix';
  }
  return outline;
}

/** `Shared responsibility matrix`, `Responsibilities`, `RACI matrix`, `Customer responsibility model`… */
const MATRIX_LIKE =
  /^(?:(?:the|shared|customer|security|division of)\s+)*(?:responsibilit(?:y|ies)|raci)(?:\s+(?:matrix|table|model|assignments?|chart))?$/;
