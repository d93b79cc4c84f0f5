/**
 * The site's URLs. They are part of the product — pasted into tickets and audit findings — so
 * they are written down once, here, and pinned by tests.
 *
 * A route is a path relative to the site's base, such as `activities/nat/`; `''` is the home.
 */
export const routes = {
  home: () => '',
  matrix: () => 'matrix/',
  search: () => 'search/',
  party: (id: string) => `parties/${encodeURIComponent(id)}/`,
  area: (id: string) => `areas/${encodeURIComponent(id)}/`,
  activity: (id: string) => `activities/${encodeURIComponent(id)}/`,
  modelJson: () => 'model.json',
  matrixCsv: () => 'matrix.csv',
  schema: () => 'model.schema.json',
} as const;

/** Normalise a base path to start and end with `/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The path of a route on the hosted site: `/base/activities/nat/`. */
export function hostedPath(base: string, route: string): string {
  return `${normalizeBase(base)}${route}`;
}

/** The absolute URL of a route when the site's address is known, else its hosted path. */
export function publicUrl(site: string | undefined, base: string, route: string): string {
  const pathname = hostedPath(base, route);
  return site ? new URL(pathname, site).href : pathname;
}
