import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** What sets apart the ids of one piece of Markdown's footnotes on a page of many. */
    footnoteKey: string;
  }
}

/** A key for the footnotes of one piece of Markdown: the start of its digest. */
export function footnoteKey(markdown: string): string {
  return createHash('sha256').update(markdown).digest('hex').slice(0, 8);
}

/** remark-rehype's footnote ids, once or twice prefixed (the sanitizer prefixes ids again). */
const FOOTNOTE_ID = /^(?:user-content-)+((?:fn|fnref)-.+|footnote-label)$/;

/**
 * Footnotes whose links lead to them: remark-rehype prefixes their ids, the sanitizer prefixes
 * ids once more but not the links, and two notes on one page would give the same ids. Each id,
 * link and `aria-describedby` of a footnote becomes `user-content-<key>-…`, one per note.
 */
export function rehypeFootnoteLinks() {
  return (tree: Root, file: VFile) => {
    const key = file.data.footnoteKey;
    if (!key) return;
    const rename = (value: string) => {
      const match = FOOTNOTE_ID.exec(value);
      return match ? `user-content-${key}-${match[1]}` : value;
    };
    visit(tree, 'element', (element) => {
      const { id, href, ariaDescribedBy } = element.properties;
      if (typeof id === 'string') element.properties.id = rename(id);
      if (typeof href === 'string' && href.startsWith('#')) {
        element.properties.href = `#${rename(href.slice(1))}`;
      }
      if (Array.isArray(ariaDescribedBy)) {
        element.properties.ariaDescribedBy = ariaDescribedBy.map((value) => rename(String(value)));
      }
    });
  };
}
