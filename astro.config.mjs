// @ts-check
import { defineConfig } from 'astro/config';
import { onusAstroConfig } from './src/site/astro-config.ts';

// `onus build` passes this same configuration inline, with base, site and outDir on top of it;
// plain `astro build` in the checkout reads it here.
export default defineConfig(onusAstroConfig());
