import type { VFile } from 'vfile';
import { z } from 'zod';
import { describeYamlValue, report } from '../model/diagnostics.ts';
import { shortText } from './yaml-text.ts';
import { foldTitle, slugify } from '../model/ids.ts';
import { trailingGroup } from '../model/text-parts.ts';
import {
  DEFAULT_LEVEL,
  LEVEL_ID_PATTERN,
  type Context,
  type Level,
  type Position,
} from '../model/schema.ts';

/**
 * The vocabulary a model declares in its frontmatter: the levels of responsibility a party can
 * hold (`levels`) and the contexts responsibilities vary by (`contexts`). Matrix cells, list
 * items and activity blocks name them by id, name or short name.
 */
const label = (what: string) => shortText(what);

const vocabularyId = (what: string) =>
  label(what).regex(LEVEL_ID_PATTERN, {
    error: (issue) =>
      `Unexpected ${what} \`${String(issue.input)}\`, expected lowercase letters, digits and hyphens (\`${LEVEL_ID_PATTERN.source}\`)`,
  });

export const LevelInputSchema = z.object(
  {
    id: vocabularyId('level `id`'),
    name: label('level `name`'),
    short: label('level `short`').optional(),
    responsible: z.enum(['true', 'false'], {
      error: (issue) =>
        issue.input === undefined
          ? 'Unexpected missing `responsible` on a level, expected `true` (a party at this level is responsible) or `false`'
          : `Unexpected ${describeYamlValue(issue.input)} for level \`responsible\`, expected \`true\` or \`false\``,
    }),
    description: label('level `description`').optional(),
  },
  {
    error: (issue) =>
      `Unexpected ${describeYamlValue(issue.input)} as a level, expected a mapping with \`id\`, \`name\` and \`responsible\``,
  },
);

/** The keys of a context written as a mapping; any other single key is `Name: description`. */
export const CONTEXT_KEYS = ['id', 'name', 'description'];

/**
 * A context is a mapping `{id, name, description?}`, just its name (its id is then the name's
 * slug), or its name and what it means, as glossaries write it: `- IaaS: Infrastructure as a
 * Service, where…`.
 */
export const ContextInputSchema = z.union(
  [
    z.object({
      id: vocabularyId('context `id`'),
      name: label('context `name`'),
      description: label('context `description`').optional(),
    }),
    label('context').transform((name) => ({ id: slugify(name) || 'context', name })),
    z
      .record(z.string(), label('context description'))
      .refine((entry) => {
        const keys = Object.keys(entry);
        return keys.length === 1 && !CONTEXT_KEYS.includes(keys[0]!) && keys[0]!.trim() !== '';
      })
      .transform((entry) => {
        const [name, description] = Object.entries(entry)[0]!;
        return { id: slugify(name) || 'context', name: name.trim(), description };
      }),
  ],
  {
    error: (issue) =>
      `Unexpected ${describeYamlValue(issue.input)} as a context, expected its name, \`Name: what it means\`, or a mapping with \`id\`, \`name\` and an optional \`description\``,
  },
);

export type LevelInput = z.output<typeof LevelInputSchema>;
export type ContextInput = z.output<typeof ContextInputSchema>;

export function toLevel(input: LevelInput): Level {
  return {
    id: input.id,
    name: input.name,
    short: input.short ?? input.name,
    responsible: input.responsible === 'true',
    ...(input.description !== undefined && { description: input.description }),
  };
}

export const defaultLevels = (): Level[] => [{ ...DEFAULT_LEVEL }];

/** The known label a typo most likely meant: within a third of its length in edits, the closest. */
export function closestLabel(text: string, known: Iterable<string>): string | undefined {
  let best: { label: string; distance: number } | undefined;
  for (const label of known) {
    const distance = editDistance(text, label);
    if (
      distance <= Math.max(1, Math.floor(label.length / 3)) &&
      (!best || distance < best.distance)
    ) {
      best = { label, distance };
    }
  }
  return best?.label;
}

/**
 * Levels and contexts named in cells and markers, by id, name or short name, ignoring case
 * and spacing; with the closest known name for a typo.
 */
export class Vocabulary<T extends { id: string; name: string; short?: string }> {
  readonly #byLabel = new Map<string, T>();
  readonly items: readonly T[];

  constructor(items: readonly T[]) {
    this.items = items;
    for (const item of items) {
      for (const text of [item.id, item.name, item.short]) {
        if (text !== undefined && !this.#byLabel.has(foldTitle(text))) {
          this.#byLabel.set(foldTitle(text), item);
        }
      }
    }
  }

  find(text: string): T | undefined {
    return this.#byLabel.get(foldTitle(text));
  }

  /**
   * What a heading or a column header names, which often says more than the name:
   * `AWS responsibility ("Security of the cloud")`, `IaaS (Infrastructure as a Service)`.
   */
  findInHeader(text: string): T | undefined {
    for (const form of headerForms(text)) {
      const found = this.find(form);
      if (found) return found;
    }
    return undefined;
  }

