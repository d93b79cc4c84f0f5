import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { findModelFiles, loadFiles } from '../io/files.ts';
import { parseInWorker } from '../io/parse-in-worker.ts';
import { hasErrors } from '../model/diagnostics.ts';
import { checkLibrary } from '../model/library.ts';
import type { Model } from '../model/index.ts';
import type { ParseResult } from '../readers/index.ts';
import { ASIDE_FROM_ACTIVITIES, buildSearchIndexAside } from '../search/built-aside.ts';
import { ENV } from '../site/config.ts';
import { libraryDigest } from '../site/library-digest.ts';
import { takeOverParse } from './handoff.ts';

export interface SrmLoaderOptions {
  /** Folder holding the model files, absolute or relative to the project root. */
  directory: string;
  /** Only the model of this id. */
  only?: string | undefined;
}

/** How often `onus dev` looks for a content folder that was moved away. */
const RETURN_POLL_MS = 500;

/** Each file's parse, by the digest of its text: a save parses only what changed. */
const parses = new Map<string, ParseResult>();

/**
 * Astro loader over the model parser: one entry per model file of the content folder (and its
 * subfolders), its id the model's, its data the whole model.
 */
export function srmLoader({ directory, only }: SrmLoaderOptions): Loader {
  if (!directory) throw new Error('srmLoader: `directory` is required');
  return {
    name: 'onus-srm-loader',
    load: async (context) => {
      const root = path.resolve(fileURLToPath(context.config.root), directory);
      const files = await modelFiles(root, directory, only);
      await sync(root, files, context);
      if (!context.watcher) return;
      const watcher = context.watcher;
      const resync = async () => {
        try {
          await sync(root, await modelFiles(root, directory, only), context);
        } catch (error) {
          // In dev the previous content stays up until the files are fixed.
          context.logger.error((error as Error).message);
        }
      };
      // A folder moved away and back is not watched again by itself: look for its return.
      let returning: NodeJS.Timeout | undefined;
      const awaitReturn = () => {
        returning ??= setInterval(() => {
          if (!existsSync(root)) return;
          clearInterval(returning);
          returning = undefined;
          watcher.unwatch(root);
          watcher.add(root);
          void resync();
        }, RETURN_POLL_MS).unref();
      };
      watcher.add(root);
      watcher.on('all', async (event, changed) => {
        const inside = path.relative(root, path.resolve(changed));
        if (inside === '' && event === 'unlinkDir') awaitReturn();
        if (inside.startsWith('..') || path.isAbsolute(inside)) return;
        if (!changed.toLowerCase().endsWith('.md') && event !== 'unlinkDir') return;
        await resync();
      });
    },
  };
}

async function modelFiles(root: string, shownAs: string, only?: string): Promise<string[]> {
  const found = await findModelFiles(root, shownAs, only);
  if ('error' in found) throw new Error(found.error);
  return found.paths;
}

async function sync(root: string, files: readonly string[], context: LoaderContext): Promise<void> {
  // Read as `onus check` reads: a FIFO, a device or a file past the size limit is an error.
  const loaded = await loadFiles(files, process.cwd());
  // The bytes as read (a file that could not be read has none), not a copy of them.
  const texts = loaded.map((file) => (Buffer.isBuffer(file.value) ? file.value : Buffer.alloc(0)));
  const digests = texts.map((text) => context.generateDigest(text.toString('latin1')));
  const digest = context.generateDigest(digests.join(' '));
  if (context.meta.get('digest') === digest && context.store.keys().length > 0) return;

  const results: ParseResult[] = [];
  for (const [index, file] of files.entries()) {
    let parsed = parses.get(digests[index]!);
    if (hasErrors(loaded[index]!)) parsed = { model: undefined, file: loaded[index]! };
    else if (!parsed) {
      parsed =
        (await takeOverParse(file, texts[index]!)) ?? (await parseHere(root, file, texts[index]!));
      parses.set(digests[index]!, parsed);
    }
    results.push(parsed);
  }
  for (const key of parses.keys()) if (!digests.includes(key)) parses.delete(key);
  // The rules across files are checked on files of their own: a parse is kept for as long as
  // its text is unchanged, and must not keep a problem that another file's fix has removed.
  const across = results.map(({ model, file }) => ({
    model: model!,
    file: new VFile({ path: file.path }),
  }));
  if (results.every((result) => result.model)) checkLibrary(across);
  const failed = [...results, ...across].filter((result) => hasErrors(result.file));
  if (failed.length > 0) {
    throw new Error(
      `The model has errors:\n${reporter(
        failed.map((result) => result.file),
        { color: false },
      )}`,
    );
  }
  if (!process.env[ENV.checked]) {
    for (const { file } of results) {
      for (const message of file.messages) context.logger.warn(String(message));
    }
  }

  const models = results.map((result) => result.model!);
  const ids = new Set(models.map((model) => model.id));
  for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
  const stored: Model[] = [];
  for (const [index, model] of models.entries()) {
    const data = await context.parseData({ id: model.id, data: { ...model, order: index } });
    context.store.set({ id: model.id, data, digest: digests[index]! });
    const { order: _order, ...storedModel } = data as Model & { order: number };
    stored.push(storedModel);
  }
  context.meta.set('digest', digest);
  // A build renders its pages next, the search index among them; the dev server on request.
  const activities = models.reduce((sum, model) => sum + model.activities.length, 0);
  if (!context.watcher && activities >= ASIDE_FROM_ACTIVITIES) {
    const entries = models.map((model, index) => ({ id: model.id, digest: digests[index] }));
    buildSearchIndexAside(libraryDigest(entries), stored);
  }
}

/**
 * Without a parse handed over (plain `astro build`, `astro dev`, an edit in dev), parse here:
 * on a thread of its own, within the same time and memory limits as `onus build`, so that no
 * save can hold the dev server or keep it from stopping.
 */
function parseHere(root: string, file: string, text: Buffer): Promise<ParseResult> {
  const source = path.relative(root, file).split(path.sep).join('/');
  return parseInWorker(displayPath(file), process.cwd(), text, source);
}

/** The file as its diagnostics name it: relative to the working folder when it is inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}
