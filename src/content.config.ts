import { defineCollection } from 'astro:content';
import { ModelMetadataSchema, srmLoader, type SrmCollection } from './loader/srm-loader.ts';
import { ActivitySchema, AreaSchema, PartySchema, SectionSchema } from './model/index.ts';
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
