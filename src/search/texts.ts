import type { Model } from '../model/index.ts';
import { escapeForScript } from './build-index.ts';
import { librarySearchDocuments } from './documents.ts';
import { textPartCount, textPartOf } from './text-parts.ts';

/**
 * The words of each searchable page, by search document id: what search results quote around
 * a match, so that a result says why it is one. Files apart from the index, loaded after the
 * first results, so that they never hold them up.
 */
export function searchTexts(models: readonly Model[]): Record<string, string> {
  return Object.fromEntries(
    models
      .flatMap((model) => librarySearchDocuments(model, models.length > 1))
      .map((document) => [document.id, document.text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
}

/**
 * The texts as classic scripts, one per part (they load from `file://`, where `fetch`
 * cannot), each adding its documents to `self.onusSearchText`.
 */
export function searchTextScripts(models: readonly Model[]): string[] {
  const texts = searchTexts(models);
  const parts: Array<Record<string, string>> = Array.from(
    { length: textPartCount(Object.values(texts)) },
    () => ({}),
  );
  for (const [id, text] of Object.entries(texts)) parts[textPartOf(id, parts.length)]![id] = text;
  return parts.map(
    (part) => `Object.assign(self.onusSearchText??={},${escapeForScript(JSON.stringify(part))});\n`,
  );
}
