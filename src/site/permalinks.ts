import { z } from 'zod';
import type { Model } from '../model/index.ts';
import type { Library } from './library.ts';
import { publicUrl, routes, type ModelRoutes } from './routes.ts';

const PermalinkSchema = z.object({
  kind: z.enum(['activity', 'area', 'party']),
  id: z.string().min(1),
  title: z.string(),
  url: z.string(),
  /** The enclosing area's id, for activities and areas that have one. */
  area: z.string().optional(),
  /** Former ids whose pages redirect here. */
  formerIds: z.array(z.string()).optional(),
});

/** `permalinks.json`: what a site promises to keep answering, to compare a later build with. */
export const PermalinkFileSchema = z.object({
  schemaVersion: z.literal(1),
  model: z.string(),
  permalinks: z.array(PermalinkSchema),
});

/** A library's `permalinks.json`: each model's, as a site of that model alone would publish it. */
export const LibraryPermalinkFileSchema = z.object({
  schemaVersion: z.literal(1),
  models: z.array(PermalinkFileSchema),
});

export type Permalink = z.output<typeof PermalinkSchema>;
export type PermalinkKind = Permalink['kind'];
export type PermalinkFile = z.output<typeof PermalinkFileSchema>;
export type LibraryPermalinkFile = z.output<typeof LibraryPermalinkFileSchema>;

export function libraryPermalinksOf(
  library: Library,
  site: string | undefined,
  base: string,
): LibraryPermalinkFile {
  return {
    schemaVersion: 1,
    models: library.models.map(({ model, routes: scoped }) =>
      permalinksOf(model, site, base, scoped),
    ),
  };
}

/** A model's permalinks; `scoped` are its routes in the site (under its folder in a library). */
export function permalinksOf(
  model: Model,
  site: string | undefined,
  base: string,
  scoped: ModelRoutes = routes,
): PermalinkFile {
  const url = (route: string) => publicUrl(site, base, route);
  const withFormer = (formerIds: string[] | undefined) => (formerIds ? { formerIds } : {});
  const within = (area: string | null) => (area ? { area } : {});
  return {
    schemaVersion: 1,
    model: model.id,
    permalinks: [
      ...model.activities.map((activity) => ({
        kind: 'activity' as const,
        id: activity.id,
        title: activity.title,
        url: url(scoped.activity(activity.id)),
        ...within(activity.area),
        ...withFormer(activity.formerIds),
      })),
      ...model.areas.map((area) => ({
        kind: 'area' as const,
        id: area.id,
        title: area.title,
        url: url(scoped.area(area.id)),
        ...within(area.parent),
        ...withFormer(area.formerIds),
      })),
      ...model.parties.map((party) => ({
        kind: 'party' as const,
        id: party.id,
        title: party.name,
        url: url(scoped.party(party.id)),
      })),
    ],
  };
}
