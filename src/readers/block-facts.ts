import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { report } from '../model/diagnostics.ts';
import { plainText } from '../markdown/markdown.ts';
import { contextList, resolveContexts, type MatrixContext } from './matrix-context.ts';
import type { Position, Reference } from '../model/schema.ts';

/**
 * The lines that stand right under an activity block's heading, before its description:
 * `References: CCM A&A-01; [NIST SP 800-53 AC-2](https://…)` and `Contexts: IaaS, PaaS`.
 */
export interface Facts {
  references: Reference[];
  contexts?: string[];
  position: Position;
}

const FACT_LINE = /^(references?|contexts?)\s*:\s*(.*)$/i;

/** The `References:` and `Contexts:` lines at the start of the block, taken out of it. */
export function readFactLines(
  context: MatrixContext,
  body: RootContent[],
  position: Position,
): Facts | undefined {
  const facts: Facts = { references: [], position };
  while (body[0]?.type === 'paragraph') {
    const lines = factLines(body[0]);
    if (!lines) break;
    body.shift();
    for (const line of lines) {
      const [, key, value] = FACT_LINE.exec(plainText(line.paragraph))!;
      const position = line.position;
      if (key!.toLowerCase().startsWith('reference')) {
        const references = readReferences(context, line.paragraph, value!, position);
        if (!references) return undefined;
        facts.references.push(...references);
        facts.position = position;
      } else {
        // An unknown context is reported; the block is still read, for the rest of its errors.
        const ids = resolveContexts(context, contextList(context, value!, position));
        if (ids !== null) facts.contexts = ids;
      }
    }
  }
  return facts;
}

/**
 * A paragraph that starts with a `References:` or `Contexts:` line, as its fact lines: a line
 * that starts with neither continues the one before, as an editor wraps a long line.
 */
export function factLines(paragraph: Paragraph): ReturnType<typeof splitLines> | undefined {
  const lines: ReturnType<typeof splitLines> = [];
  for (const line of splitLines(paragraph)) {
    const previous = lines.at(-1);
    if (FACT_LINE.test(plainText(line.paragraph))) lines.push(line);
    else if (!previous) return undefined;
    else {
      previous.paragraph.children.push({ type: 'text', value: ' ' }, ...line.paragraph.children);
    }
  }
  return lines;
}

/** A paragraph's lines, each as a paragraph of its own (split at line breaks in its text). */
function splitLines(paragraph: Paragraph): Array<{ paragraph: Paragraph; position: Position }> {
  const lines: Array<{ paragraph: Paragraph; position: Position }> = [];
  let current: PhrasingContent[] = [];
  let line = paragraph.position?.start.line ?? 1;
  let start = line;
  const flush = () => {
    lines.push({
      paragraph: { type: 'paragraph', children: current },
      position: {
        line: start,
        column:
          start === (paragraph.position?.start.line ?? 1)
            ? (paragraph.position?.start.column ?? 1)
            : 1,
      },
    });
    current = [];
  };
  for (const node of paragraph.children) {
    if (node.type === 'text' && node.value.includes('\n')) {
      const parts = node.value.split('\n');
      parts.forEach((part, index) => {
        if (index > 0) {
          flush();
          line++;
          start = line;
        }
        if (part) current.push({ type: 'text', value: part });
      });
    } else if (node.type === 'break') {
      flush();
      line++;
      start = line;
    } else {
      current.push(node);
    }
  }
  flush();
  return lines;
}

/**
 * `References: CCM A&A-01; [NIST SP 800-53 AC-2](https://…)` — each `<framework> <id>`, the id
 * being the last word, written exactly as the framework writes it; a link gives its URL.
 */
function readReferences(
  context: MatrixContext,
  line: Paragraph,
  value: string,
  position: Position,
): Reference[] | undefined {
  const links = new Map<string, string>();
  for (const node of line.children) {
    if (node.type === 'link') links.set(plainText(node), node.url);
  }
  const references: Reference[] = [];
  for (const entry of value.split(';').filter((entry) => entry.trim() !== '')) {
    const words = entry.trim().split(/\s+/);
    if (words.length < 2) {
      report(
        context.file,
        'reference-invalid',
        `Unexpected reference \`${entry}\` without an id, expected \`<framework> <id>\`, such as \`CCM A&A-01\``,
        position,
      );
      return undefined;
    }
    const id = words.pop()!;
    const url = links.get(entry.trim());
    references.push({ framework: words.join(' '), id, ...(url !== undefined && { url }) });
  }
  return references;
}
