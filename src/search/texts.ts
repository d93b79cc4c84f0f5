import type { Model } from '../model/index.ts';
import { escapeForScript } from './build-index.ts';
import { librarySearchDocuments } from './documents.ts';

/**
 * The words of each searchable page, by search document id: what search results quote around
 * a match, so that a result says why it is one. A file apart from the index, loaded after the
 * first results, so that it never holds them up.
 */
export function searchTexts(models: readonly Model[]): Record<string, string> {
  return Object.fromEntries(
    models
      .flatMap((model) => librarySearchDocuments(model, models.length > 1))
      .filter((document) => document.text.trim() !== '')
      .map((document) => [document.id, document.text.trim()]),
  );
}

/** As a classic script, which loads from `file://` where `fetch` cannot. */
export function searchTextsScript(models: readonly Model[]): string {
  return `self.onusSearchText=${escapeForScript(JSON.stringify(searchTexts(models)))};\n`;
}