  /** "did you mean `x`?" when a known label is close to the text, else "one of" the known ids. */
  hint(text: string): string {
    const closest = closestLabel(foldTitle(text), this.#byLabel.keys());
    const match = closest === undefined ? undefined : this.#byLabel.get(closest);
    if (match) return `did you mean \`${match.id}\`?`;
    return `one of ${this.items.map((item) => `\`${item.id}\``).join(', ')}`;
  }
}

/** A header's text, then without a closing aside in brackets or quotes, then without "responsibility". */
export function headerForms(text: string): string[] {
  const bare = withoutClosingAside(text.trimEnd()).trim();
  const role = withoutRoleWord(bare).trim();
  return [...new Set([text, bare, role])].filter(Boolean);
}

/** `Customer (tenant)`, `Customer "you"`: the text before an aside that closes it. */
function withoutClosingAside(text: string): string {
  const group = trailingGroup(text);
  if (group) return group.head;
  for (const [open, close] of [
    ['"', '"'],
    ['“', '”'],
  ] as const) {
    if (!text.endsWith(close) || text.length < 2) continue;
    const start = text.lastIndexOf(open, text.length - 2);
    if (start !== -1) return text.slice(0, start);
  }
  return text;
}

/** `Customer's responsibility`, `Provider role`: the party's name before the word. */
function withoutRoleWord(text: string): string {
  const word = ROLE_WORD.exec(text);
  if (!word) return text;
  const head = text.slice(0, word.index);
  return /['’]s$/.test(head) ? head.slice(0, -2) : head;
}
const ROLE_WORD = /\s(?:responsibilit(?:y|ies)|responsible|role|duties)$/i;

/** Levenshtein distance, for suggestions between short labels. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.max(a.length, b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * A level named like a party or a context (`levels: [{ id: customer, name: Customer }]` beside
 * the party Customer): a cell "Provider" could then be read as a party or as a level, and a
 * page would say the provider holds a duty at level "Customer". An error at the level.
 */
export function checkLevelNames(
  file: VFile,
  levels: ReadonlyArray<{ id: string; name: string; short: string }>,
  parties: ReadonlyArray<{ id: string; name: string; short?: string | undefined }>,
  contexts: ReadonlyArray<{ id: string; name: string }>,
  positionOf: (index: number) => Position,
): boolean {
  const taken = new Map<string, string>();
  for (const party of parties) {
    for (const label of [party.id, party.name, party.short]) {
      if (label) taken.set(label.toLowerCase(), `the party \`${party.name}\``);
    }
  }
  for (const context of contexts) {
    for (const label of [context.id, context.name]) {
      taken.set(label.toLowerCase(), `the context \`${context.name}\``);
    }
  }
  let distinct = true;
  levels.forEach((level, index) => {
    const clash = [level.id, level.name, level.short].find((label) =>
      taken.has(label.toLowerCase()),
    );
    if (clash === undefined) return;
    distinct = false;
    report(
      file,
      'level-name-taken',
      `Unexpected level \`${level.name}\`, which shares \`${clash}\` with ${taken.get(clash.toLowerCase())}, expected levels named for the degree a party holds, such as \`owns\`, \`shares\` and \`supports\`: a cell or a page could not tell the one from the other`,
      positionOf(index),
    );
  });
  return distinct;
}

/**
 * A context named like a party (`contexts: [Customer]` beside the party Customer): a grid's
 * column `Customer` or a cell `Provider (customer)` could be read as either. An error at the
 * context.
 */
export function checkContextNames(
  file: VFile,
  contexts: ReadonlyArray<{ id: string; name: string }>,
  parties: ReadonlyArray<{ id: string; name: string; short?: string | undefined }>,
  positionOf: (index: number) => Position,
): boolean {
  const taken = new Map<string, string>();
  for (const party of parties) {
    for (const label of [party.id, party.name, party.short]) {
      if (label) taken.set(label.toLowerCase(), party.name);
    }
  }
  let distinct = true;
  contexts.forEach((context, index) => {
    const clash = [context.id, context.name].find((label) => taken.has(label.toLowerCase()));
    if (clash === undefined) return;
    distinct = false;
    report(
      file,
      'context-name-taken',
      `Unexpected context \`${context.name}\`, which shares \`${clash}\` with the party \`${taken.get(clash.toLowerCase())}\`, expected contexts named for where a duty varies (a service model, a layer, an option: \`${context.name}-managed\`, \`Dedicated\`): a column or a cell could not tell the one from the other`,
      positionOf(index),
    );
  });
  return distinct;
}

/** Two levels or two contexts with the same id: an error at the second, naming the first. */
export function checkUniqueIds(
  file: VFile,
  items: ReadonlyArray<{ id: string }>,
  what: 'level' | 'context',
  positionOf: (index: number) => Position,
): boolean {
  const seen = new Map<string, number>();
  let unique = true;
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, index);
      return;
    }
    unique = false;
    report(
      file,
      what === 'level' ? 'level-id-duplicate' : 'context-id-duplicate',
      `Unexpected duplicate ${what} id \`${item.id}\`, expected each ${what} to have its own id`,
      positionOf(index),
      {
        reason: `${what === 'level' ? 'Level' : 'Context'} \`${item.id}\` first declared here`,
        place: positionOf(first),
      },
    );
  });
  return unique;
}

export type { Context, Level };
