import { createHash } from 'node:crypto';
import { isBlank, trailingRunStart, trimCharacter } from './text-parts.ts';

/**
 * Ids are permalinks: this rule is part of the format's contract and is pinned by tests, which
 * is why it is written here rather than borrowed from a slug library whose output may change.
 */

/** Ids longer than this are shortened and made unique with a hash of the full form. */
export const MAX_ID_LENGTH = 80;
const HASH_LENGTH = 8;

/**
 * Slug of a title: Latin diacritics dropped, lowercased, every run of characters other than
 * letters and digits turned into one hyphen. Letters of other scripts are kept as they are.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/(?<=[A-Za-z])\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-');
  return trimCharacter(slug, '-');
}

/**
 * The id of an item without an explicit one: its parent's id, then the slug of its title.
 * It depends on nothing but the item's own path and title, so unrelated edits never move it.
 */
export function deriveId(parentId: string | null, title: string): string {
  const slug = slugify(title) || 'item';
  return shorten(parentId ? `${parentId}-${slug}` : slug);
}

/** An explicit id must already be in the form a derived one has, and no longer. */
export function isValidExplicitId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH && slugify(id) === id;
}

function shorten(id: string): string {
  if (id.length <= MAX_ID_LENGTH) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, HASH_LENGTH);
  const cut = wholeCharacters(id, MAX_ID_LENGTH - HASH_LENGTH - 1);
  const head = cut.replace(/-[^-]*$/, '');
  return `${head || cut}-${hash}`;
}

/** The longest start of `text` within `length` UTF-16 units that splits no character in two. */
function wholeCharacters(text: string, length: number): string {
  let end = 0;
  for (const character of text) {
    if (end + character.length > length) break;
    end += character.length;
  }
  return text.slice(0, end);
}

/** Fold a title for comparison: trimmed, whitespace runs folded to one space, case folded. */
export function foldTitle(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface IdMarker {
  /**
   * The id written in `{#id}`, verbatim (the whole content when it is not one token); undefined
   * for a marker of attributes only, such as `{level=shares}`.
   */
  id?: string;
  /** `name=value` pairs after the id, such as `former=old-id` or `level=shares`. */
  attributes: Array<{ name: string; value: string }>;
  /** Offset in the text where the marker starts. */
  start: number;
}

/** Find a trailing `{#id}`, `{#id name=value …}` or `{name=value …}` in an item's text. */
/**
 * The `{…}` that ends a text (blanks after it aside) when it starts with `#` or `name=` and
 * holds no brace: its inside, and where the blanks before it start. Read from the end, not with
 * a pattern, which tried every blank of a long run.
 */
export function trailingMarker(
  text: string,
): { content: string; start: number; open: number } | undefined {
  const end = text.trimEnd().length;
  if (text[end - 1] !== '}') return undefined;
  const open = text.lastIndexOf('{', end - 1);
  if (open === -1 || text.indexOf('}', open) !== end - 1) return undefined;
  const content = text.slice(open + 1, end - 1);
  if (!/^(?:#|[a-z][a-z-]*=)/u.test(content)) return undefined;
  return { content, start: trailingRunStart(text.slice(0, open), isBlank), open };
}

export function findIdMarker(text: string): IdMarker | undefined {
  const marker = trailingMarker(text);
  if (!marker) return undefined;
  const match = { index: marker.start };
  const content = marker.content.trim();
  const hasId = content.startsWith('#');
  const rest = hasId ? content.slice(1).trim() : content;
  const tokens = rest.split(/\s+/).filter(Boolean);
  const id = hasId ? (tokens.shift() ?? '') : undefined;
  // Words without `=` after the id are part of a (wrong) id, not attributes: report it whole.
  if (tokens.some((token) => !token.includes('='))) {
    return { id: rest, attributes: [], start: match.index };
  }
  const attributes = tokens.map((token) => {
    const equals = token.indexOf('=');
    return { name: token.slice(0, equals), value: token.slice(equals + 1) };
  });
  return { ...(id !== undefined && { id }), attributes, start: match.index };
}
