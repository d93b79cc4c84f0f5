// @ts-check
// The floor: the least plain Astro needs to render the same activity pages from a JSON array.
// No content layer, no integrations; the benchmark points BENCH_ACTIVITIES at the data.
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
