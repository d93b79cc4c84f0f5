import path from 'node:path';

/** The sites the browser tests run against, built (and exported) once by the global setup. */
export const SITES = {
  /** The default content, as `npm run build` builds it. */
  seed: { content: 'content', base: '/' },
  /** Script tags, event handlers, `javascript:` links and breakouts in every field. */
  hostile: { content: 'e2e/fixtures/hostile', base: '/' },
  /** Items renamed with `{#id former=…}`, served under a base path. */
  renamed: { content: 'e2e/fixtures/renamed', base: '/srm/' },
} as const;

export type SiteName = keyof typeof SITES;

export const OUTPUT = path.resolve('e2e/.output');

export function siteFolder(name: SiteName): string {
  return path.join(OUTPUT, name);
}

/** The offline export of a site's content: `<model-id>.html`, `<model-id>/`, `<model-id>.zip`. */
export function exportFolder(name: SiteName): string {
  return path.join(OUTPUT, `${name}-export`);
}
