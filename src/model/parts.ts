import type { Nodes, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Parsing a large document in parts, one per core, giving the very tree a parse of the whole
 * gives. A document can be cut before a line that starts an ATX heading at the margin after a
 * blank line: no paragraph, list, quote, table or indented code goes on past such a line.
 * What can — a fenced code block or an HTML block still open, frontmatter — is excluded: cuts
 * fall after the frontmatter, and a cut is kept only when the part before it does not end in
 * code or HTML. Link and footnote definitions are the one state CommonMark shares across a
 * document: a part that lacks another part's definitions is parsed again with them added.
 */

export interface Part {
  text: string;
  /** Where the part starts in the whole text: its offset and its line (1-based). */
  offset: number;
  line: number;
}

export type ParseTexts = (texts: readonly string[]) => Promise<Root[]>;

const LINE_ENDING = /\r\n|\r|\n/g;
/** A blank line, then a line starting an ATX heading: the cut falls at that line's start. */
const CUT_BEFORE_HEADING = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)(?=#{1,6}(?:[ \t\r\n]|$))/g;
const FRONTMATTER_OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const FRONTMATTER_CLOSE = /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g;

/** Cut the text into at most `count` parts of about the same size; one part when it cannot. */
export function splitText(text: string, count: number): Part[] {
  const earliest = afterFrontmatter(text);
  if (earliest === undefined) return [{ text, offset: 0, line: 1 }];
  const candidates: number[] = [];
  CUT_BEFORE_HEADING.lastIndex = earliest;
  for (let match; (match = CUT_BEFORE_HEADING.exec(text));) {
    candidates.push(match.index + match[0].length);
  }
  const cuts: number[] = [];
  for (let target = 1; target < count; target++) {
    const wanted = (text.length * target) / count;
    const open = candidates.filter((at) => at > (cuts.at(-1) ?? 0));
    const nearest = open.reduce<number | undefined>(
      (best, at) =>
        best === undefined || Math.abs(at - wanted) < Math.abs(best - wanted) ? at : best,
      undefined,
    );
    if (nearest === undefined) break;
    cuts.push(nearest);
  }
  const parts: Part[] = [];
  let offset = 0;
  let line = 1;
  for (const cut of [...cuts, text.length]) {
    const partText = text.slice(offset, cut);
    parts.push({ text: partText, offset, line });
    line += countLineEndings(partText);
    offset = cut;
  }
  return parts;
}

/** Where the frontmatter ends; undefined when it is never closed (nothing is safe to cut). */
function afterFrontmatter(text: string): number | undefined {
  if (!FRONTMATTER_OPEN.test(text)) return 0;
  FRONTMATTER_CLOSE.lastIndex = 0;
  const close = FRONTMATTER_CLOSE.exec(text);
  return close ? close.index + close[0].length : undefined;
}

function countLineEndings(text: string): number {
  return text.match(LINE_ENDING)?.length ?? 0;
}

/**
 * Parse the parts with `parse` (which may run them side by side) and join their trees into
 * the tree of the whole text; undefined when the parts turn out not to be independent (a
 * part ends inside code or HTML), and the whole text must be parsed at once.
 */
export async function parseParts(
  parts: readonly Part[],
  parse: ParseTexts,
): Promise<Root | undefined> {
  let trees = await parse(parts.map((part) => part.text));
  if (trees.slice(0, -1).some(endsOpen)) return undefined;

  const definitions = trees.map(definitionsOf);
  const missing = parts.map((_, index) => definitions.filter((_, other) => other !== index).flat());
  if (missing.some((labels) => labels.length > 0)) {
    if (missing.flat().some((label) => /[\r\n]/.test(label.label))) return undefined;
    const redo = parts.flatMap((_, index) => (missing[index]!.length > 0 ? [index] : []));
    const texts = redo.map((index) => withDefinitions(parts[index]!, index, missing[index]!));
    const again = await parse(texts.map((text) => text.text));
    trees = [...trees];
    redo.forEach((index, at) => {
      trees[index] = withoutAdded(again[at]!, texts[at]!);
    });
  }

  const children: RootContent[] = [];
  trees.forEach((tree, index) => {
    const part = parts[index]!;
    shiftPositions(tree, part.line - 1, part.offset);
    children.push(...tree.children);
  });
  const lastPart = parts.at(-1)!;
  const end = trees.at(-1)!.position?.end;
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: {
        line: lastPart.line + (end ? end.line - 1 : 0),
        column: end?.column ?? 1,
        offset: lastPart.offset + (end?.offset ?? 0),
      },
    },
  };
}

/** A fenced code block or an HTML block can run on past the part's end in the whole text. */
function endsOpen(tree: Root): boolean {
  const last = tree.children.at(-1);
  return last?.type === 'code' || last?.type === 'html';
}

interface Definition {
  kind: 'definition' | 'footnoteDefinition';
  label: string;
}

function definitionsOf(tree: Root): Definition[] {
  const found: Definition[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      found.push({ kind: node.type, label: node.label ?? node.identifier });
    }
  });
  return found;
}

interface Augmented {
  text: string;
  /** Characters and lines added before the part's own text (after it for the first part). */
  before: number;
  beforeLines: number;
  /** The part's own length: whatever starts past it was added. */
  ownEnd: number;
}

/**
 * The part with the others' definitions added where they cannot touch its content: after the
 * first part (which ends in a blank line, not in code or HTML), before the others (which
 * start with a heading). They exist only to make references resolve as in the whole text.
 */
function withDefinitions(part: Part, index: number, definitions: Definition[]): Augmented {
  const lines = definitions.map(({ kind, label }) =>
    kind === 'definition' ? `[${label}]: #` : `[^${label}]: .`,
  );
  if (index === 0) {
    return {
      text: `${part.text}\n\n${lines.join('\n\n')}\n`,
      before: 0,
      beforeLines: 0,
      ownEnd: part.text.length,
    };
  }
  const prefix = `${lines.join('\n\n')}\n\n`;
  return {
    text: prefix + part.text,
    before: prefix.length,
    beforeLines: lines.length * 2,
    ownEnd: prefix.length + part.text.length,
  };
}

function withoutAdded(tree: Root, added: Augmented): Root {
  tree.children = tree.children.filter((node) => {
    const start = node.position?.start.offset ?? 0;
    return start >= added.before && start < added.ownEnd;
  });
  shiftPositions(tree, -added.beforeLines, -added.before);
  const end = tree.position?.end;
  if (end && added.before > 0) {
    end.line -= added.beforeLines;
    if (end.offset !== undefined) end.offset -= added.before;
  }
  return tree;
}

function shiftPositions(tree: Root, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const stack: Nodes[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
}
