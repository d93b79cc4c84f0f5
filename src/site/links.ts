import { linkMode } from './config.ts';
import { hostedPath, normalizeBase } from './routes.ts';

/** How pages link: to hosted paths, or relatively to `index.html` files for a site opened from disk. */
export type LinkMode = 'hosted' | 'files';

/** A function from a route (and optional anchor) to the href a given page should use. */
export type Linker = (route: string, hash?: string) => string;

/** The linker for the page at `pathname` (as Astro gives it, base included). */
export function linksFor(
  pathname: string,
  base: string = import.meta.env.BASE_URL,
  mode: LinkMode = linkMode(),
): Linker {
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
  return path === '' || path.endsWith('/') || path.includes('.') ? path : `${path}/`;
}

/** A relative link from one route to another that names files, as `file://` needs. */
export function relativeFile(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  const target = to === '' || to.endsWith('/') ? `${to}index.html` : to;
  return `${'../'.repeat(depth)}${target}`;
}
