import type { VFile } from 'vfile';
import type { ModelBuilder } from '../model/builder.ts';
import { report } from '../model/diagnostics.ts';
import type { Located } from '../model/drafts.ts';
import type { PartyDirectory } from './parties.ts';
import type { Context, Level } from '../model/schema.ts';
import type { Vocabulary } from './vocabulary.ts';
import { splitTrimmed } from '../model/text-parts.ts';

/** What the readers of the matrix section share: the file, the vocabulary, the builder. */
export interface MatrixContext {
  file: VFile;
  /** The file's text, which positions point into. */
  source: string;
  parties: PartyDirectory;
  levels: Vocabulary<Level>;
  contexts: Vocabulary<Context>;
  /** The level of a party listed or named without one. */
  defaultLevel: Level;
  /** Footnote definitions by identifier, as Markdown: the conditions of table cells. */
  footnotes: Map<string, string>;
  builder: ModelBuilder;
}

/** A level named in the file, or undefined after an error that suggests the closest. */
export function resolveLevel(
  context: MatrixContext,
  named: Located,
  /** Where it was named, for the message: ` in a cell`. */
  where = '',
): Level | undefined {
  const level = context.levels.find(named.id);
  if (!level) {
    // `R/A`: a party holds one level; two together are a level of their own, as RACI tables use.
    const parts = splitTrimmed(named.id, /[/,;&+]/)
      .filter(Boolean)
      .map((part) => context.levels.find(part));
    const combined =
      parts.length > 1 && parts.every((part) => part !== undefined)
        ? `a party holds one level: declare \`${named.id}\` as a level of its own, e.g. \`{ id: ${parts.map((part) => part.id).join('-')}, name: ${parts.map((part) => part.name).join(' and ')}, short: ${JSON.stringify(named.id)}, responsible: true }\``
        : undefined;
    report(
      context.file,
      'level-unknown',
      `Unexpected level \`${named.id}\`${where}, expected a level the frontmatter declares: ${combined ?? context.levels.hint(named.id)}`,
      named.position,
    );
  }
  return level;
}

/**
 * The contexts a list names (`PaaS, SaaS`, `IaaS and PaaS`), as written: split at commas and
 * semicolons, and at `and` — except inside a declared context's own name, which may hold it
 * (`Security and regulation compliance`): the longest run of `and`-joined words that names a
 * declared context is one context.
 */
export function contextList(
  context: MatrixContext,
  text: string,
  position: Located['position'],
): Located[] {
  const named: Located[] = [];
  for (const part of text.split(/[,;]/)) {
    // Words between `and`s, split at blanks alone: `\s+and\s+` backtracks on runs of blanks.
    const words: string[] = [];
    let current: string[] = [];
    for (const token of part.trim().split(/\s+/)) {
      if (token.toLowerCase() === 'and' && current.length > 0) {
        words.push(current.join(' '));
        current = [];
      } else current.push(token);
    }
    words.push(current.join(' '));
    let start = 0;
    while (start < words.length) {
      let end = words.length;
      while (end > start + 1 && !context.contexts.find(words.slice(start, end).join(' and '))) {
        end--;
      }
      const id = words.slice(start, end).join(' and ');
      if (id !== '') named.push({ id, position });
      start = end;
    }
  }
  return named;
}

/** Context ids named in the file, or null after an error for each undeclared one. */
export function resolveContexts(
  context: MatrixContext,
  named: Located[],
  where = '',
): string[] | null {
  const ids: string[] = [];
  let ok = true;
  for (const entry of named) {
    const found = context.contexts.find(entry.id);
    if (found) {
      if (!ids.includes(found.id)) ids.push(found.id);
      continue;
    }
    ok = false;
    report(
      context.file,
      'context-unknown',
      context.contexts.items.length === 0
        ? `Unexpected context \`${entry.id}\`${where}, expected none: declare \`contexts\` in the frontmatter first`
        : `Unexpected context \`${entry.id}\`${where}, expected a context the frontmatter declares: ${context.contexts.hint(entry.id)}`,
      entry.position,
    );
  }
  return ok ? ids : null;
}
