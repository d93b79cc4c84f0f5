import path from 'node:path';
import type { AstroUserConfig } from 'astro';
import { SOURCE_ROOT } from '../io/project-root.ts';
import { sitemap } from './sitemap-integration.ts';

/** What the site's modules read at build time, which no file of theirs can know by itself. */
export function onusDefines(prefix = ''): Record<string, string> {
  return {
    'import.meta.env.ONUS_PREFIX': JSON.stringify(prefix),
    // Bundled build code no longer sits next to the sources: tell it where the client scripts are.
    'import.meta.env.ONUS_CLIENT_DIR': JSON.stringify(path.join(SOURCE_ROOT, 'client')),
  };
}

/**
 * Onus's own Astro configuration: `onus build`, `onus export` and `onus dev` pass it inline
 * (the package has no config file to read), and the checkout's astro.config.mjs is this too.
 */
export function onusAstroConfig(): AstroUserConfig {
  return {
    trailingSlash: 'always',
    build: { format: 'directory', concurrency: 16 },
    devToolbar: { enabled: false },
    integrations: [sitemap()],
    vite: { define: onusDefines() },
  };
}
