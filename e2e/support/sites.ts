import path from 'node:path';

/** The sites the browser tests run against, built once by the global setup. */
export const SITES = {
  /** The default content, as `npm run build` builds it. */
  seed: { content: 'content', base: '/' },
} as const;

export type SiteName = keyof typeof SITES;

export const OUTPUT = path.resolve('e2e/.output');

export function siteFolder(name: SiteName): string {
  return path.join(OUTPUT, name);
}
