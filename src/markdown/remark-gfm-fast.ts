import type { Nodes, Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct, ConstructRecord, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';

/**
 * remark-gfm, with two of its constructs tried only where the text ahead can begin them.
 *
 * micromark-extension-gfm-autolink-literal tries an email address at the start of every word
 * (and a URL at every word that starts with h or w): each try ends the text run, reads the word,
 * fails and reads it again. micromark-extension-gfm-table reads the first line of every
 * paragraph as a table's head row, allocating as it goes, before it can see that the next line
 * is no delimiter row. On the 250-control catalog that was a third of micromark's time, and
 * the table alone allocated 200 MB of its 1.5 GB. Here each of them first looks at the document
 * ahead, and declines at once when that cannot begin it: an email needs `@` after its run of
 * address characters, a URL `http://`, `https://` or `www.`, a table's head row a next line of
 * nothing but `|`, `:`, `-`, spaces and container marks (`>`). When it can, the original construct decides: the trees are the same
 * (held by property tests against remark-gfm).
 *
 * After the parse, mdast-util-gfm-autolink-literal looks for addresses in every text of the
 * tree with four regular expressions (8% of the catalog's parse); here only in the paragraphs,
 * headings and cells whose text holds an `@`, `http://`, `https://` or `www.`, which each needs.
 *
 * For parsing (remark-gfm also prints): use it after remark-parse, whose parser it wraps to know
 * the document being parsed.
 */
export default function remarkGfmFast(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFast);
  (data.fromMarkdownExtensions ??= []).push([
    guardedAutolinkTransform(),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ]);
  const parse = this.parser;
  if (!parse) throw new Error('remark-gfm-fast must be used after remark-parse');
  this.parser = (document, file) => {
    const outer = source;
    // micromark's offsets skip a byte order mark.
    source = document.charCodeAt(0) === 0xfeff ? document.slice(1) : document;
    try {
      return parse(document, file);
    } finally {
      source = outer;
    }
  };
}

/** The document being parsed, which micromark's offsets point into. */
let source: string | undefined;

/** GFM's email characters: ASCII alphanumerics, `+`, `-`, `.` and `_`. */
function isAtext(code: number): boolean {
  return (
    code === 43 ||
    code === 45 ||
    code === 46 ||
    code === 95 ||
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122)
  );
}

function canBeEmail(text: string, at: number): boolean {
  let index = at;
  while (index < text.length && isAtext(text.charCodeAt(index))) index++;
  return text.charCodeAt(index) === 64;
}

/** Whether `text` at `at` begins with one of `prefixes` (lower case ASCII), in any case. */
function beginsWith(text: string, at: number, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => {
    for (let index = 0; index < prefix.length; index++) {
      // ASCII letters to lower case; `:`, `/` and `.` stay.
      if ((text.charCodeAt(at + index) | 0x20) !== prefix.charCodeAt(index)) return false;
    }
    return true;
  });
}

const canBeUrl = (text: string, at: number) => beginsWith(text, at, ['http://', 'https://']);
const canBeWww = (text: string, at: number) => beginsWith(text, at, ['www.']);

/** Whether the line after the one at `at` can be a table's delimiter row. */
function delimiterRowNext(text: string, at: number): boolean {
  let index = at;
  while (index < text.length && !isLineEnding(text.charCodeAt(index))) index++;
  if (index === text.length) return false;
  index += text.startsWith('\r\n', index) ? 2 : 1;
  let dash = false;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isLineEnding(code)) break;
    if (code === 45) dash = true;
    else if (!DELIMITER_ROW.has(code)) return false;
  }
  return dash;
}

const isLineEnding = (code: number) => code === 10 || code === 13;
/** Space, tab, `>` (a block quote's mark), `|` and `:`: what a delimiter row holds beside `-`. */
const DELIMITER_ROW = new Set([32, 9, 62, 124, 58]);

/** Whether the table has begun, and this line can only be one of its body rows. */
function inTable(context: TokenizeContext): boolean {
  const { events } = context;
  let index = events.length - 1;
  while (index >= 0 && ['lineEnding', 'linePrefix'].includes(events[index]![1].type)) index--;
  const tail = index >= 0 ? events[index]![1].type : undefined;
  return tail === 'tableHead' || tail === 'tableRow';
}

type Ahead = (text: string, at: number, context: TokenizeContext) => boolean;

function guarded(construct: Construct, ahead: Ahead): Construct {
  const { tokenize } = construct;
  const can = (context: TokenizeContext) =>
    source === undefined || ahead(source, context.now().offset, context);
  const previous = construct.previous;
  return {
    ...construct,
    // A text run breaks only where `previous` allows a try: declining here keeps it whole.
    ...(previous && {
      previous(code) {
        return previous.call(this, code) && can(this);
      },
    }),
    // The original's state machine is made only when it may run: declining allocates nothing.
    tokenize(effects, ok, nok) {
      return (code) => (can(this) ? tokenize.call(this, effects, ok, nok)(code) : nok(code));
    },
  };
}

const AUTOLINK_AHEAD: Record<string, Ahead> = {
  emailAutolink: canBeEmail,
  protocolAutolink: canBeUrl,
  wwwAutolink: canBeWww,
};

/** Every construct of a record, each guarded once (a construct listed under several codes is one). */
function guardAll(
  record: ConstructRecord,
  aheadOf: (construct: Construct) => Ahead,
): ConstructRecord {
  const result: ConstructRecord = {};
  const done = new Map<Construct, Construct>();
  const guard = (construct: Construct) => {
    let once = done.get(construct);
    if (!once) done.set(construct, (once = guarded(construct, aheadOf(construct))));
    return once;
  };
  for (const [code, value] of Object.entries(record)) {
    if (value) result[code] = Array.isArray(value) ? value.map(guard) : guard(value);
  }
  return result;
}

function aheadByName(what: string, table: Record<string, Ahead>) {
  return (construct: Construct) => {
    const ahead = table[construct.name ?? ''];
    if (!ahead) throw new Error(`Unexpected ${what} construct ${construct.name}`);
    return ahead;
  };
}

const gfmFast = combineExtensions([
  { text: guardAll(gfmAutolinkLiteral().text ?? {}, aheadByName('autolink', AUTOLINK_AHEAD)) },
  gfmFootnote(),
  gfmStrikethrough(),
  {
    flow: guardAll(
      gfmTable().flow ?? {},
      aheadByName('table', {
        table: (text, at, context) => inTable(context) || delimiterRowNext(text, at),
      }),
    ),
  },
  gfmTaskListItem(),
]);

const CAN_LINK = /@|https?:\/\/|www\./i;
/** Where text sits: its nearest block, which is never inside a link. */
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Whether a block's text, outside links, could hold an address. */
function canLink(node: Nodes): boolean {
  if (node.type === 'text') return CAN_LINK.test(node.value);
  if (node.type === 'link' || node.type === 'linkReference' || !('children' in node)) return false;
  return node.children.some(canLink);
}

function guardedAutolinkTransform(): FromMarkdownExtension {
  const extension = gfmAutolinkLiteralFromMarkdown();
  const [transform] = extension.transforms ?? [];
  if (!transform) throw new Error('Unexpected autolink literal extension without its transform');
  // Text and links live in blocks only: transforming each block alone changes the same texts.
  const visit = (node: Nodes): void => {
    if (PHRASING_BLOCKS.has(node.type)) {
      if (canLink(node)) transform(node as unknown as Root);
    } else if ('children' in node) {
      for (const child of node.children) visit(child);
    }
  };
  return { ...extension, transforms: [(tree) => visit(tree)] };
}
