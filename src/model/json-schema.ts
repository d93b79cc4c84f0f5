import { z } from 'zod';
import { ModelSchema } from './schema.ts';

/** The JSON Schema of `onus model`'s output, published as public/model.schema.json. */
export function modelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    ModelSchema.meta({
      title: 'Onus responsibility model',
      description:
        'A shared responsibility model parsed from SRM Markdown, as printed by `onus model` and published as model.json.',
    }),
    { target: 'draft-2020-12' },
  );
}
