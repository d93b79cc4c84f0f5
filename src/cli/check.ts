import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { loadFiles } from '../io/files.ts';
import { hasErrors, report } from '../model/diagnostics.ts';
import { checkLibrary, type LibraryEntry } from '../model/library.ts';
import { comparePermalinks, otherModel } from '../site/permalink-diff.ts';
import {
  LibraryPermalinkFileSchema,
  PermalinkFileSchema,
  type PermalinkFile,
} from '../site/permalinks.ts';
import { UsageError, type Io } from './io.ts';
import { FORMATS, githubReport, jsonReport, type Format } from './formats.ts';
import { ParseWorker } from '../io/parse-in-worker.ts';
import { formatReport } from './printable.ts';

export const checkUsage = `Usage: onus check [FILE|DIR …] [--strict] [--no-library] [--against OLD] [--format FORMAT]

Checks SRM Markdown files (default: the content/ folder) and prints every problem as
file:line:column  severity  message  rule-id.

  --strict          also fail on warnings
  --no-library      check each file on its own. By default the models of a folder are checked
                    as the models of one site, as onus build reads a content folder: also one
                    id per model and one name per party id (files named alone are each their own)
  --against OLD     compare the model's permalinks with an earlier build's (its permalinks.json,
                    or the built site's folder): a permalink that disappeared or now names
                    something else is an error
  --format FORMAT   text (default, on stderr); json (an array of messages on stdout); github
                    (GitHub Actions annotations on stdout, the text report on stderr)

Exit status: 0 when there is no error, 1 when there is one (or a warning with --strict).`;

export async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      strict: { type: 'boolean', default: false },
      library: { type: 'boolean' },
      against: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
    allowPositionals: true,
    allowNegative: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got \`${values.format}\``);
  }
  const files = await loadFiles(positionals.length > 0 ? positionals : ['content'], io.cwd);
  // Every file goes to the parse thread at once; the answers are taken in order.
  const parser = new ParseWorker();
  const parses = files.map((loaded) =>
    loaded.value instanceof Uint8Array
      ? parser.parse({
          path: loaded.path,
          cwd: io.cwd,
          bytes: loaded.value,
          source: loaded.data.source,
        })
      : undefined,
  );
  parser.close();
  const checked = new Set<string>();
  const parsedModels: LibraryEntry[] = [];
  let old: PermalinkFile[] | undefined;
  for (const [index, parse] of parses.entries()) {
    if (!parse) continue;
    const { model, file } = await parse;
    files[index] = file;
    if (model) parsedModels.push({ model, file });
    if (model && values.against !== undefined) {
      old ??= await readPermalinks(path.resolve(io.cwd, values.against), values.against, file);
      if (!old) continue;
      // A site of one model compares with that model whatever its id; a library, model by model.
      const earlier =
        old.length === 1 && files.length === 1
          ? old[0]
          : old.find((entry) => entry.model === model.id);
      const other = earlier && otherModel(earlier, model);
      if (other) {
        report(file, 'permalinks-other-model', other, { line: 1, column: 1 });
      } else {
        for (const problem of earlier ? comparePermalinks(earlier, model) : []) {
          report(file, problem.ruleId, problem.reason, problem.place);
        }
      }
      checked.add(earlier?.model ?? model.id);
    }
  }
  // A model whose file failed to parse is not missing: its errors say what is wrong.
  const [first] = files;
  const missingModels =
    first && !files.some(hasErrors)
      ? (old?.filter((entry) => !checked.has(entry.model)) ?? [])
      : [];
  for (const missing of missingModels) {
    report(
      first!,
      'permalinks-model-missing',
      `Unexpected missing model \`${missing.model}\` of \`${values.against}\`, expected its file among those checked: its ${missing.permalinks.length} permalinks would stop answering`,
      { line: 1, column: 1 },
    );
  }
  const folders = await Promise.all(
    positionals.map((given) =>
      stat(path.resolve(io.cwd, given)).then(
        (info) => info.isDirectory(),
        () => false,
      ),
    ),
  );
  if (values.library ?? folders.every(Boolean)) {
    const entries = parsedModels.filter((entry) => !hasErrors(entry.file));
    if (entries.length > 1) checkLibrary(entries);
  }
  // Counted before the report, which lists at most a hundred messages of a rule.
  const messages = files.flatMap((file) => file.messages);
  if (format === 'json') io.stdout(jsonReport(files));
  if (format === 'github') io.stdout(githubReport(files));
  if (format !== 'json') io.stderr(`${formatReport(files, io.color)}\n`);

  const failed = messages.some(
    (message) => message.fatal === true || (values.strict && message.fatal === false),
  );
  return failed ? 1 : 0;
}

/** An earlier build's permalinks.json (or the folder holding it); problems go on `file`. */
async function readPermalinks(
  absolute: string,
  shown: string,
  file: VFile,
): Promise<PermalinkFile[] | undefined> {
  const unreadable = (why: string) => {
    report(
      file,
      'permalinks-unreadable',
      `Unexpected \`${shown}\` for --against (${why}), expected the permalinks.json of an earlier \`onus build\`, or the folder it built`,
      undefined,
    );
    return undefined;
  };
  const info = await stat(absolute).catch(() => undefined);
  if (!info) return unreadable('no such file or folder');
  const target = info.isDirectory() ? path.join(absolute, 'permalinks.json') : absolute;
  const text = await readFile(target, 'utf8').catch(() => undefined);
  if (text === undefined)
    return unreadable(info.isDirectory() ? 'no permalinks.json in it' : 'cannot be read');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable('not JSON');
  }
  const parsed = PermalinkFileSchema.safeParse(data);
  if (parsed.success) return [parsed.data];
  const library = LibraryPermalinkFileSchema.safeParse(data);
  return library.success ? library.data.models : unreadable('not a permalinks.json');
}
