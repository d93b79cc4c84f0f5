import type { Model } from '../model/index.ts';
import { declaresLevels } from '../model/schema.ts';

/**
 * What `onus import` reads out of a table before it writes SRM Markdown: a model's parties,
 * vocabulary and activities, with notes and conditions as Markdown. A parsed model is one too,
 * so a grid read by the grid reader is written again as activity blocks by the same writer.
 */
export interface DraftModel {
  title: string;
  description?: string;
  version?: string;
  publisher?: string;
  sourceUrl?: string;
  reviewed?: string;
  parties: ReadonlyArray<{ id: string; name: string; short?: string; scope?: string }>;
  /** Undefined or the default level alone: the frontmatter declares none. */
  levels?: ReadonlyArray<{
    id: string;
    name: string;
    short?: string;
    responsible: boolean;
    description?: string;
  }>;
  contexts: ReadonlyArray<{ id: string; name: string; description?: string }>;
  activities: readonly DraftActivity[];
}

export interface DraftActivity {
  id?: string;
  title: string;
  path: readonly string[];
  description?: string;
  references: ReadonlyArray<{ framework: string; id: string; url?: string }>;
  contexts?: readonly string[];
  assignments: ReadonlyArray<{
    party: string;
    level: string;
    contexts?: readonly string[];
    condition?: string;
    note?: string;
    footnotes?: ReadonlyArray<{ label: string; text: string }>;
  }>;
}

/** A parsed model as a draft, to be written again in another form. */
export function draftOfModel(model: Model): DraftModel {
  return { ...model, ...(!declaresLevels(model) && { levels: undefined }) };
}
