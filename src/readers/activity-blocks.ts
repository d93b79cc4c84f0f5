import type {
  FootnoteReference,
  Heading,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
} from 'mdast';
import { report } from '../model/diagnostics.ts';
import type { AreaDraft, AssignmentDraft } from '../model/drafts.ts';
import { deriveId } from '../model/ids.ts';
import { factLines, readFactLines } from './block-facts.ts';
import { readItemTitle } from './item-title.ts';
import { plainText, printWithFootnotes } from '../markdown/markdown.ts';
import {
  contextList,
  resolveContexts,
  resolveLevel,
  type MatrixContext,
} from './matrix-context.ts';
import { startOf } from '../markdown/nodes.ts';
import type { Position } from '../model/schema.ts';

/**
 * The activity-centric form, the shape of control catalogs (CSA CCM, PCI DSS, FedRAMP CRM):
 * each activity once, under a level-4 heading, with what belongs to it and then, per party,
 * its level, note and condition:
 *
 *     #### Audit and assurance policy {#a-a-01}
 *
 *     References: CCM A&A-01; NIST SP 800-53 AC-2
 *     Contexts: IaaS, PaaS
 *
 *     Establish, document and review audit policies.   ← the description: any Markdown
 *
 *     - **Provider** owns: maintains the policy.         ← a party, its level, its note
 *     - **Customer** shares in PaaS, if it uses the portal: reviews the reports.
 *
 *       More of the customer's note: paragraphs, numbered lists, code, tables, alerts.
 *
 * The parties' list is the last bullet list of the block whose items each start with a
 * party's name in bold; everything before it (but the two lines above) is the description.
 */
export function readActivityBlock(
  context: MatrixContext,
  heading: Heading,
  content: readonly RootContent[],
  area: AreaDraft | null,
): void {
  const title = readItemTitle(context.file, context.source, {
    type: 'paragraph',
    children: heading.children,
    ...(heading.position && { position: heading.position }),
  } as Paragraph);
  if (!title) return;

  const body = separatePartyItems(context, [...content]);
  const facts = readFactLines(context, body, startOf(heading));
  if (!facts) return;
  const listIndex = body.findLastIndex(
    (node) => node.type === 'list' && isPartyList(context, node),
  );
  const partyList = listIndex === -1 ? undefined : (body[listIndex] as List);
  for (const node of listIndex === -1 ? body : body.slice(0, listIndex)) {
    if (node.type !== 'paragraph' || !factLines(node)) continue;
    report(
      context.file,
      'fact-line-misplaced',
      `Unexpected \`${plainText(node).split(/[:\n]/)[0]}:\` line after the description of \`${title.text}\`, expected the \`References:\` and \`Contexts:\` lines right under the heading, before the description`,
      startOf(node),
    );
  }
  const description = printWithFootnotes(
    listIndex === -1 ? body : body.slice(0, listIndex),
    context.footnotes,
  );
  for (const node of listIndex === -1 ? [] : body.slice(listIndex + 1)) {
    report(
      context.file,
      'content-ignored',
      `Unexpected content after the parties of \`${title.text}\`, expected it in the description above them, or indented under a party as its note`,
      startOf(node),
    );
  }
  if (!partyList) {
    report(
      context.file,
      'item-empty',
      `Unexpected activity \`${title.text}\` without parties, expected a list of \`- **Party** level: note\` items`,
      startOf(heading),
    );
    return;
  }
  // A catalog heading often starts with its control's id (`#### AC-2 Account management`):
  // without a `References:` line, that id is the control's reference.
  const leadingId = CONTROL_ID_LEAD.exec(title.text)?.[1];
  const fromHeading = facts.references.length === 0 && leadingId !== undefined;
  if (fromHeading) facts.references.push({ framework: '', id: leadingId });
  if (!title.explicitId && facts.references[0]) {
    // A control's permalink is its reference id (`A&A-01` → `a-a-01`).
    title.explicitId = {
      id: deriveId(null, facts.references[0].id),
      position: fromHeading ? startOf(heading) : facts.position,
    };
  }
  const activity = context.builder.activity(title, area, startOf(heading));
  if (!activity) return;
  context.builder.describe(activity, {
    ...(description !== undefined && { description }),
    references: facts.references,
    ...(facts.contexts && { contexts: facts.contexts }),
  });
  for (const item of partyList.children) {
    const assignment = readPartyItem(context, item);
    if (assignment) context.builder.assign(activity, assignment);
  }
}

