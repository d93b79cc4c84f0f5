import { normalizeBase } from './routes.ts';

/**
 * Where the models' pages are on the site: its base, and, when an Astro site of the author's
 * own publishes them through Onus's integration, the folder it gives them (`/docs/` + `srm/`).
 */
export function pagesBase(): string {
  return `${normalizeBase(import.meta.env.BASE_URL)}${import.meta.env.ONUS_PREFIX}`;
}
