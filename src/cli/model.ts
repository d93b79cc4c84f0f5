import { parseArgs } from 'node:util';
import { loadFiles } from '../io/files.ts';
import { UsageError, type Io } from './io.ts';
import { parseInWorker } from '../io/parse-in-worker.ts';
import { formatReport } from './printable.ts';

export const modelUsage = `Usage: onus model FILE

Prints the responsibility model parsed from one SRM Markdown file as JSON on stdout
(the shape is described by public/model.schema.json). Problems go to stderr; on an
error nothing is printed on stdout and the exit status is 1.`;

export async function model(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length !== 1) {
    throw new UsageError(
      `expected one file, got ${positionals.length === 0 ? 'none' : positionals.length}`,
    );
  }
  const [loaded] = await loadFiles(positionals, io.cwd);
  if (!loaded) throw new UsageError('expected one file');
  const { model: parsed, file } =
    loaded.value instanceof Uint8Array
      ? await parseInWorker(loaded.path, io.cwd, loaded.value)
      : { model: undefined, file: loaded };
  if (file.messages.length > 0) io.stderr(`${formatReport([file], io.color)}\n`);
  if (!parsed) return 1;
  io.stdout(`${JSON.stringify(parsed, null, 2)}\n`);
  return 0;
}
