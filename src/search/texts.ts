import type { Model } from '../model/index.ts';
import { escapeForScript } from './build-index.ts';
import { searchDocuments } from './documents.ts';

/**
 * The words of each searchable page, by search document id: what search results quote around
 * a match, so that a result says why it is one. A file apart from the index, loaded after the
 * first results, so that it never holds them up.
 */
export function searchTexts(model: Model): Record<string, string> {
  return Object.fromEntries(
    searchDocuments(model)
      .filter((document) => document.text.trim() !== '')
      .map((document) => [document.id, document.text.trim()]),
  );
}

/** As a classic script, which loads from `file://` where `fetch` cannot. */
export function searchTextsScript(model: Model): string {
  return `self.onusSearchText=${escapeForScript(JSON.stringify(searchTexts(model)))};\n`;
}
