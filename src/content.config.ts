// Not `astro:content`: in this file that module drags Astro's whole content runtime through
// Vite before the content can load (a quarter of a second of every build). The function is
// the same one, minus a check for live collections, which Onus does not define.
import { defineCollection } from 'astro/content/config';
import { ModelMetadataSchema, srmLoader, type SrmCollection } from './loader/srm-loader.ts';
import { ActivitySchema, AreaSchema, PartySchema, SectionSchema } from './model/schema.ts';
import { contentDirectory } from './site/config.ts';

const directory = contentDirectory();
const loader = (collection: SrmCollection) => srmLoader({ directory, collection });

export const collections = {
  model: defineCollection({ loader: loader('model'), schema: ModelMetadataSchema }),
  parties: defineCollection({ loader: loader('parties'), schema: PartySchema }),
  areas: defineCollection({ loader: loader('areas'), schema: AreaSchema }),
  activities: defineCollection({ loader: loader('activities'), schema: ActivitySchema }),
  sections: defineCollection({ loader: loader('sections'), schema: SectionSchema }),
};
