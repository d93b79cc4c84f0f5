import type { TableCell } from 'mdast';
import { report } from '../model/diagnostics.ts';
import type { AssignmentDraft } from '../model/drafts.ts';
import { foldTitle, slugify } from '../model/ids.ts';
import { declaresLevels, type Footnote, type Level, type Position } from '../model/schema.ts';
import { splitTrimmed, trailingGroup, trailingRunStart } from '../model/text-parts.ts';
import { plainText } from '../markdown/markdown.ts';
import { startOf } from '../markdown/nodes.ts';
import { conditionalCell, markedCellText, unmark } from './cell-text.ts';
import { resolveContexts, resolveLevel, type MatrixContext } from './matrix-context.ts';

/**
 * What a grid's cell says: in a party's column, that party's level, mark or note; in a
 * context's or an Owner column, who holds the row there, at which level, on what condition.
 */

/** What tables use for "this party": ticks, crosses in the X-marks-the-spot sense, dots. */
export const MARKS = new Set([
  '✓',
  '✔',
  '✅',
  '☑',
  '√',
  'x',
  'yes',
  'y',
  'true',
  '●',
  '•',
  '■',
  '*',
]);
/** …and for "not this party": a crossed-out mark, a dash, a no. */
export const NOTHING = new Set(['', '-', '–', '—', 'no', 'n', 'none', 'false', '❌', '✗', '✘']);
/** Emoji variation selectors (`✔️` is `✔` + U+FE0F) say how to draw a mark, not which. */
const foldMark = (text: string) => foldTitle(text.replace(/[\uFE0E\uFE0F]/g, ''));
const IN_A_CELL = ' in a cell';
export const NOT_APPLICABLE = new Set(['n/a', 'na', 'not applicable']);
const SEPARATORS = /,|;|&|\+|\/|\band\b/i;
/** A cell's text that names who holds a row: a mark, a level, N/A, or party names. */
export function readsAsHolders(context: MatrixContext, text: string): boolean {
  const folded = foldMark(text);
  if (folded.length <= 3 || MARKS.has(folded) || NOTHING.has(folded)) return true;
  if (NOT_APPLICABLE.has(folded) || context.levels.find(text)) return true;
  const parts = splitTrimmed(text.replace(/\(([^()]*)\)/g, ', $1'), SEPARATORS);
  return parts.every(
    (part) => part === '' || context.parties.find(part) || context.levels.find(part),
  );
}

export function readPartyCell(
  context: MatrixContext,
  cell: TableCell,
  party: string,
): AssignmentDraft | undefined {
  const marked = markedCellText(cell, context.footnotes);
  const { text, footnotes } = unmark(marked.text, marked.footnotes);
  const folded = foldMark(text);
  if (NOTHING.has(folded) || NOT_APPLICABLE.has(folded)) return undefined;
  const position = startOf(cell);
  const remarks = footnotes.length > 0 ? { footnotes } : {};
  const held = (level: Level, note?: string): AssignmentDraft => ({
    party,
    level: level.id,
    ...(note && { note }),
    ...remarks,
    position,
  });
  // `Shares: reviews the reports`: a level, then what the party does.
  const labelled = /^([^:()]{1,40}):\s+\S/.exec(text);
  const labelLevel = labelled && levelOrMark(context, labelled[1]!);
  if (labelLevel) return held(labelLevel, noteOf(context, cell, true));
  // `Owns if it runs the cluster`: a level, on a condition.
  const conditional = conditionalCell(text);
  const conditionalLevel =
    conditional && levelOrMark(context, trailingGroup(conditional.head)?.head ?? conditional.head);
  const levelPart = conditionalLevel ? conditional.head : text;
  const condition = conditionalLevel ? { condition: conditional.condition } : {};
  // `Shares (PaaS, SaaS)`: a level in some contexts.
  const match = trailingGroup(levelPart);
  const levelText = match ? match.head : levelPart;
  const known = levelOrMark(context, levelText);
  // A sentence in a party's column, as customer responsibility matrices write them: what that
  // party does there. A word or two that is no level is a typo, and an error.
  if (!known && !match && text.split(/\s+/).length >= PROSE_WORDS) {
    return held(context.defaultLevel, noteOf(context, cell, false));
  }
  const level = known ?? resolveLevel(context, { id: levelText, position }, IN_A_CELL);
  if (!level) return undefined;
  let contexts: string[] | undefined;
  if (match) {
    const named = splitTrimmed(match.inner, SEPARATORS).filter(Boolean);
    const ids = resolveContexts(
      context,
      named.map((id) => ({ id, position })),
      IN_A_CELL,
    );
    if (!ids) return undefined;
    contexts = ids;
  }
  return {
    party,
    level: level.id,
    ...(contexts && { contexts }),
    ...condition,
    ...remarks,
    position,
  };
}

