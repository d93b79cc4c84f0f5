import { fileURLToPath } from 'node:url';

/** The Onus installation itself: where astro.config.mjs and the site's sources live. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
