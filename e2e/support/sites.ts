import path from 'node:path';

/** The sites the browser tests run against, built (and exported) once by the global setup. */
export const SITES = {
  /** The default content, as `npm run build` builds it. */
  seed: { content: 'content', base: '/' },
  /** Script tags, event handlers, `javascript:` links and breakouts in every field. */
  hostile: { content: 'e2e/fixtures/hostile', base: '/' },
  /** Items renamed with `{#id former=…}`, served under a base path. */
  renamed: { content: 'e2e/fixtures/renamed', base: '/srm/' },
  /** A control catalog of activity blocks: levels, contexts, references, five parties. */
  catalog: { content: 'examples/security-control-catalog.md', base: '/' },
  /** A grid by service model: context columns, shared cells, a footnoted condition. */
  grid: { content: 'examples/cloud-service-models.md', base: '/' },
} as const;

export type SiteName = keyof typeof SITES;

export const OUTPUT = path.resolve('e2e/.output');

/** The content folder of a site: an example file is built alone, from a folder of its own. */
export function contentFolder(name: SiteName): string {
  const { content } = SITES[name];
  return content.endsWith('.md') ? path.join(OUTPUT, `${name}-content`) : content;
}

export function siteFolder(name: SiteName): string {
  return path.join(OUTPUT, name);
}

/** The offline export of a site's content: `<model-id>.html`, `<model-id>/`, `<model-id>.zip`. */
export function exportFolder(name: SiteName): string {
  return path.join(OUTPUT, `${name}-export`);
}

/** Where the hosted site of the seed lives, for its export that knows it (`--site`). */
export const SEED_SITE_URL = 'https://srm.example.com/';

/** The seed exported with `--site`: permalinks and the CSV name the hosted pages. */
export function exportWithSiteFolder(): string {
  return path.join(OUTPUT, 'seed-export-with-site');
}
