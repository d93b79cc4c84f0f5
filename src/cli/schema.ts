import { parseArgs } from 'node:util';
import { frontmatterJsonSchema } from '../readers/frontmatter-schema.ts';
import { diffJsonSchema } from '../diff/changes.ts';
import { modelJsonSchema } from '../model/index.ts';
import { UsageError, type Io } from './io.ts';

export const schemaUsage = `Usage: onus schema [--frontmatter | --diff]

Prints the JSON Schema of the model that \`onus model\` prints.

  --frontmatter   print the JSON Schema of a model file's frontmatter instead, for editors
  --diff          print the JSON Schema of what \`onus diff --json\` prints instead`;

export async function schema(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      frontmatter: { type: 'boolean', default: false },
      diff: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.frontmatter && values.diff) {
    throw new UsageError('expected one of --frontmatter and --diff, not both');
  }
  const printed = values.frontmatter
    ? frontmatterJsonSchema()
    : values.diff
      ? diffJsonSchema()
      : modelJsonSchema();
  io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return 0;
}
