import MiniSearch from 'minisearch';
import type { Model } from '../model/index.ts';
import { compactIndex, type CompactIndex } from './compact-index.ts';
import { librarySearchDocuments } from './documents.ts';
import { INDEX_OPTIONS } from './options.ts';
import { textPartCount } from './text-parts.ts';

/** What the browser gets: the index, and how to label each party in results. */
export interface SearchIndexData {
  index: CompactIndex;
  parties: Record<string, { label: string; color: string }>;
  /**
   * A library's models, by id: each document's id then starts with its model's and a `/`,
   * and results name their model.
   */
  models?: Record<string, string>;
  /** How many parts the pages' words for excerpts come in (`text-parts.ts`). */
  textParts: number;
}

/** The search data of a site's models, built once at build time. */
export function buildSearchIndex(models: readonly Model[]): SearchIndexData {
  const index = new MiniSearch(INDEX_OPTIONS);
  const library = models.length > 1;
  const texts: string[] = [];
  for (const model of models) {
    const documents = librarySearchDocuments(model, library);
    index.addAll(documents);
    for (const document of documents) texts.push(document.text);
  }
  const parties = new Map(
    models.flatMap((model) => model.parties.map((party) => [party.id, party] as const)),
  );
  return {
    index: compactIndex(index.toJSON()),
    parties: Object.fromEntries(
      [...parties.values()].map((party, column) => [
        party.id,
        { label: party.short ?? party.name, color: `p${column % 8}` },
      ]),
    ),
    ...(library && {
      models: Object.fromEntries(models.map((model) => [model.id, model.title])),
    }),
    textParts: textPartCount(texts),
  };
}

/**
 * The search data as JSON that can sit inside a `<script>` element or a classic script:
 * `<` and the two line separators JavaScript does not allow in strings are escaped.
 */
export function searchIndexJson(models: readonly Model[]): string {
  return escapeForScript(JSON.stringify(buildSearchIndex(models)));
}

/** The search data as a classic script, which loads from `file://` where `fetch` cannot. */
export function searchIndexScript(models: readonly Model[]): string {
  return `self.onusSearchIndex=${searchIndexJson(models)};\n`;
}

export function escapeForScript(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
