import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { LIMITS } from '../markdown/limits.ts';
import { hasErrors } from '../model/diagnostics.ts';
import { ModelSchema, type Model } from '../model/index.ts';
import { checkLibrary } from '../model/library.ts';
import { loadFiles } from './files.ts';
import { ParseWorker } from './parse-in-worker.ts';

/** A release's models, or why they could not be read: files with diagnostics, or one reason. */
export type ReadRelease = { models: Model[] } | { problems: VFile[] } | { error: string };

/**
 * A release of a model or a library, however it is at hand: an SRM Markdown file, a content
 * folder, a built site (its `model.json`, or a library's `models.json` and each model's), a
 * `model.json` itself, or `git:REV:path`, a file as a git revision of the repository has it.
 */
export async function readRelease(given: string, cwd: string): Promise<ReadRelease> {
  if (given.startsWith('git:')) return readFromGit(given, cwd);
  const absolute = path.resolve(cwd, given);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isDirectory()) {
    if (await isFile(path.join(absolute, 'models.json'))) {
      return readLibrarySite(path.join(absolute, 'models.json'), given);
    }
    if (await isFile(path.join(absolute, 'model.json'))) {
      return readModelJson(path.join(absolute, 'model.json'), `${given}/model.json`);
    }
  } else if (info?.isFile() && given.toLowerCase().endsWith('.json')) {
    return path.basename(absolute) === 'models.json'
      ? readLibrarySite(absolute, given)
      : readModelJson(absolute, given);
  }
  return parseFiles(await loadFiles([given], cwd), cwd);
}

const isFile = (file: string) =>
  stat(file).then(
    (info) => info.isFile(),
    () => false,
  );

/** Markdown model files, parsed on the parse thread as `onus check` parses them. */
async function parseFiles(files: VFile[], cwd: string): Promise<ReadRelease> {
  const parser = new ParseWorker();
  const parses = files.map((loaded) =>
    loaded.value instanceof Uint8Array
      ? parser.parse({
          path: loaded.path,
          cwd,
          bytes: loaded.value,
          source: loaded.data.source ?? path.basename(loaded.path),
        })
      : Promise.resolve({ model: undefined, file: loaded }),
  );
  parser.close();
  const results = await Promise.all(parses);
  if (results.every((result) => result.model)) {
    checkLibrary(results.map(({ model, file }) => ({ model: model!, file })));
  }
  if (results.some((result) => hasErrors(result.file))) {
    return { problems: results.map((result) => result.file) };
  }
  return { models: results.map((result) => result.model!) };
}

async function readModelJson(file: string, shown: string): Promise<ReadRelease> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { error: `Unexpected unreadable \`${shown}\`` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `Unexpected \`${shown}\` that is not JSON: ${(error as Error).message}` };
  }
  const parsed = ModelSchema.safeParse(data);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return {
      error: `Unexpected \`${shown}\` that is not a model.json of Onus (at \`${issue?.path.join('.') || 'the top'}\`: ${issue?.message}), expected what \`onus model\` prints or a built site's model.json`,
    };
  }
  return { models: [parsed.data] };
}

/** A built library: its `models.json` lists the models, each at `<id>/model.json` beside it. */
async function readLibrarySite(file: string, shown: string): Promise<ReadRelease> {
  let listed: { models?: Array<{ id?: unknown }> };
  try {
    listed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return { error: `Unexpected \`${shown}\` that is not a library's models.json` };
  }
  const ids = (listed.models ?? []).map((entry) => entry.id);
  if (ids.length === 0 || !ids.every((id): id is string => typeof id === 'string')) {
    return {
      error: `Unexpected \`${shown}\` that lists no models, expected a library's models.json`,
    };
  }
  const models: Model[] = [];
  for (const id of ids) {
    // An id is a slug: it names a folder beside models.json, never one elsewhere.
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      return { error: `Unexpected model id \`${id}\` in \`${shown}\`` };
    const read = await readModelJson(
      path.join(path.dirname(file), id, 'model.json'),
      `${id}/model.json`,
    );
    if (!('models' in read)) return read;
    models.push(...read.models);
  }
  return { models };
}

/** `git:REV:path`: the file as that revision has it, the path read from the working folder. */
async function readFromGit(given: string, cwd: string): Promise<ReadRelease> {
  const match = /^git:([^:]+):(.+)$/.exec(given);
  if (!match) {
    return {
      error: `Unexpected \`${given}\`, expected \`git:REV:path\`, such as \`git:v1.0:content/model.md\``,
    };
  }
  const [, revision, file] = match as unknown as [string, string, string];
  const relative = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  const object = `${revision}:./${relative}`;
  const type = await git(['cat-file', '-t', object], cwd);
  if ('error' in type) return { error: `Unexpected \`${given}\`: ${type.error}` };
  if (type.output.toString().trim() !== 'blob') {
    return {
      error: `Unexpected \`${given}\`, which is a folder in ${revision}, expected a model file`,
    };
  }
  const shown = await git(['show', object], cwd);
  if ('error' in shown) return { error: `Unexpected \`${given}\`: ${shown.error}` };
  const loaded = new VFile({ path: given, cwd, value: shown.output });
  loaded.data.source = path.basename(relative);
  return parseFiles([loaded], cwd);
}

function git(args: string[], cwd: string): Promise<{ output: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: LIMITS.fileBytes, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ output: stdout });
        const code = (error as NodeJS.ErrnoException).code;
        const said = stderr.toString().trim().split('\n')[0];
        resolve({
          error:
            code === 'ENOENT'
              ? 'git is not installed here'
              : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
                ? `the file is larger than ${LIMITS.fileBytes / 1024 / 1024} MB, the most a model file may be`
                : said || error.message,
        });
      },
    );
  });
}
