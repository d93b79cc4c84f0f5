import type { Model } from '../model/index.ts';
import { escapeForScript } from './build-index.ts';
import { searchDocuments } from './documents.ts';

/**
 * The words of each searchable page, by search document id: what the full search page quotes
 * around a match, so that a result says why it is one. Loaded only by that page, apart from
 * the index, which the dialog loads on every page.
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
