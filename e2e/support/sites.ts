import path from 'node:path';
import { generateCatalog } from '../../bench/catalog.ts';

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
  /** The four examples as one library: a catalog, parties across models, "my stack". */
  library: { content: 'examples', base: '/' },
  /** A 1.2 MB catalog from the benchmark's generator: its pages' words for search come in parts. */
  large: { content: path.join('e2e', '.output', 'large-content'), base: '/', generate: true },
  /** The seed's site grown into a library of two models: its old addresses must still answer. */
  grown: {
    content: ['content/vmware-site-recovery.md', 'examples/cloud-service-models.md'],
    base: '/',
  },
  /**
   * The seed as its version 2.0, built with a plausible earlier release (`--history`), which
   * the tests alone give it: its Changes page, feed, marks and a removed activity's page.
   */
  history: {
    content: 'content/vmware-site-recovery.md',
    base: '/',
    history: 'e2e/fixtures/history',
    release: "version: '2.0'\nreviewed: 2026-06-01\n",
  },
  /** The same in a library: "my stack" lists what changed for a party since a version. */
  historyLibrary: {
    content: ['content/vmware-site-recovery.md', 'examples/cloud-service-models.md'],
    base: '/',
    history: 'e2e/fixtures/history',
    release: "version: '2.0'\nreviewed: 2026-06-01\n",
  },
  /**
   * An author's Starlight site (test/fixtures/starlight-site) with the grid example taken in by
   * `onus/astro` under /docs/srm/: the packed Onus installed into it, built by `astro build`.
   */
  starlight: { content: 'examples/cloud-service-models.md', base: '/docs/', integration: true },
} as const;

export type SiteName = keyof typeof SITES;

/** The model file of a site made by the generator, written by the global setup. */
export function generatedContent(name: SiteName): string | undefined {
  return 'generate' in SITES[name] ? generateCatalog(100) : undefined;
}

export const OUTPUT = path.resolve('e2e/.output');

/** The files a site's content folder is made of, when it is not a folder of the project's. */
export function contentFiles(name: SiteName): readonly string[] {
  const { content } = SITES[name];
  if (typeof content !== 'string') return content;
  return content.endsWith('.md') ? [content] : [];
}

/** The content folder of a site: files are built from a folder of their own. */
export function contentFolder(name: SiteName): string {
  const { content } = SITES[name];
  return contentFiles(name).length > 0 ? path.join(OUTPUT, `${name}-content`) : (content as string);
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
