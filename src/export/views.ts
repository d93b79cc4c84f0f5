import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { anchorInSingleFile, routeOf } from '../site/links.ts';

/** Attributes that name other elements by id: they follow the ids when a view renames them. */
const ID_REFERENCES = [
  'htmlFor',
  'ariaLabelledBy',
  'ariaDescribedBy',
  'ariaControls',
  'ariaOwns',
  'headers',
  'list',
];

export interface LinkTarget {
  /** Where links to pages that are not views go (downloads, search), or undefined to drop them. */
  outside: (route: string) => string | undefined;
  /** Routes that are views of the single file. */
  views: ReadonlySet<string>;
}

/**
 * One page of the multi-page site, as a view of the single file: its main content in a
 * section with the view's id. Ids inside get the view's id in front, so that thousands of
 * pages' `#responsibility`s stay distinct, and every link to a page becomes a link to its view.
 */
export function pageToView(page: Root, route: string, links: LinkTarget): Element | undefined {
  const content = select('main .wrap', page);
  if (!content) return undefined;
  const view = anchorInSingleFile(route);
  removePagesOnly(content);
  rewrite(content, route, links, (id) => `${view}__${id}`);
  const heading = select('h1', content);
  return {
    type: 'element',
    tagName: 'section',
    properties: {
      className: ['view'],
      id: view,
      dataTitle: heading ? toString(heading).trim() : '',
    },
    children: content.children,
  };
}

/** Rewrite the links of the page's frame (header, footer), which sit outside every view. */
export function rewriteFrame(node: Element, links: LinkTarget): void {
  rewrite(node, '', links, (id) => id);
  visit(node, 'element', (element) => {
    delete element.properties.ariaCurrent;
  });
}

function removePagesOnly(content: Element): void {
  visit(content, 'element', (element, index, parent) => {
    if (element.properties.dataExport === 'pages-only' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
}

function rewrite(
  node: Element,
  route: string,
  links: LinkTarget,
  renameId: (id: string) => string,
): void {
  visit(node, 'element', (element, index, parent) => {
    const { properties } = element;
    if (typeof properties.id === 'string') properties.id = renameId(properties.id);
    for (const name of ID_REFERENCES) {
      const value = properties[name];
      if (Array.isArray(value)) properties[name] = value.map((id) => renameId(String(id)));
      else if (typeof value === 'string')
        properties[name] = value.split(/\s+/).map(renameId).join(' ');
    }
    // A field showing a link (the permalink) follows it like an href.
    if (properties.dataLink !== undefined && typeof properties.value === 'string') {
      properties.value = retarget(properties.value, route, links, renameId) ?? '';
    }
    if (typeof properties.href === 'string') {
      const href = retarget(properties.href, route, links, renameId);
      if (href === undefined && parent && index !== undefined) {
        parent.children.splice(index, 1, ...(element.tagName === 'a' ? [] : element.children));
        return [SKIP, index];
      }
      properties.href = href;
    }
    return undefined;
  });
}

/** Where a link from a page goes in the single file: a view, an anchor in one, or outside. */
function retarget(
  href: string,
  from: string,
  links: LinkTarget,
  renameId: (id: string) => string,
): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
  if (href.startsWith('#')) return href.length > 1 ? `#${renameId(href.slice(1))}` : href;
  const url = new URL(href, `file:///site/${from}`);
  const route = routeOf(decodeURI(url.pathname), '/site/');
  const hash = url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined;
  if (links.views.has(route)) return `#${anchorInSingleFile(route, hash)}`;
  return links.outside(route);
}
