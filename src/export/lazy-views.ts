import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { escapeForScript } from '../search/build-index.ts';
import { viewOfAnchor } from '../site/links.ts';

/**
 * A view the browser does not build until it is shown. With scripting on, the HTML parser
 * reads a `<noscript>`'s content as plain text, far faster than building its elements, and
 * the page script builds the view from that text when the address names it: a file of ten
 * thousand activities opens in a fraction of the time. With scripting off, the parser builds
 * the content as usual, and CSS alone shows the targeted view.
 */
export function lazyView(view: Element): string {
  // The text ends at the first `</noscript`, which markup may hold in an attribute (a title):
  // as a character reference it means the same once parsed, and ends nothing.
  const html = toHtml(view).replace(/<\/(noscript)/gi, '&lt;/$1');
  return `<noscript data-view="${String(view.properties.id)}">${html}</noscript>`;
}

/**
 * Anchors that viewOfAnchor places in the wrong view (an item's former id, kept where the item is
 * now), so that the page script finds the view to build for them: `{anchor: view}` as JSON.
 */
export function anchorsOutsideTheRule(views: readonly Element[]): string {
  const exceptions: Record<string, string> = {};
  for (const view of views) {
    const own = String(view.properties.id);
    visit(view, 'element', (element) => {
      const { id } = element.properties;
      if (typeof id === 'string' && viewOfAnchor(id) !== own) exceptions[id] = own;
    });
  }
  return escapeForScript(JSON.stringify(exceptions));
}