const PROSE_WORDS = 4;
/** Where a footnote mark as a PDF prints it (`¹`, `*`, `†`) ends a name, or -1. */
function footnoteMarkStart(name: string): number {
  const last = name.at(-1);
  if (last === undefined) return -1;
  const start =
    last === '†' || last === '‡'
      ? name.length - 1
      : last === '*'
        ? trailingRunStart(name, (character) => character === '*')
        : trailingRunStart(name, (character) => SUPERSCRIPT_DIGITS.includes(character));
  return start === name.length ? -1 : start;
}
const SUPERSCRIPT_DIGITS = '¹²³⁴⁵⁶⁷⁸⁹⁰';
const EVERY_PARTY = new Set(['both', 'all', 'all parties', 'everyone']);

const levelOrMark = (context: MatrixContext, text: string): Level | undefined =>
  MARKS.has(foldMark(text)) ? context.defaultLevel : context.levels.find(text);

/** A cell's Markdown as a party's note: without its footnote marks (the condition), or its label. */
function noteOf(context: MatrixContext, cell: TableCell, afterLabel: boolean): string {
  const markdown = cellMarkdown(context, cell)
    .replace(/\[\^[^\]\s]+\]/g, '')
    .trim();
  return afterLabel ? markdown.slice(markdown.indexOf(':') + 1).trim() : markdown;
}

/**
 * Who holds the activity in one context's column, or in every context (an `Owner` column). A
 * footnote belongs to the name (or level and its parties) it follows; an `if …` ending the cell
 * is the condition of all the cell assigns.
 */
export function readHoldersCell(
  context: MatrixContext,
  cell: TableCell,
  contextId?: string,
): AssignmentDraft[] {
  const marked = markedCellText(cell, context.footnotes);
  const whole = unmark(marked.text, marked.footnotes).text;
  if (NOTHING.has(foldMark(whole))) return [];
  const position = startOf(cell);
  const named = context.parties.find(whole) ?? context.levels.find(whole);
  const conditional = named ? undefined : conditionalCell(marked.text);
  const body = conditional ? conditional.head : marked.text;
  const ifPart = conditional && unmark(conditional.condition, marked.footnotes);
  const assignments: AssignmentDraft[] = [];
  const add = (party: string, level: Level, footnotes: readonly Footnote[]) => {
    const all = [...footnotes, ...(ifPart?.footnotes ?? [])];
    assignments.push({
      party,
      level: level.id,
      ...(contextId !== undefined && { contexts: [contextId] }),
      ...(ifPart && { condition: ifPart.text }),
      ...(all.length > 0 && { footnotes: all }),
      position,
    });
  };
  const text = unmark(body, marked.footnotes);
  // `Both`, `All`: every party, at the level a party named alone holds.
  if (EVERY_PARTY.has(foldTitle(text.text)) && !named) {
    for (const id of context.parties.ids()) add(id, context.defaultLevel, text.footnotes);
    return assignments;
  }
  // `Shared CSP and CSC`: a level, then the parties holding it (CSA CCM's ownership column).
  const levelFirst = named ? null : /^(\S+)\s+(.+)$/.exec(body);
  const leading = levelFirst && unmark(levelFirst[1]!, marked.footnotes);
  const leadingLevel = leading && context.levels.find(leading.text);
  if (leadingLevel) {
    const names = splitOutsideParentheses(levelFirst![2]!).map((name) =>
      unmark(name, marked.footnotes),
    );
    if (names.every((name) => partyOf(context, name.text))) {
      for (const name of names) {
        add(partyOf(context, name.text)!.id, leadingLevel, [
          ...leading.footnotes,
          ...name.footnotes,
        ]);
      }
      return assignments;
    }
  }
  // A party or level whose name holds a separator (`Research and Development`) is one token.
  const tokens = (named ? [body] : splitOutsideParentheses(body)).map((token) =>
    unmark(token, marked.footnotes),
  );
  if (ifPart && tokens.length > 1) {
    report(
      context.file,
      'cell-condition-ambiguous',
      `Unexpected \`if …\` after ${tokens.length} names in a cell, which could be the condition of the last or of all: for all, name them in a level's brackets (\`${context.defaultLevel.name} (${tokens.map((token) => token.text).join(', ')}) if …\`); for one, give that party an activity block's line (\`- **Customer** if …\`), or a footnote`,
      position,
    );
    return [];
  }
  // `Shared (Provider, Customer)` or `Customer (shares)`.
  for (const { text: token, footnotes } of tokens) {
    const match = trailingGroup(token);
    const head = match ? match.head : token;
    const inner = match ? splitTrimmed(match.inner, SEPARATORS).filter(Boolean) : [];
    const party = partyOf(context, head);
    if (party) {
      const level =
        inner.length > 0
          ? resolveLevel(context, { id: inner.join(' '), position }, IN_A_CELL)
          : context.defaultLevel;
      if (level) add(party.id, level, footnotes);
      continue;
    }
    const level = context.levels.find(head);
    if (level) {
      const parties = inner.length > 0 ? inner : context.parties.ids();
      for (const name of parties) {
        const found = context.parties.find(name);
        if (found) add(found.id, level, footnotes);
        else reportUnknownParty(context, name, position);
      }
      continue;
    }
    reportUnknownParty(context, head, position, true, tokens.length === 1);
  }
  return assignments;
}

