import { parseArgs } from 'node:util';
import { reporter } from 'vfile-reporter';
import { parseModel } from '../model/index.ts';
import { loadFiles } from '../io/files.ts';
import type { Io } from './io.ts';

export const checkUsage = `Usage: onus check [FILE|DIR …] [--strict]

Checks SRM Markdown files (default: the content/ folder) and prints every problem as
file:line:column  severity  message  rule-id.

  --strict   also fail on warnings

Exit status: 0 when there is no error, 1 when there is one (or a warning with --strict).`;

export async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { strict: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const files = await loadFiles(positionals.length > 0 ? positionals : ['content'], io.cwd);
  for (const file of files) {
    if (file.value !== undefined) parseModel(file);
  }
  io.stderr(`${reporter(files, { color: io.color })}\n`);

  const messages = files.flatMap((file) => file.messages);
  const failed = messages.some(
    (message) => message.fatal === true || (values.strict && message.fatal === false),
  );
  return failed ? 1 : 0;
}
