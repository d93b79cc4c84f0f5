import MiniSearch from 'minisearch';
import type { Model } from '../model/index.ts';
import { compactIndex, type CompactIndex } from './compact-index.ts';
import { searchDocuments } from './documents.ts';
import { INDEX_OPTIONS } from './options.ts';

/** What the browser gets: the index, and how to label each party in results. */
export interface SearchIndexData {
  index: CompactIndex;
  parties: Record<string, { label: string; color: string }>;
}

/** The search data of a model, built once at build time. */
export function buildSearchIndex(model: Model): SearchIndexData {
  const index = new MiniSearch(INDEX_OPTIONS);
  index.addAll(searchDocuments(model));
  return {
    index: compactIndex(index.toJSON()),
    parties: Object.fromEntries(
      model.parties.map((party, column) => [
        party.id,
        { label: party.short ?? party.name, color: `p${column % 8}` },
      ]),
    ),
  };
}

/**
 * The search data as JSON that can sit inside a `<script>` element or a classic script:
 * `<` and the two line separators JavaScript does not allow in strings are escaped.
 */
export function searchIndexJson(model: Model): string {
  return escapeForScript(JSON.stringify(buildSearchIndex(model)));
}

/** The search data as a classic script, which loads from `file://` where `fetch` cannot. */
export function searchIndexScript(model: Model): string {
  return `self.onusSearchIndex=${searchIndexJson(model)};\n`;
}

export function escapeForScript(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