/** A party named in a cell: `Customer`, or as ownership columns write it: `CSP-owned`, `owned by CSP`, `3rd-party outsourced`. */
function partyOf(context: MatrixContext, text: string) {
  return (
    context.parties.find(text) ??
    context.parties.find(
      text.replace(/[-\s](?:owned|outsourced|managed|operated)$/i, '').replace(/^owned by\s+/i, ''),
    )
  );
}

function reportUnknownParty(
  context: MatrixContext,
  name: string,
  position: Position,
  orLevel = false,
  alone = false,
): void {
  // `Customer¹`, `Provider*`: a footnote mark as a PDF prints it, which a cell writes `[^1]`.
  const markAt = footnoteMarkStart(name);
  const bare = markAt !== -1 && context.parties.find(name.slice(0, markAt).trim());
  if (bare) {
    report(
      context.file,
      'party-unknown',
      `Unexpected \`${name}\` in a cell, expected a party the frontmatter declares: for \`${bare.name}\` on a condition, write the mark as a footnote, \`${name.slice(0, markAt).trim()}[^1]\`, with \`[^1]: …\` below the table`,
      position,
    );
    return;
  }
  const hint = context.parties.hint(name);
  // `Shared` alone in a cloud provider's table: a level every party holds, once the model names it.
  const declare =
    alone && !hint.startsWith('did you mean') && !declaresLevels({ levels: context.levels.items })
      ? `; or, for a level every party holds, declare it in the frontmatter after the one a party named alone holds: \`levels: [{ id: responsible, name: Responsible, responsible: true }, { id: ${slugify(name) || 'shared'}, name: ${name}, responsible: true }]\``
      : '';
  report(
    context.file,
    'party-unknown',
    `Unexpected \`${name}\` in a cell, expected a party${orLevel ? ' or a level' : ''} the frontmatter declares: ${hint}${declare}`,
    position,
  );
}

/** Split a cell's text on `,` `;` `&` `+` `/` and `and`, but not inside parentheses. */
function splitOutsideParentheses(text: string): string[] {
  const groups: string[] = [];
  const masked = text.replace(/\([^()]*\)/g, (group) => `\u0000${groups.push(group) - 1}\u0000`);
  return splitTrimmed(masked, SEPARATORS)
    .map((token) =>
      token.replace(/\u0000(\d+)\u0000/g, (_, index: string) => groups[Number(index)]!),
    )
    .map((token) => token.trim())
    .filter(Boolean);
}

/**
 * `Owns[^nope]` with no `[^nope]: …` below: Markdown leaves the reference as text, which is
 * no level; say which footnote is missing. Whether one was reported.
 */
export function reportUndefinedFootnote(
  context: MatrixContext,
  cell: TableCell,
  text: string,
): boolean {
  const reference = /\[\^[^\]\s]+\]/.exec(text);
  if (!reference) return false;
  report(
    context.file,
    'footnote-undefined',
    `Unexpected footnote \`${reference[0]}\` without a definition, expected \`${reference[0]}: …\` below the table, the condition it stands for`,
    startOf(cell),
  );
  return true;
}

export function cellMarkdown(context: MatrixContext, cell: TableCell): string {
  const start = cell.position?.start.offset;
  const end = cell.position?.end.offset;
  const raw =
    start === undefined || end === undefined ? plainText(cell) : context.source.slice(start, end);
  return raw.replace(/^\|/, '').replace(/\|$/, '').trim();
}
