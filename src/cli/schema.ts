import { parseArgs } from 'node:util';
import { modelJsonSchema } from '../model/index.ts';
import type { Io } from './io.ts';

export const schemaUsage = `Usage: onus schema

Prints the JSON Schema of the model that \`onus model\` prints.`;

export async function schema(args: string[], io: Io): Promise<number> {
  parseArgs({ args, options: {}, allowPositionals: false });
  io.stdout(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
  return 0;
}
