/**
 * Most notes are paragraphs of plain sentences and lists of plain lines. Their HTML and their
 * words need no parser: this reads exactly that shape, and nothing else (undefined), so that
 * the renderer takes its short way only where the result is the parser's own — which a
 * property test holds against the full pipeline.
 */
export type SimpleBlock =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; ordered: boolean; start: number; items: string[] };

/** One line of words that Markdown would only wrap in a paragraph (see `isPlainLine`). */
const PLAIN_LINE = /^[\p{L}\p{N}(][^\n\\`*_[\]<>#!|~&=:@{}]*$/u;
const BLOCK_START = /^\d+[.)](?:\s|$)/;

/** No markup, no line start that opens a block, nothing GFM turns into a link. */
const isPlainLine = (text: string) =>
  PLAIN_LINE.test(text) && !BLOCK_START.test(text) && !/https?|www\./i.test(text);

const ORDERED_ITEM = /^(\d{1,9})\. (.*)$/;
const BULLET_ITEM = /^([*-]) (.*)$/;

export function simpleBlocks(markdown: string): SimpleBlock[] | undefined {
  if (markdown === '' || /\r|\t/.test(markdown)) return undefined;
  const blocks: SimpleBlock[] = [];
  let previousMarker: string | undefined;
  for (const block of markdown.split('\n\n')) {
    const lines = block.split('\n');
    if (lines.some((line) => line === '' || line !== line.trim())) return undefined;
    const ordered = lines.map((line) => ORDERED_ITEM.exec(line));
    const bullets = lines.map((line) => BULLET_ITEM.exec(line));
    let marker: string | undefined;
    if (ordered.every(Boolean)) {
      const items = ordered.map((match) => match![2]!);
      if (!items.every(isPlainLine)) return undefined;
      marker = '.';
      blocks.push({ kind: 'list', ordered: true, start: Number(ordered[0]![1]), items });
    } else if (bullets.every(Boolean) && bullets.every((match) => match![1] === bullets[0]![1])) {
      const items = bullets.map((match) => match![2]!);
      if (!items.every(isPlainLine)) return undefined;
      marker = bullets[0]![1];
      blocks.push({ kind: 'list', ordered: false, start: 1, items });
    } else if (lines.every(isPlainLine)) {
      blocks.push({ kind: 'paragraph', lines });
    } else {
      return undefined;
    }
    // Two lists of one kind apart by a blank line are one loose list: the parser's business.
    if (marker !== undefined && marker === previousMarker) return undefined;
    previousMarker = marker;
  }
  return blocks;
}

/** The HTML remark-rehype and rehype-stringify give those blocks. */
export function simpleHtml(blocks: readonly SimpleBlock[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'paragraph') return `<p>${block.lines.join('\n')}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>${item}</li>`).join('\n');
      return `<${tag}${start}>\n${items}\n</${tag}>`;
    })
    .join('\n');
}

/** Their words, as the search and summaries take them. */
export function simpleText(blocks: readonly SimpleBlock[]): string {
  return blocks
    .flatMap((block) => (block.kind === 'paragraph' ? block.lines : block.items))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