/**
 * A control id at the start of a heading: letters, a dash or a dot, and a number, as control
 * catalogs write them (`AC-2`, `A&A-01`, `CM-7(5)`, `IAM-02`), then the control's name.
 */
const CONTROL_ID_LEAD = /^([A-Z][A-Z&]{0,7}[-.]\d+(?:[.-]\d+)*(?:\(\d+\))?)[\s:–—-]+\S/;

/**
 * A list whose every item starts with a party: its name in bold, or written plainly and followed
 * by nothing but a level, contexts or a condition before its `:` — so that a description's list
 * that merely starts with a party's name is not taken for the parties.
 */
/**
 * A description that ends with a `-` list, then the parties' `-` list: Markdown reads the two
 * as one list. Its last items that each name a party are the parties' list again; the items
 * before them stay the description's.
 */
function separatePartyItems(context: MatrixContext, body: RootContent[]): RootContent[] {
  const index = body.findLastIndex((node) => node.type === 'list');
  const list = body[index];
  if (list?.type !== 'list' || list.ordered) return body;
  let first = list.children.length;
  while (first > 0 && partyHead(context, list.children[first - 1]!) !== undefined) first--;
  if (first === 0 || first === list.children.length) return body;
  const part = (children: ListItem[]): List => ({
    ...list,
    children,
    // Loose only if its own items stand apart, not for the blank line between the two lists.
    spread: children.some(
      (item, at) =>
        item.spread ||
        (at > 0 && item.position!.start.line > children[at - 1]!.position!.end.line + 1),
    ),
    position: {
      start: children[0]!.position!.start,
      end: children.at(-1)!.position!.end,
    },
  });
  return [
    ...body.slice(0, index),
    part(list.children.slice(0, first)),
    part(list.children.slice(first)),
    ...body.slice(index + 1),
  ];
}

function isPartyList(context: MatrixContext, list: List): boolean {
  return (
    !list.ordered &&
    list.children.length > 0 &&
    list.children.every((item) => partyHead(context, item) !== undefined)
  );
}

interface PartyHead {
  /** The party's name as written, and where. */
  name: string;
  at: Position;
  /** The rest of the item's first paragraph. */
  inline: PhrasingContent[];
}

function partyHead(context: MatrixContext, item: ListItem): PartyHead | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const [lead, ...inline] = first.children;
  if (lead?.type === 'strong') return { name: plainText(lead), at: startOf(lead), inline };
  if (lead?.type !== 'text') return undefined;
  const found = context.parties.leading(lead.value);
  if (!found) return undefined;
  const after = lead.value.slice(found.length);
  const rest: PhrasingContent[] = [
    ...(after ? [{ type: 'text', value: after } as PhrasingContent] : []),
    ...inline,
  ];
  const head = readHead(splitAtColon(rest).head);
  if (!head || (head.level && !context.levels.find(head.level))) return undefined;
  return { name: lead.value.slice(0, found.length), at: startOf(lead), inline: rest };
}

interface HeadParts {
  level?: string;
  contexts?: string;
  condition?: string;
}

/**
 * What stands between a party and its note — `shares in PaaS, if it uses the portal` — read
 * by position, not by one pattern: a pattern with a quantifier per part backtracked on a run
 * of blanks (1,250 spaces took minutes). Undefined when the text has no such shape (a second
 * comma, an `if` or `in` with nothing after it).
 */
