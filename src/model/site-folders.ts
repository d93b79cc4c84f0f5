/**
 * The folders of a site's own pages. A library's model lives in a folder named after its id,
 * which may therefore not be one of these; a route starting with anything else is a model's.
 */
export const SITE_FOLDERS: ReadonlySet<string> = new Set([
  'activities',
  'areas',
  'parties',
  'matrix',
  'search',
  'search-text',
  'stack',
  'changes',
  'scripts',
  '_astro',
]);
