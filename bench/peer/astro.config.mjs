// @ts-check
// The peer: Astro Starlight, as a documentation site of the same activities usually is.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [starlight({ title: 'Synthetic model' })],
});
