import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { findModelFile } from '../io/files.ts';
import { z } from 'zod';
import type { ParseResult } from '../model/parse.ts';
import { ModelSchema, type Model } from '../model/schema.ts';
import { ENV } from '../site/config.ts';
import { takeOverParse } from './handoff.ts';

/** The collections one model feeds; `model` holds its one entry of metadata. */
export type SrmCollection = 'model' | 'parties' | 'areas' | 'activities' | 'sections';

export interface SrmLoaderOptions {
  /** Folder holding the one model file, absolute or relative to the project root. */
  directory: string;
  collection: SrmCollection;
}

/**
 * The `model` collection's one entry: the model without its lists, plus how many entries each
 * other collection holds (so pages need not ask for an empty one, which Astro warns about).
 */
export const ModelMetadataSchema = ModelSchema.omit({
  parties: true,
  areas: true,
  activities: true,
  sections: true,
}).extend({
  sizes: z.object({
    parties: z.number().int(),
    areas: z.number().int(),
    activities: z.number().int(),
    sections: z.number().int(),
  }),
});

/** The five collections read the same file: parse it once per version of its text. */
const parses = new Map<string, ParseResult>();

/** Astro loader over the model parser. Each collection stores its part of the model. */
export function srmLoader({ directory, collection }: SrmLoaderOptions): Loader {
  if (!directory) throw new Error('srmLoader: `directory` is required');
  return {
    name: 'onus-srm-loader',
    load: async (context) => {
      const root = path.resolve(fileURLToPath(context.config.root), directory);
      const found = await findModelFile(root, directory);
      if ('error' in found) throw new Error(found.error);

      await sync(found.path, collection, context);
      if (!context.watcher) return;
      // In dev, edits parse here: have the parser loaded before the first one (an edit reports
      // any failure to load it).
      loadParser().catch(() => undefined);
      context.watcher.add(found.path);
      context.watcher.on('change', async (changed) => {
        if (path.resolve(changed) !== found.path) return;
        try {
          await sync(found.path, collection, context);
        } catch (error) {
          // In dev the previous content stays up until the file is fixed; one report is enough.
          if (collection === 'model') context.logger.error((error as Error).message);
        }
      });
    },
  };
}

async function sync(
  file: string,
  collection: SrmCollection,
  context: LoaderContext,
): Promise<void> {
  const text = await readFile(file);
  const digest = context.generateDigest(text.toString('latin1'));
  if (context.meta.get('digest') === digest && context.store.keys().length > 0) return;

  let parsed = parses.get(digest);
  if (!parsed) {
    parsed = (await takeOverParse(file, text)) ?? (await parseHere(file, text));
    parses.clear();
    parses.set(digest, parsed);
  }
  const { model, file: checked } = parsed;
  if (!model) throw new Error(`The model has errors:\n${reporter([checked], { color: false })}`);
  if (collection === 'model' && !process.env[ENV.checked]) {
    for (const message of checked.messages) context.logger.warn(String(message));
  }

  const entries = entriesOf(model, collection);
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
  for (const entry of entries) {
    const data = await context.parseData({ id: entry.id, data: entry as Record<string, unknown> });
    context.store.set({ id: entry.id, data, digest: context.generateDigest(data) });
  }
  context.meta.set('digest', digest);
}

/**
 * Without a parse handed over (plain `astro build`, `astro dev`, an edit in dev), parse here.
 * Loaded on demand: `onus build` parses on another thread, and the parser's modules would only
 * slow down Astro's loading of the content config.
 */
async function parseHere(file: string, text: Buffer): Promise<ParseResult> {
  const { parseModel } = await loadParser();
  return parseModel(new VFile({ path: displayPath(file), value: text }));
}

const loadParser = () => import('../model/parse.ts');

/** The file as its diagnostics name it: relative to the working folder when it is inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

function entriesOf(
  model: Model,
  collection: SrmCollection,
): Array<{ id: string } & Record<string, unknown>> {
  if (collection !== 'model') return model[collection];
  const { parties, areas, activities, sections, ...metadata } = model;
  const sizes = {
    parties: parties.length,
    areas: areas.length,
    activities: activities.length,
    sections: sections.length,
  };
  return [{ ...metadata, sizes }];
}
