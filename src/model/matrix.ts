import type { Heading, List, ListItem, Paragraph, RootContent, Table } from 'mdast';
import type { VFile } from 'vfile';
import { ModelBuilder, type BuiltMatrix } from './builder.ts';
import { hasErrors, report } from './diagnostics.ts';
import type { AreaDraft, ItemTitle } from './drafts.ts';
import { resolveContexts, resolveLevel, type MatrixContext } from './matrix-context.ts';
import { readItemTitle } from './item-title.ts';
import {
  plainText,
  printWithFootnotes,
  splitAtHeadings,
  withoutComments,
} from '../markdown/markdown.ts';
import { describeNode, startOf } from './nodes.ts';
import type { PartyDirectory } from './parties.ts';
import type { Context, Level } from './schema.ts';
import { readActivityBlock } from './block-reader.ts';
import { readGridTable } from './table-reader.ts';
import { asGrid } from './table-shapes.ts';
import { Vocabulary } from './vocabulary.ts';

export interface MatrixContent extends BuiltMatrix {
  introduction?: string;
}

/**
 * Reads the matrix section, in either form or both:
 * - per-party lists: a level-3 heading naming a party over a nested list whose items with a
 *   nested bullet list are areas and the others activities;
 * - grid tables: a GFM table whose rows are activities and whose columns are parties or
 *   contexts (`table-reader.ts`), directly in the section or under a level-3 heading that
 *   names an area.
 * Both feed one builder: the same activity in several places is one activity.
 */
export function readMatrix(
  file: VFile,
  source: string,
  matrixHeading: Heading,
  children: readonly RootContent[],
  partyIds: readonly string[],
  directory: PartyDirectory,
  levels: readonly Level[],
  contexts: readonly Context[],
  footnotes: Map<string, string>,
): MatrixContent {
  const context: MatrixContext = {
    footnotes,
    file,
    source,
    parties: directory,
    levels: new Vocabulary(levels),
    contexts: new Vocabulary(contexts),
    defaultLevel: levels.find((level) => level.responsible) ?? levels[0]!,
    builder: new ModelBuilder(file, partyIds, levels),
  };
  // Footnote definitions may stand anywhere: they are read from the whole file, not as content.
  const { before, groups } = splitAtHeadings(
    withoutComments(children).filter((node) => node.type !== 'footnoteDefinition'),
    3,
  );

  const { before: top, groups: topBlocks } = splitAtHeadings(before, 4);
  const introduction: RootContent[] = [];
  for (const [index, node] of top.entries()) {
    const previous = top[index - 1];
    // "The areas of this matrix:" and its list are the introduction's, as the colon says.
    if (node.type === 'list' && previous?.type === 'paragraph' && /:$/.test(plainText(previous))) {
      introduction.push(node);
    } else if (node.type === 'list') {
      report(
        file,
        'item-outside-party',
        'Unexpected list before any party heading, expected a level-3 heading naming a party above it, or a paragraph ending with `:` that introduces it as part of the introduction',
        startOf(node),
      );
    } else if (node.type === 'table') {
      readGridTable(context, asGrid(context, node), null);
    } else if (isHtmlTable(node)) {
      reportHtmlTable(context, node);
    } else if (node.type !== 'footnoteDefinition') {
      // Footnotes in the matrix are the conditions of table cells, not its introduction.
      introduction.push(node);
    }
  }

  for (const block of topBlocks) readActivityBlock(context, block.heading, block.children, null);

  const headings = new Map<string, Heading>();
  for (const { heading, children: content } of groups) {
    const named = plainText(heading);
    const namesParty = directory.find(named) !== undefined;
    // `### In the Central IT model`: a heading naming a context scopes the tables under it.
    const scope = !namesParty && context.contexts.findInHeader(named);
    if (scope && content.some(isTable)) {
      readScopedTables(context, heading, content, scope.id);
      continue;
    }
    if (!namesParty && content.some((node) => isTable(node) || isBlock(node))) {
      readAreaSection(context, heading, content);
      continue;
    }
    const party = directory.resolve(file, heading, 'the matrix');
    if (!party) continue;
    const earlier = headings.get(party.id);
    if (earlier) {
      report(
        file,
        'party-heading-repeated',
        `Unexpected second heading for party \`${party.id}\` in the matrix, expected one (their lists are merged)`,
        startOf(heading),
        { reason: 'First heading here', place: startOf(earlier) },
      );
    } else {
      headings.set(party.id, heading);
    }
    // `####` activity blocks after a party's list (a partner's own block) are read as blocks.
    const { before: lists, groups: blocks } = splitAtHeadings(content, 4);
    for (const node of lists) {
      if (node.type === 'list') {
        readList(context, node, party.id, null);
      } else if (node.type !== 'footnoteDefinition') {
        report(
          file,
          'content-ignored',
          `Unexpected ${describeNode(node)} under party heading \`${plainText(heading)}\`, expected a list of areas and activities: indent it under the item above to make it that item's note, or move it to a section of its own`,
          startOf(node),
        );
      }
    }
    for (const block of blocks) readActivityBlock(context, block.heading, block.children, null);
  }

  // A matrix whose every item had an error is not also reported empty.
  if (context.builder.activityCount === 0 && !hasErrors(file)) {
    report(
      file,
      'matrix-empty',
      'Unexpected matrix without activities, expected a `### <party>` heading followed by a list of activities, or a table',
      startOf(matrixHeading),
    );
  }
  const result = context.builder.finish();
  // After an error, a party may hold nothing only because its entries were in error: no knock-on.
  if (context.builder.activityCount > 0 && !hasErrors(file)) {
    for (const party of context.builder.partiesWithout(partyIds)) {
      const heading = headings.get(party);
      report(
        file,
        'party-empty',
        heading
          ? `Unexpected party \`${party}\` without activities, expected at least one activity under its heading in the matrix`
          : `Unexpected party \`${party}\` without activities, expected it to hold at least one activity in the matrix, or to be left out of \`parties\``,
        heading ? startOf(heading) : directory.positionOf(party),
      );
    }
  }
  const intro = printWithFootnotes(introduction, context.footnotes);
  return intro === undefined ? result : { introduction: intro, ...result };
}

