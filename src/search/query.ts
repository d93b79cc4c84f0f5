import type { SearchOptions } from 'minisearch';
import { normalizeTerm, QUERY_OPTIONS } from './options.ts';

/**
 * How a query is read: its words, and whether it is a control's id (`A&A-01`, `AC-2`, `8.2.1`),
 * which names one control and is matched as written, not as the words `a`, `a` and `01`.
 */
export interface ReadQuery {
  text: string;
  /** The id as written, lowercased, when the whole query is one. */
  reference?: string;
  options: SearchOptions;
}

/** Letters or digits joined by `&`, `-`, `.`, `/`, `_` or `:`, with a digit somewhere. */
const REFERENCE_ID = /^[\p{L}\p{N}]+(?:[&./_:-][\p{L}\p{N}]+)+$/u;

export function readQuery(query: string): ReadQuery {
  const text = query.trim();
  const reference = REFERENCE_ID.test(text) && /\p{N}/u.test(text) ? text.toLowerCase() : undefined;
  return {
    text,
    ...(reference !== undefined && { reference }),
    options: {
      ...QUERY_OPTIONS,
      // A word is completed as it is typed (the last one) or once it says enough (3 letters):
      // a lone `a` would otherwise match every word that starts with it.
      prefix: (term, index, terms) =>
        term.length >= 3 || (index === terms.length - 1 && term.length >= 2),
    },
  };
}

interface Ranked {
  id: unknown;
  title?: unknown;
  references?: unknown;
}

/**
 * For a query that is a control's id: the results that cite it (in their references), then
 * those whose title holds it as written; the others matched only its pieces and are left out.
 */
export function rankForReference<R extends Ranked>(results: readonly R[], reference: string): R[] {
  const cites = (result: R) =>
    String(result.references ?? '')
      .toLowerCase()
      .split('\n')
      .some((entry) => entry.split(' ').at(-1) === reference);
  const titled = (result: R) =>
    String(result.title ?? '')
      .toLowerCase()
      .includes(reference);
  return [
    ...results.filter(cites),
    ...results.filter((result) => !cites(result) && titled(result)),
  ];
}

/**
 * The words an excerpt marks for a result: the index's terms it matched, except those a query
 * word of one or two letters only began (the prefix of the word being typed is kept); for a
 * control's id, the id as written.
 */
export function termsToMark(query: ReadQuery, matched: readonly string[]): string[] {
  if (query.reference !== undefined) return [query.reference];
  const words = query.text
    .split(/[^\p{L}\p{N}]+/u)
    .map(normalizeTerm)
    .filter(Boolean);
  const last = words.at(-1);
  return matched.filter(
    (term) =>
      words.includes(term) ||
      words.some((word) => word.length >= 3 && term.startsWith(word)) ||
      (last !== undefined && last.length >= 2 && term.startsWith(last)) ||
      // A fuzzy match ("recovry" → "recovery") begins with none of the words.
      words.every((word) => !term.startsWith(word)),
  );
}
