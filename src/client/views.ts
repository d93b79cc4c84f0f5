import { viewOfAnchor } from '../site/links.ts';
import { homeRoute, matrixRoute, searchRoute } from '../site/routes.ts';
import { hrefFor, pageContext } from './page.ts';

/** Dispatched on a view of the single file once it is built, for the scripts that enhance it. */
export const VIEW_BUILT = 'onus:view-built';

/**
 * In the single-file export, every page is a view: show the one holding the address's target
 * (the overview when there is none), building it from its source first, scroll to the target,
 * and title the tab after the view.
 */
export function followViews(): void {
  if (pageContext().mode !== 'single') return;
  const overview = document.getElementById('_overview');
  const fallback = document.getElementById('onus-views-fallback') as HTMLStyleElement | null;
  if (!overview) return;
  const find = anchorFinder();
  const base = document.title;
  let current: HTMLElement | undefined;
  const show = (moved: boolean) => {
    const id = decodeFragment(location.hash.slice(1));
    const target = id ? find(id) : null;
    // An anchor outside every view (the skip link's) leaves the view as it is.
    if (target && !target.closest('.view') && current) return;
    const view = target?.closest<HTMLElement>('.view') ?? overview;
    notFound(overview, id && !target ? id : undefined);
    if (view !== current) {
      current?.classList.remove('current');
      view.classList.add('current');
      current = view;
      document.title =
        view.dataset.title && view !== overview ? `${view.dataset.title} · ${base}` : base;
    }
    if (target && target !== view) target.scrollIntoView();
    else scrollTo(0, 0);
    // As a page load would: the reader (and a screen reader) lands on what was opened.
    if (moved) focusOn(target && target !== view ? target : (view.querySelector('h1') ?? view));
  };
  addEventListener('hashchange', () => show(true));
  show(false);
  if (fallback) fallback.disabled = true;
}

/**
 * A fragment as the id it names. A malformed escape (`#c-one%`) is no id of this file: it is
 * taken as written, and said to be not found, rather than stopping the script.
 */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function focusOn(element: Element): void {
  if (!(element instanceof HTMLElement)) return;
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
}

/** The matrix of a model's file; a library's file has one per model, and a catalog of them. */
function browse(): string {
  const matrix = document.querySelector('#_matrix, noscript[data-view="_matrix"]');
  return matrix
    ? `<a href="${hrefFor(matrixRoute())}">browse the matrix</a>`
    : `<a href="${hrefFor(homeRoute())}">browse the catalog</a>`;
}

/**
 * A cited anchor this file does not hold (renamed, removed, mistyped) must not pass silently
 * for the overview: say so above it, and offer the ways to find the item.
 */
function notFound(overview: HTMLElement, id: string | undefined): void {
  let notice = document.getElementById('onus-not-found');
  if (!id) {
    notice?.remove();
    return;
  }
  if (!notice) {
    notice = document.createElement('div');
    notice.id = 'onus-not-found';
    notice.className = 'not-found-notice';
    notice.setAttribute('role', 'alert');
    overview.before(notice);
  }
  notice.innerHTML = `<p><strong>Not found:</strong> this file holds no item <code></code>.</p><p>The link may be mistyped, or the item renamed or removed since it was cited. <a href="${hrefFor(searchRoute())}">Search this file</a> or ${browse()}; the overview follows.</p>`;
  notice.querySelector('code')!.textContent = `#${id}`;
}

/**
 * The element of an anchor, building its view when it is still a source (see viewOfAnchor;
 * the file lists the anchors outside its rule).
 */
function anchorFinder(): (id: string) => HTMLElement | null {
  const sources = new Map<string, HTMLElement>();
  for (const source of document.querySelectorAll<HTMLElement>('noscript[data-view]')) {
    sources.set(source.dataset.view!, source);
  }
  const listed = document.getElementById('onus-view-anchors')?.textContent;
  const exceptions = new Map<string, string>(Object.entries(listed ? JSON.parse(listed) : {}));
  return (id) => {
    const found = document.getElementById(id);
    if (found) return found;
    const view = exceptions.get(id) ?? viewOfAnchor(id);
    const source = sources.get(view);
    if (!source) return null;
    sources.delete(view);
    source.insertAdjacentHTML('afterend', source.textContent ?? '');
    const built = source.nextElementSibling;
    source.remove();
    built?.dispatchEvent(new CustomEvent(VIEW_BUILT, { bubbles: true }));
    return document.getElementById(id);
  };
}
