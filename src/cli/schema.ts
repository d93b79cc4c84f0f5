import { parseArgs } from 'node:util';
import { frontmatterJsonSchema } from '../readers/frontmatter-schema.ts';
import { modelJsonSchema } from '../model/index.ts';
import type { Io } from './io.ts';

export const schemaUsage = `Usage: onus schema [--frontmatter]

Prints the JSON Schema of the model that \`onus model\` prints.

  --frontmatter   print the JSON Schema of a model file's frontmatter instead, for editors`;

export async function schema(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { frontmatter: { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  const printed = values.frontmatter ? frontmatterJsonSchema() : modelJsonSchema();
  io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return 0;
}