export function readHead(head: string): HeadParts | undefined {
  const parts: HeadParts = {};
  let rest = head;
  const ifAt = /(?:^|[\s,])if\s/i.exec(rest);
  if (ifAt) {
    parts.condition = rest.slice(ifAt.index + ifAt[0].length).trim();
    if (parts.condition === '') return undefined;
    rest = rest.slice(0, ifAt.index).trimEnd();
    if (rest.endsWith(',')) rest = rest.slice(0, -1);
  } else if (/(?:^|[\s,])if$/i.test(rest.trimEnd())) {
    return undefined;
  }
  const inAt = /(?:^|\s)in\s/i.exec(rest);
  if (inAt) {
    parts.contexts = rest.slice(inAt.index + inAt[0].length).trim();
    if (parts.contexts === '') return undefined;
    rest = rest.slice(0, inAt.index);
  }
  const level = rest.trim();
  if (level.includes(',')) return undefined;
  if (level !== '') parts.level = level;
  return parts;
}

/** `- **Customer** shares in PaaS, if it uses the portal: the note…` */
function readPartyItem(context: MatrixContext, item: ListItem): AssignmentDraft | undefined {
  const [, ...rest] = item.children as [Paragraph, ...RootContent[]];
  const { name: partyName, at, inline } = partyHead(context, item)!;
  const position = startOf(item);
  const party = context.parties.find(partyName);
  if (!party) {
    report(
      context.file,
      'party-unknown',
      `Unexpected party \`${partyName}\`, expected a party the frontmatter declares: ${context.parties.hint(partyName)}`,
      at,
    );
    return undefined;
  }
  // The head runs to the first `:` in the text; the note starts after it.
  const { head, note, marks } = splitAtColon(inline);
  const parts = readHead(head);
  if (!parts) {
    report(
      context.file,
      'party-head-invalid',
      `Unexpected \`${head.trim()}\` after the party \`${partyName}\`, expected \`- **${partyName}** <level> in <contexts>, if <condition>: <note>\`, each part optional, such as \`- **${partyName}** shares in PaaS, if it uses the portal: reviews the reports\``,
      position,
    );
    return undefined;
  }
  const levelText = parts.level;
  const level = levelText
    ? resolveLevel(context, { id: levelText, position })
    : context.defaultLevel;
  if (!level) return undefined;
  const contexts =
    parts.contexts === undefined
      ? undefined
      : resolveContexts(context, contextList(context, parts.contexts, position));
  if (contexts === null) return undefined;
  const condition = parts.condition;
  const noteMarkdown = printWithFootnotes(
    [...(note.length > 0 ? [{ type: 'paragraph', children: note } as Paragraph] : []), ...rest],
    context.footnotes,
  );
  return {
    party: party.id,
    level: level.id,
    ...(contexts && { contexts }),
    ...(noteMarkdown !== undefined && { note: noteMarkdown }),
    ...(condition && { condition }),
    // `- **Provider**[^1] in Monitoring`: the author's remark on this level, as in a grid's cell.
    ...(marks.length > 0 && {
      footnotes: marks.map((mark) => ({
        label: mark.label ?? mark.identifier,
        text: context.footnotes.get(mark.identifier) ?? '',
      })),
    }),
    position,
  };
}

function splitAtColon(inline: PhrasingContent[]): {
  head: string;
  note: PhrasingContent[];
  marks: FootnoteReference[];
} {
  let head = '';
  const marks: FootnoteReference[] = [];
  for (let index = 0; index < inline.length; index++) {
    const node = inline[index]!;
    if (node.type === 'footnoteReference') marks.push(node);
    if (node.type !== 'text') {
      head += plainText(node);
      continue;
    }
    const colon = node.value.indexOf(':');
    if (colon === -1) {
      head += node.value;
      continue;
    }
    head += node.value.slice(0, colon);
    const after = node.value.slice(colon + 1).replace(/^\s+/, '');
    return {
      head,
      marks,
      note: [
        ...(after ? [{ type: 'text', value: after } as PhrasingContent] : []),
        ...inline.slice(index + 1),
      ],
    };
  }
  return { head, note: [], marks };
}
