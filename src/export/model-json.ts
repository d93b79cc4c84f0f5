import type { Model } from '../model/index.ts';

/** The model as published: `onus model`'s JSON with each activity's `url`. */
export function publishedModel(model: Model, urlOf: (activityId: string) => string): Model {
  return {
    ...model,
    activities: model.activities.map((activity) => ({ ...activity, url: urlOf(activity.id) })),
  };
}
