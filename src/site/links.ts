import { SITE_FOLDERS } from '../model/site-folders.ts';
import { hostedPath, normalizeBase } from './routes.ts';

/**
 * How pages link: to hosted paths; relatively to `index.html` files, for a site opened from
 * disk; or to the views of the single-file export, where every page is a `#section`.
 */
export type LinkMode = 'hosted' | 'files' | 'single';

/** A function from a route (and optional anchor within its page) to the href to use. */
export type Linker = (route: string, hash?: string) => string;

/** The linker for the page at `pathname` (as Astro gives it, base included). Pure: works in the browser too. */
export function makeLinker(mode: LinkMode, base: string, pathname: string): Linker {
  if (mode === 'single') return (route, hash) => `#${anchorInSingleFile(route, hash)}`;
  const fragment = (hash?: string) => (hash ? `#${hash}` : '');
  if (mode === 'hosted') return (route, hash) => `${hostedPath(base, route)}${fragment(hash)}`;
  const here = routeOf(pathname, base);
  return (route, hash) => `${relativeFile(here, route)}${fragment(hash)}`;
}

/** The route of a page from its pathname: `/base/activities/nat/` → `activities/nat/`. */
export function routeOf(pathname: string, base: string): string {
  const prefix = normalizeBase(base);
  const path = pathname.startsWith(prefix)
    ? pathname.slice(prefix.length)
    : pathname.replace(/^\/+/, '');
  const page = path.replace(/index\.html$/, '');
  return page === '' || page.endsWith('/') || page.includes('.') ? page : `${page}/`;
}

/** A relative link from one route to another that names files, as `file://` needs. */
export function relativeFile(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  const target = to === '' || to.endsWith('/') ? `${to}index.html` : to;
  return `${'../'.repeat(depth)}${target}`;
}

/**
 * The id of a page's view in the single-file export. An activity's is its own id, as its
 * permalink promises (`<model>.html#<activity-id>`); every other view starts with `_`, which
 * no activity id can contain, so the two never clash. An anchor within a page gets the view's
 * id and `__` in front.
 */
export function anchorInSingleFile(route: string, hash?: string): string {
  const view = viewOf(route);
  return hash ? `${view}__${hash}` : view;
}

/**
 * The view holding an anchor, by the rule of anchorInSingleFile: a view's own id, or
 * `<view>__<anchor>` inside it. (Former ids, kept inside the view of their item, are the
 * exceptions, which the single file lists.)
 */
export function viewOfAnchor(id: string): string {
  const split = id.indexOf('__');
  return split < 0 ? id : id.slice(0, split);
}

function viewOf(route: string): string {
  const segments = route.replace(/\/$/, '').split('/');
  const [first = ''] = segments;
  if (first !== '' && !SITE_FOLDERS.has(first) && !first.includes('.')) {
    return `${decodeURIComponent(first)}/${localViewOf(segments.slice(1))}`;
  }
  return localViewOf(segments);
}

function localViewOf([kind, id]: readonly string[]): string {
  if (kind === 'activities' && id) return decodeURIComponent(id);
  if (kind === 'parties' && id) return `_party-${decodeURIComponent(id)}`;
  // Areas have no view of their own: their heading in the matrix stands for them.
  if (kind === 'areas' && id) return `_matrix__area-${decodeURIComponent(id)}`;
  if (!kind) return '_overview';
  return `_${kind}`;
}
