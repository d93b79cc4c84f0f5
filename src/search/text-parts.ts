/**
 * The pages' words for search excerpts come in parts, so that a search loads only the parts
 * its results are in: a 5 MB catalog's words are 800 KB gzipped, its 20 results' parts a
 * fraction of that. A document's part follows from its id and the number of parts alone, so
 * the browser needs nothing more than that number, which the index carries. No imports: the
 * search script uses it.
 */

/** About this many characters of words per part (roughly 8 KB gzipped). */
export const TEXT_PART_CHARS = 48_000;

/** How many parts the documents' words make, each document's words trimmed as published. */
export function textPartCount(texts: Iterable<string>): number {
  let chars = 0;
  for (const text of texts) chars += text.trim().length;
  return Math.max(1, Math.ceil(chars / TEXT_PART_CHARS));
}

/** The part a document's words are in: FNV-1a of its id, so that parts come out even. */
export function textPartOf(id: string, parts: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index++) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % parts;
}

/** Where a part is published, beside the index. */
export function textPartPath(part: number): string {
  return `search-text/${part}.js`;
}
