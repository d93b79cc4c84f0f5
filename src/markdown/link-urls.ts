import { createRequire } from 'node:module';
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../model/diagnostics.ts';
import { startOf } from './nodes.ts';

/** The schemes a published link may use; a URL without a scheme is a path or a fragment. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/**
 * The scheme a browser reads in a URL, lower case, or undefined for a relative URL. As the
 * URL standard does: leading and trailing blanks and controls skipped, tabs and line breaks
 * anywhere removed (`java\tscript:` is `javascript:`), `\` read as `/`.
 */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const normalized = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(normalized)?.[1]?.toLowerCase();
}

/** Whether a link to `url` may be published: http(s), mailto, or a path or fragment. */
export function isAllowedLinkUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || LINK_SCHEMES.includes(scheme);
}

/** The URL for an `href`, or undefined when it must not be published (see isAllowedLinkUrl). */
export function safeHref(url: string | undefined): string | undefined {
  return url !== undefined && isAllowedLinkUrl(url) ? url : undefined;
}

/**
 * Attributes of HTML in Markdown that a browser follows or loads: links, a form's target, a
 * frame's or an object's source. An image's `src` is the media rule's (`data:` is fine there).
 */
const HTML_LINK_PROPERTIES = ['href', 'cite', 'action', 'formAction', 'xLinkHref', 'ping', 'data'];
const HTML_SOURCE_PROPERTIES = ['src', 'poster'];
const MEDIA_ELEMENTS = new Set(['img', 'source']);
const HTML_LINK_ATTRIBUTE = /\b(?:href|cite|action|formaction|ping|data|src|poster)\s*=/i;

/**
 * Whether the text can hold a link at all: an inline link `](`, a definition `]:`, an
 * autolink or HTML `<`. GFM's literal autolinks are http(s), mailto or www, all allowed.
 */
export function mayHoldLinks(text: string): boolean {
  return text.includes('](') || text.includes(']:') || text.includes('<');
}

/**
 * An error at each link whose scheme is not allowed — `javascript:`, `data:`, `vbscript:`,
 * `file:` and the rest — in Markdown links, definitions, autolinks and HTML: the site would
 * publish it, and a click would run or open it. Wherever it is written (references, notes,
 * descriptions, prose, grid cells), the model refuses it at its line.
 */
export function checkLinkUrls(file: VFile, tree: Root): void {
  const refuse = (url: string, node: Nodes) =>
    report(
      file,
      'link-scheme',
      `Unexpected link to \`${shorten(url)}\`, expected an \`http:\`, \`https:\` or \`mailto:\` address, a path or a \`#fragment\`: a link with the scheme \`${urlScheme(url)}:\` could run script or open a local file, and is not published`,
      startOf(node),
    );
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') {
      if (!isAllowedLinkUrl(node.url)) refuse(node.url, node);
    } else if (node.type === 'html' && HTML_LINK_ATTRIBUTE.test(node.value)) {
      visit(htmlParser().fromHtml(node.value, { fragment: true }), 'element', (element) => {
        const names = MEDIA_ELEMENTS.has(element.tagName)
          ? HTML_LINK_PROPERTIES
          : [...HTML_LINK_PROPERTIES, ...HTML_SOURCE_PROPERTIES];
        for (const name of names) {
          const value = element.properties[name];
          const urls = Array.isArray(value) ? value.map(String) : [value];
          for (const url of urls) {
            if (typeof url === 'string' && !isAllowedLinkUrl(url)) refuse(url, node);
          }
        }
      });
    }
  });
}

/**
 * hast-util-from-html, loaded the first time a model's HTML holds a link: loading it (and
 * parse5) takes longer than most models' parse, which seldom need it.
 */
let loaded: typeof import('hast-util-from-html') | undefined;
function htmlParser(): typeof import('hast-util-from-html') {
  loaded ??= createRequire(import.meta.url)(
    'hast-util-from-html',
  ) as typeof import('hast-util-from-html');
  return loaded;
}

function shorten(url: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = url.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}
