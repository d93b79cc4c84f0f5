import type { ActivityField, Footnote, Position, Reference } from './schema.ts';

/** A piece of text at a place in the file: an id as written, for instance. */
export interface Located {
  id: string;
  position: Position;
}

/** An item's title line: its plain text, and what its `{#id former=… level=…}` says. */
export interface ItemTitle {
  text: string;
  explicitId?: Located;
  formerIds: Located[];
  /** `level=` on a list item: the level its party holds (the default level when absent). */
  level?: Located;
  /** `contexts=` on a list item: where its party holds it. */
  contexts?: Located[];
}

/** An area or activity while the matrix is read, before ids are known. */
export interface ItemDraft {
  /** Folded path and title: equal keys are the same item, whichever party or form gives it. */
  key: string;
  title: string;
  explicitId?: Located;
  formerIds: Located[];
  position: Position;
  /** Filled in once every item is known. */
  id: string;
}

export interface AreaDraft extends ItemDraft {
  kind: 'area';
  parent: AreaDraft | null;
  path: string[];
}

/** A party holding a level of an activity, as a reader found it. */
export interface AssignmentDraft {
  party: string;
  level: string;
  /** Context ids; every context when absent. */
  contexts?: string[];
  note?: string;
  condition?: string;
  footnotes?: Footnote[];
  position: Position;
}

export interface ActivityDraft extends ItemDraft {
  kind: 'activity';
  area: AreaDraft | null;
  description?: string;
  fields?: ActivityField[];
  references: Reference[];
  contexts?: string[];
  assignments: AssignmentDraft[];
}
