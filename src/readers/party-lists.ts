import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { report } from '../model/diagnostics.ts';
import type { AreaDraft, ItemTitle } from '../model/drafts.ts';
import { plainText, printWithFootnotes } from '../markdown/markdown.ts';
import { describeNode, startOf } from '../markdown/nodes.ts';
import { readItemTitle } from './item-title.ts';
import { resolveContexts, resolveLevel, type MatrixContext } from './matrix-context.ts';

/**
 * A party's list in the matrix, written under a level-3 heading naming the party: an item with
 * a nested bullet list is an area, one without an activity that party holds.
 */
export function readPartyList(
  context: MatrixContext,
  list: List,
  party: string,
  parent: AreaDraft | null,
): void {
  for (const item of list.children) readItem(context, item, party, parent);
}

/**
 * `- **Patching**: apply patches monthly.` — a bold term, a colon or a dash, then a sentence:
 * the term is the activity's title, the sentence its note (as glossary-style lists write it).
 * Not when the line ends with `{…}`, whose id or attributes belong to the whole title.
 */
function boldLead(
  source: string,
  paragraph: Paragraph,
): { title: Paragraph; note: Paragraph } | undefined {
  const [strong, next, ...others] = paragraph.children;
  if (strong?.type !== 'strong' || next?.type !== 'text') return undefined;
  const separator = /^\s*(?::|[–—-](?=\s))\s*/.exec(next.value);
  if (!separator || (next.value.length === separator[0].length && others.length === 0))
    return undefined;
  const end = paragraph.position?.end.offset;
  if (end !== undefined && /\}\s*$/.test(source.slice(0, end))) return undefined;
  const rest = next.value.slice(separator[0].length);
  return {
    title: {
      type: 'paragraph',
      children: [strong],
      ...(strong.position && { position: strong.position }),
    },
    note: {
      type: 'paragraph',
      children: [...(rest ? [{ ...next, value: rest }] : []), ...others],
      ...(paragraph.position && { position: paragraph.position }),
    },
  };
}

/**
 * An item with a nested bullet list is an area; one without is an activity, and whatever
 * follows its title — paragraphs, numbered lists, code, tables, alerts — is its party's note.
 */
function readItem(
  context: MatrixContext,
  item: ListItem,
  party: string,
  parent: AreaDraft | null,
): void {
  const { file } = context;
  const [first, ...rest] = item.children;
  if (!first) {
    report(
      file,
      'item-empty',
      'Unexpected empty list item, expected the title of an area or an activity',
      startOf(item),
    );
    return;
  }
  if (first.type !== 'paragraph') {
    report(
      file,
      'item-title-invalid',
      `Unexpected ${describeNode(first)} at the start of a list item, expected the item's title as a line of text`,
      startOf(first),
    );
    return;
  }
  let firstList = rest.findIndex((node) => node.type === 'list' && !node.ordered);
  // "BCDR partners:" and a list: the colon makes the list the note's, and the item an activity.
  const before = rest[firstList - 1];
  if (before?.type === 'paragraph' && /:$/.test(plainText(before))) firstList = -1;
  const lead = firstList === -1 ? boldLead(context.source, first) : undefined;
  const title = readItemTitle(file, context.source, lead?.title ?? first, firstList === -1);
  if (!title) return;

  if (firstList === -1) {
    addActivity(context, title, lead ? [lead.note, ...rest] : rest, party, parent, item);
    return;
  }

  const area = context.builder.area(title, parent, startOf(item));
  if (!area) return;
  const label = `\`${title.text}\``;
  for (const node of rest.slice(0, firstList)) {
    report(
      file,
      'content-ignored',
      `Unexpected ${describeNode(node)} between ${label} and its nested list, expected one of two things: an area (a title over a list of activities) has no note, so move the ${describeNode(node)} to an activity; or, if ${label} is an activity whose note holds that list, end the ${describeNode(node)} before the list with \`:\``,
      startOf(node),
    );
  }
  for (const node of rest.slice(firstList)) {
    if (node.type === 'list' && !node.ordered) {
      readPartyList(context, node, party, area);
    } else {
      report(
        file,
        'content-ignored',
        `Unexpected ${describeNode(node)} after the nested list of ${label}, expected it before the list, as the note of an activity`,
        startOf(node),
      );
    }
  }
}

function addActivity(
  context: MatrixContext,
  title: ItemTitle,
  notes: RootContent[],
  party: string,
  area: AreaDraft | null,
  item: ListItem,
): void {
  const level = title.level ? resolveLevel(context, title.level) : context.defaultLevel;
  const contexts = title.contexts && resolveContexts(context, title.contexts);
  if (!level || contexts === null) return;
  const activity = context.builder.activity(title, area, startOf(item));
  if (!activity) return;
  const note = printWithFootnotes(notes, context.footnotes);
  context.builder.assign(activity, {
    party,
    level: level.id,
    ...(contexts && { contexts }),
    ...(note !== undefined && { note }),
    position: startOf(item),
  });
}
