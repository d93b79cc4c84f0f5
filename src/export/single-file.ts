import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { anchorInSingleFile } from '../site/links.ts';
import { routes } from '../site/routes.ts';
import { anchorsOutsideTheRule, lazyView } from './lazy-views.ts';
import { pageToView, rewriteFrame, type LinkTarget } from './views.ts';

export interface SingleFileInput {
  /** Pages of the multi-page site for disk, as routes and HTML: the overview first. */
  pages: ReadonlyArray<{ route: string; html: string }>;
  /** Routes without a view of their own whose links go to an anchor in one (areas, in the matrix). */
  standIns: readonly string[];
  /** Former routes (an item's old ids) and the routes they moved to: their anchors keep working. */
  aliases: ReadonlyArray<{ from: string; to: string }>;
  /**
   * The classic scripts of the site, by name (`theme`, `site`, `matrix-filter`, `search`; a
   * library's `library`, with what "my stack" combines).
   */
  scripts: Readonly<Record<'theme' | 'site' | 'matrix-filter' | 'search', string>> & {
    library?: string;
  };
  /** The search data as JSON that is safe inside `<script>`. */
  searchJson: string;
  /** The site's stylesheet. */
  css: string;
  /** The favicon, as SVG text. */
  favicon: string;
  /** Where the hosted site lives (`https://…/base/`), if known: outside links go there. */
  hostedRoot?: string;
}

/**
 * One view at a time. The page script shows the view holding the address's target (`.current`),
 * building it first (see lazyView), and switches the fallback off. Without scripting, CSS alone
 * shows the targeted view, or the overview, which comes last so that `~` can hide it; `:has()`
 * costs little here, where the scripted page never builds the views it would look through.
 */
const VIEW_CSS = '.view{display:none}.view.current{display:block}';
const VIEW_FALLBACK_CSS =
  '.view:target,#_overview{display:block}noscript:has(>.view:target)~#_overview{display:none}';

/**
 * The whole site as one self-contained HTML file: every page a view at `#<id>` (an activity's
 * own id, as on its hosted permalink), with every style, script and the search index inline,
 * so that nothing is requested when it is opened from disk.
 */
export function composeSingleFile(input: SingleFileInput): string {
  const [first] = input.pages;
  if (!first) throw new Error('No page to put in the single file');
  const views = new Set([...input.pages.map((page) => page.route), ...input.standIns]);
  const links: LinkTarget = {
    views,
    outside: (route) =>
      route === routes.search()
        ? '#'
        : input.hostedRoot
          ? new URL(route, input.hostedRoot).href
          : undefined,
  };

  const sections: Element[] = [];
  let frame: Root | undefined;
  for (const page of input.pages) {
    const tree = fromHtml(page.html);
    const view = pageToView(tree, page.route, links);
    if (view) sections.push(view);
    frame ??= tree;
  }
  if (!frame) throw new Error('No page to take the header and footer from');
  addAliases(sections, input.aliases);

  const header = select('header.site-header', frame);
  const footer = select('footer.site-footer', frame);
  if (!input.hostedRoot && footer) removeAll(footer, 'ul');
  for (const part of [header, footer]) if (part) rewriteFrame(part, links);

  const head = select('head', frame)!;
  const keep = (selector: string) =>
    selectAll(selector, head)
      .map((node) => toHtml(node))
      .join('');
  // The overview goes last: see VIEW_FALLBACK_CSS.
  const [overview, ...others] = sections;
  const main = `<main id="main" tabindex="-1"><div class="wrap">${others.map(lazyView).join('')}${overview ? toHtml(overview) : ''}</div></main>`;
  const html = (node: Element | undefined) => (node ? toHtml(node) : '');

  return [
    '<!doctype html>',
    '<html lang="en" data-onus-mode="single" data-onus-root="">',
    '<head>',
    '<meta charset="utf-8">',
    keep('meta[name="viewport"], title, meta[name="description"], meta[name="color-scheme"]'),
    `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(input.favicon)}">`,
    `<style>${input.css}\n${VIEW_CSS}</style>`,
    `<style id="onus-views-fallback">${VIEW_FALLBACK_CSS}</style>`,
    inlineScript(input.scripts.theme),
    '</head>',
    '<body>',
    '<a class="skip-link" href="#main">Skip to content</a>',
    html(header),
    main,
    html(footer),
    `<script type="application/json" id="onus-view-anchors">${anchorsOutsideTheRule(others)}</script>`,
    `<script type="application/json" id="onus-search-index">${input.searchJson}</script>`,
    inlineScript(input.scripts.site),
    inlineScript(input.scripts['matrix-filter']),
    inlineScript(input.scripts.search),
    ...(input.scripts.library ? [inlineScript(input.scripts.library)] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** An old anchor, as an empty element inside where the item is now, which the view script follows. */
function addAliases(sections: readonly Element[], aliases: SingleFileInput['aliases']): void {
  if (aliases.length === 0) return;
  const byId = new Map<string, Element>();
  for (const section of sections) {
    visit(section, 'element', (element) => {
      if (typeof element.properties.id === 'string') byId.set(element.properties.id, element);
    });
  }
  for (const { from, to } of aliases) {
    const target = byId.get(anchorInSingleFile(to));
    if (!target) continue;
    const holder =
      target.tagName === 'tr' ? target.children.find((child) => child.type === 'element') : target;
    if (holder?.type !== 'element') continue;
    holder.children.unshift({
      type: 'element',
      tagName: 'span',
      properties: { id: anchorInSingleFile(from) },
      children: [],
    });
  }
}

function inlineScript(code: string): string {
  // `</script` would end the element early; `<\/` means the same inside JavaScript strings.
  return `<script>${code.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
}

function removeAll(node: Element, tagName: string): void {
  node.children = node.children.filter(
    (child) => child.type !== 'element' || child.tagName !== tagName,
  );
  for (const child of node.children) if (child.type === 'element') removeAll(child, tagName);
}
