import { z } from 'zod';
import type { Model } from '../model/index.ts';
import { publicUrl, routes } from './routes.ts';

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

export type Permalink = z.output<typeof PermalinkSchema>;
export type PermalinkKind = Permalink['kind'];
export type PermalinkFile = z.output<typeof PermalinkFileSchema>;

export function permalinksOf(model: Model, site: string | undefined, base: string): PermalinkFile {
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
        url: url(routes.activity(activity.id)),
        ...within(activity.area),
        ...withFormer(activity.formerIds),
      })),
      ...model.areas.map((area) => ({
        kind: 'area' as const,
        id: area.id,
        title: area.title,
        url: url(routes.area(area.id)),
        ...within(area.parent),
        ...withFormer(area.formerIds),
      })),
      ...model.parties.map((party) => ({
        kind: 'party' as const,
        id: party.id,
        title: party.name,
        url: url(routes.party(party.id)),
      })),
    ],
  };
}