const isTable = (node: RootContent): node is Table => node.type === 'table';
const isBlock = (node: RootContent) => node.type === 'heading' && node.depth === 4;

/** A table written in HTML, as documents converted from Word or a wiki often hold. */
const isHtmlTable = (node: RootContent): boolean =>
  node.type === 'html' && /<table\b/i.test(node.value);

/** Its rows would be shown as prose and read as no activity: say so rather than lose them. */
function reportHtmlTable(context: MatrixContext, node: RootContent): void {
  report(
    context.file,
    'content-ignored',
    'Unexpected HTML table in the matrix, expected a Markdown table (`| Activity | Customer |` and a `| --- | --- |` row): Onus reads activities from Markdown tables only',
    startOf(node),
  );
}

/**
 * A level-3 heading that names no party, over tables or `####` activity blocks: an area
 * holding their activities.
 */
/** The tables under a heading that names a context: each cell holds in that context. */
function readScopedTables(
  context: MatrixContext,
  heading: Heading,
  content: RootContent[],
  scope: string,
): void {
  for (const node of content) {
    if (node.type === 'table') readGridTable(context, asGrid(context, node), null, scope);
    else if (isHtmlTable(node)) reportHtmlTable(context, node);
    else if (node.type !== 'html' && node.type !== 'footnoteDefinition') {
      report(
        context.file,
        'content-ignored',
        `Unexpected ${describeNode(node)} under the context heading \`${plainText(heading)}\`, expected tables only: move it into a section of its own`,
        startOf(node),
      );
    }
  }
}

function readAreaSection(context: MatrixContext, heading: Heading, content: RootContent[]): void {
  const title = readItemTitle(context.file, context.source, {
    type: 'paragraph',
    children: heading.children,
    ...(heading.position && { position: heading.position }),
  });
  if (!title) return;
  const area = context.builder.area(title, null, startOf(heading)) ?? null;
  const { before, groups } = splitAtHeadings(content, 4);
  for (const node of before) {
    if (node.type === 'table') readGridTable(context, asGrid(context, node), area);
    else if (isHtmlTable(node)) reportHtmlTable(context, node);
    else if (node.type !== 'html' && node.type !== 'footnoteDefinition') {
      report(
        context.file,
        'content-ignored',
        `Unexpected ${describeNode(node)} under area heading \`${title.text}\`, expected tables or \`####\` activities: move it into a description or a section of its own`,
        startOf(node),
      );
    }
  }
  for (const block of groups) readActivityBlock(context, block.heading, block.children, area);
}

function readList(
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
      readList(context, node, party, area);
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
