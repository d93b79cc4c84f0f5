import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { hasErrors } from '../model/diagnostics.ts';
import { ModelSchema, type Model } from '../model/index.ts';
import { checkLibrary } from '../model/library.ts';
import { loadFiles } from './files.ts';
import { fileAtRevision } from './git.ts';
import { ParseWorker } from './parse-in-worker.ts';
import type { ParseResult } from '../readers/index.ts';

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

/** Markdown model files, parsed on the parse thread as `onus check` parses them, and checked together. */
async function parseFiles(files: VFile[], cwd: string): Promise<ReadRelease> {
  const results = await parseEach(files, cwd);
  if (results.every((result) => result.model)) {
    checkLibrary(results.map(({ model, file }) => ({ model: model!, file })));
  }
  if (results.some((result) => hasErrors(result.file))) {
    return { problems: results.map((result) => result.file) };
  }
  return { models: results.map((result) => result.model!) };
}

/** Each file's parse, on one parse thread; a file that could not be read has no model. */
export async function parseEach(files: readonly VFile[], cwd: string): Promise<ParseResult[]> {
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
  return Promise.all(parses);
}

export async function readModelJson(file: string, shown: string): Promise<ReadRelease> {
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
  const found = await fileAtRevision(revision, relative, cwd);
  if ('error' in found) return { error: `Unexpected \`${given}\`: ${found.error}` };
  if ('missing' in found) {
    return found.missing === 'folder'
      ? {
          error: `Unexpected \`${given}\`, which is a folder in ${revision}, expected a model file`,
        }
      : { error: `Unexpected \`${given}\`: ${found.said}` };
  }
  return parseFiles([gitFile(given, relative, cwd, found.bytes)], cwd);
}

/** A file read from git, named `git:REV:path` in diagnostics. */
export function gitFile(given: string, relative: string, cwd: string, bytes: Buffer): VFile {
  const loaded = new VFile({ path: given, cwd, value: bytes });
  loaded.data.source = path.basename(relative);
  return loaded;
}
