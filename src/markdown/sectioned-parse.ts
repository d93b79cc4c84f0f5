import type { Nodes, Root } from 'mdast';
import { setLinesBefore } from './progress.ts';

/** Below this many characters a section is parsed together with the next one. */
export const SECTION_CHARS = 2 * 1024;

/** A line that opens an ATX heading: where a section may start. */
const HEADING_LINE = /(?:\r\n?|\n)(?=#{1,6}(?:[ \t\r\n]|$))/g;
const FRONTMATTER_OPENING = /^\uFEFF?---[ \t]*(?:\r\n?|\n|$)/;
const BOM = 0xfeff;

type Point = NonNullable<Root['position']>['start'];

/**
 * Parse a large document a section at a time and join the trees: the same tree as one parse.
 *
 * micromark keeps every event of a document alive until the tree is built from them. On the
 * 2.8 MB catalog that live set made a third of the parse garbage collection; parsed section by
 * section it stays small, and the parse takes 0.7 s instead of 1.05 s.
 *
 * A section starts at a line that opens a heading. That line is one in the whole document when
 * the section before it, parsed with that line appended, ends with it as a heading of its own:
 * every block before it has then ended, as it does in the whole document (a heading interrupts
 * paragraphs, lists and quotes, but not fenced code or HTML). When it is not, the rest of the
 * document is parsed at once. Two constructs reach across a whole document and are left to one
 * parse: definitions (`[label]: url`, `[^note]: text`), which links anywhere may use, and the
 * frontmatter, which a `# comment` in its YAML must not cut. A `\]:` is no definition.
 */
/**
 * Whether the text may hold a definition: a `]:` whose `]` is not escaped. An escaped one
 * (`\[All Actors\]:`, as the AICM writes its notes) closes no label, and must not make a 5 MB
 * catalog parse at once (three times the memory).
 */
function mayDefine(text: string): boolean {
  for (let at = text.indexOf(']:'); at !== -1; at = text.indexOf(']:', at + 2)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return true;
  }
  return false;
}

export function parseInSections(
  parse: (text: string) => Root,
  text: string,
  sectionChars = SECTION_CHARS,
): Root {
  if (text.length < 2 * sectionChars || mayDefine(text)) return parse(text);
  const starts = sectionStarts(text, sectionChars);
  if (starts.length === 1) return parse(text);

  // micromark's offsets do not count a byte order mark.
  const bom = text.charCodeAt(0) === BOM ? 1 : 0;
  const root: Root = { type: 'root', children: [] };
  const append = (tree: Root) => {
    for (const child of tree.children) root.children.push(child);
  };
  let line = 0;
  let first: Point | undefined;
  try {
    for (let index = 0; ; index++) {
      const start = starts[index]!;
      const next = starts[index + 1];
      const shift = { line, offset: start === 0 ? 0 : start - bom };
      setLinesBefore(line);
      if (next !== undefined) {
        const lines = lineEndings(text, start, next);
        const tree = parse(text.slice(start, lineEnd(text, next)));
        const heading = tree.children.at(-1);
        const endsWithHeading =
          heading?.type === 'heading' && heading.position?.start.line === lines + 1;
        const frontmatterLost =
          start === 0 && FRONTMATTER_OPENING.test(text) && tree.children[0]?.type !== 'yaml';
        if (endsWithHeading && !frontmatterLost) {
          tree.children.pop();
          if (start === 0) first = tree.position?.start;
          append(shifted(tree, shift));
          line += lines;
          continue;
        }
        // The heading's line is inside a block still open: one parse for the rest.
      }
      const rest = parse(text.slice(start));
      if (start === 0) return rest;
      append(shifted(rest, shift));
      if (first && rest.position) {
        root.position = { start: first, end: movePoint(rest.position.end, shift) };
      }
      return root;
    }
  } finally {
    setLinesBefore(0);
  }
}

/** Where sections start: 0, then heading lines at least `sectionChars` apart. */
function sectionStarts(text: string, sectionChars: number): number[] {
  const starts = [0];
  HEADING_LINE.lastIndex = 0;
  for (let match = HEADING_LINE.exec(text); match; match = HEADING_LINE.exec(text)) {
    const start = match.index + match[0].length;
    if (start - starts.at(-1)! >= sectionChars && text.length - start >= sectionChars) {
      starts.push(start);
    }
  }
  return starts;
}

/** Line endings (`\r\n`, `\n` or `\r`, as micromark counts them) in `text[from, to)`. */
function lineEndings(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count++;
  }
  return count;
}

function lineEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
  return index;
}

interface Shift {
  line: number;
  offset: number;
}

function movePoint<T extends { line: number; offset?: number | undefined }>(
  point: T,
  shift: Shift,
): T {
  point.line += shift.line;
  if (point.offset !== undefined) point.offset += shift.offset;
  return point;
}

/** The tree, its nodes' positions moved to where its section is in the document. */
function shifted(tree: Root, shift: Shift): Root {
  if (shift.line === 0 && shift.offset === 0) return tree;
  const stack: Nodes[] = [...tree.children];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.position) {
      movePoint(node.position.start, shift);
      movePoint(node.position.end, shift);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return tree;
}
