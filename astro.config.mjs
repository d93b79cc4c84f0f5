// @ts-check
import { defineConfig } from 'astro/config';
import { sitemap } from './src/site/sitemap-integration.ts';

// `onus build` passes base, site and outDir on top of this; plain `astro build` uses it as is.
export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  integrations: [sitemap()],
});
