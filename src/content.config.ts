// Not `astro:content`: in this file that module drags Astro's whole content runtime through
// Vite before the content can load (a quarter of a second of every build). The function is
// the same one, minus a check for live collections, which Onus does not define.
import { defineCollection } from 'astro/content/config';
import { z } from 'zod';
import { srmLoader } from './loader/srm-loader.ts';
import { ModelSchema } from './model/schema.ts';
import { contentDirectory, onlyModel } from './site/config.ts';

export const collections = {
  /** One entry per model file; `order` keeps the files' path order. */
  models: defineCollection({
    loader: srmLoader({ directory: contentDirectory(), only: onlyModel() }),
    schema: ModelSchema.extend({ order: z.number().int() }),
  }),
};
