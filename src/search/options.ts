import type { Options, SearchOptions } from 'minisearch';
import { routes } from '../site/routes.ts';

export type SearchKind = 'activity' | 'area' | 'party' | 'section';

/** What is indexed of a page; `kind`, `title`, `path` and `parties` are also stored to show results. */
export interface SearchDocument {
  /** An activity's own id; `_area/<id>`, `_party/<id>` or `_section/<id>` for the rest (`_` is never in an activity id). */
  id: string;
  kind: SearchKind;
  title: string;
  /** Titles of the enclosing areas, joined with ` › `. */
  path: string;
  /** Ids of the responsible parties, space-separated (for labels). */
  parties: string;
  /** Names and short names of those parties (searched, not stored). */
  partyNames: string;
  /** Notes, descriptions or prose as plain text (searched, not stored). */
  text: string;
  /** The controls an activity answers, `<framework> <id>` a line each (searched and stored). */
  references: string;
  /** The levels (when the model declares its own) and contexts its parties hold it at. */
  holds: string;
}

export function documentId(kind: SearchKind, key: string): string {
  return kind === 'activity' ? key : `_${kind}/${key}`;
}

/** The model of a document of a library's index: its id's first part. */
export function documentModel(id: string): string {
  return id.slice(0, id.indexOf('/'));
}

/**
 * Where a search result leads: its page's route, and an anchor on it for prose. In a
 * library's index (`library`), the id starts with the model's.
 */
export function documentRoute(
  id: string,
  kind: SearchKind,
  library = false,
): { route: string; hash?: string } {
  const model = library ? documentModel(id) : '';
  const local = library ? id.slice(model.length + 1) : id;
  const scope = library ? `${encodeURIComponent(model)}/` : '';
  const key = kind === 'activity' ? local : local.slice(`_${kind}/`.length);
  if (kind === 'area') return { route: `${scope}${routes.area(key)}` };
  if (kind === 'party') return { route: `${scope}${routes.party(key)}` };
  if (kind === 'section') return { route: scope, hash: `section-${key}` };
  return { route: `${scope}${routes.activity(key)}` };
}

/** Lowercased, with accents dropped: "Données" is found by "donnees". */
export function normalizeTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export const STORED_FIELDS = ['kind', 'title', 'path', 'parties', 'references'] as const;

/** The index's settings: the same at build time and in the browser, as MiniSearch requires. */
export const INDEX_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'path', 'partyNames', 'text', 'references', 'holds'],
  storeFields: [...STORED_FIELDS],
  processTerm: (term) => normalizeTerm(term) || null,
};

const KIND_WEIGHT: Record<SearchKind, number> = {
  activity: 1,
  area: 0.8,
  party: 0.7,
  section: 0.6,
};

/**
 * Prefix matching ("firewal" finds "Firewalls") and typo tolerance ("recovry" finds
 * "recovery"); every word must match, titles count most.
 */
export const QUERY_OPTIONS: SearchOptions = {
  prefix: true,
  fuzzy: (term) => (term.length > 3 ? 0.2 : false),
  combineWith: 'AND',
  // A reference id (`A&A-01`, `8.2.1`) names one control: it outranks any title.
  boost: { title: 3, path: 1.5, partyNames: 1, text: 0.6, references: 6, holds: 0.8 },
  boostDocument: (_id, _term, stored) =>
    KIND_WEIGHT[(stored?.kind as SearchKind) ?? 'activity'] ?? 1,
};
