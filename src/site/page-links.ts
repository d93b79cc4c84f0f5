import { linkMode } from './config.ts';
import { makeLinker, type Linker } from './links.ts';
import { pagesBase } from './pages-base.ts';

/** The linker for a page being built, in the mode the build was asked for. */
export function linksFor(pathname: string): Linker {
  return makeLinker(linkMode(), pagesBase(), pathname);
}

/** The route of a built asset from the URL Vite gives it (`/base/_astro/x.css` → `_astro/x.css`). */
export function assetRoute(url: string): string {
  const base = import.meta.env.BASE_URL;
  return url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
}
