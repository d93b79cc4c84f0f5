import type { Position } from './schema.ts';

/** A piece of text at a place in the file: an id as written, for instance. */
export interface Located {
  id: string;
  position: Position;
}

/** An item's title line: its plain text, and what its `{#id former=…}` says. */
export interface ItemTitle {
  text: string;
  explicitId?: Located;
  formerIds: Located[];
}

/** An area or activity while the matrix is read, before ids are known. */
export interface ItemDraft {
  /** Folded path and title: equal keys are the same item, whichever party lists it. */
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

export interface ActivityDraft extends ItemDraft {
  kind: 'activity';
  area: AreaDraft | null;
  assignments: Map<string, { note?: string; position: Position }>;
}
