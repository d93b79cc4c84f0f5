import path from 'node:path';

export interface PageRoute {
  pattern: string;
  /** The page's file, relative to the pages folder. */
  file: string;
}

/** Onus's own site has these; a site that takes Onus's pages in has its own. */
const SITE_OWN = new Set(['404.astro']);

/**
 * The routes Astro's file routing would give Onus's pages, under `prefix` (`srm`): a page's
 * path without its extension, `index` for its folder. The same pages, the same URLs, one
 * folder down.
 */
export function pageRoutes(files: readonly string[], prefix: string): PageRoute[] {
  return files
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.(astro|ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .filter((file) => !SITE_OWN.has(file))
    .map((file) => {
      const route = file.replace(/\.(astro|ts|js)$/, '').replace(/(^|\/)index$/, '');
      return { pattern: `/${[prefix, route].filter(Boolean).join('/')}`, file };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}
