import type { Model } from '../model/index.ts';

/** The date an export carries when nothing says when the model changed: a placeholder, so said. */
export const NO_DATE = new Date('1970-01-01T00:00:00Z');

/**
 * When a model was last modified, for the dates an export must carry (OSCAL's
 * `last-modified`, a workbook's own): its review date, else the time SOURCE_DATE_EPOCH gives
 * (reproducible builds), else undefined. Never the time of the build, nor a file's: the same
 * model gives the same bytes.
 */
export function modelModified(model: Pick<Model, 'reviewed'>): Date | undefined {
  if (model.reviewed) return new Date(`${model.reviewed}T00:00:00Z`);
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isInteger(epoch) && epoch > 0 ? new Date(epoch * 1000) : undefined;
}
