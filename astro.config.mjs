// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { sitemap } from './src/site/sitemap-integration.ts';

// `onus build` passes base, site and outDir on top of this; plain `astro build` uses it as is.
export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 16 },
  devToolbar: { enabled: false },
  integrations: [sitemap()],
  vite: {
    define: {
      // Bundled build code no longer sits next to the sources: tell it where the client scripts are.
      'import.meta.env.ONUS_CLIENT_DIR': JSON.stringify(
        fileURLToPath(new URL('./src/client/', import.meta.url)),
      ),
    },
  },
});
