/**
 * Small phrasings pages and the browser's scripts share: kept free of imports, so that a client
 * script can use them without bundling the site's modules.
 */

/** `a`, `a and b`, `a, b and c`. */
export function listInWords(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Which edition of a model a page or a printout is of: "version 2026.2, last reviewed
 * 2026-10-15"; empty when the model says neither.
 */
export function editionOf(model: { version?: string; reviewed?: string }): string {
  return [
    model.version && `version ${model.version}`,
    model.reviewed && `last reviewed ${model.reviewed}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The same words starting a sentence. */
export const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
