import type { Heading, RootContent, Table } from 'mdast';
import type { VFile } from 'vfile';
import { ModelBuilder, type BuiltMatrix } from '../model/builder.ts';
import type { AreaDraft } from '../model/drafts.ts';
import { hasErrors, report } from '../model/diagnostics.ts';
import type { MatrixContext } from './matrix-context.ts';
import { readItemTitle } from './item-title.ts';
import {
  plainText,
  printWithFootnotes,
  splitAtHeadings,
  withoutComments,
} from '../markdown/markdown.ts';
import { describeNode, startOf } from '../markdown/nodes.ts';
import type { PartyDirectory } from './parties.ts';
import type { Context, Level } from '../model/schema.ts';
import { readActivityBlock } from './activity-blocks.ts';
import { readGridTable } from './grid-tables.ts';
import { readPartyList } from './party-lists.ts';
import { asGrid } from './table-shapes.ts';
import { Vocabulary } from './vocabulary.ts';

export interface MatrixContent extends BuiltMatrix {
  introduction?: string;
}

/**
 * Reads the matrix section, in either form or both:
 * - per-party lists (`party-lists.ts`): a level-3 heading naming a party over a nested list
 *   whose items with a nested bullet list are areas and the others activities;
 * - grid tables: a GFM table whose rows are activities and whose columns are parties or
 *   contexts (`grid-tables.ts`), directly in the section or under a level-3 heading that
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
        readPartyList(context, node, party.id, null);
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

/**
 * A level-3 heading that names no party, over tables or `####` activity blocks: an area
 * holding their activities.
 */
function readAreaSection(context: MatrixContext, heading: Heading, content: RootContent[]): void {
  const title = readItemTitle(context.file, context.source, {
    type: 'paragraph',
    children: heading.children,
    ...(heading.position && { position: heading.position }),
  });
  if (!title) return;
  // `### Platform › Network` nests, as a grid's Area cell does; an explicit id is the last area's.
  const parts = title.text.split('›').map((part) => part.trim());
  let area: AreaDraft | null = null;
  if (parts.length > 1 && parts.every((part) => part !== '')) {
    for (const [index, part] of parts.entries()) {
      const last = index === parts.length - 1;
      area =
        context.builder.area(
          last ? { ...title, text: part } : { text: part, formerIds: [] },
          area,
          startOf(heading),
        ) ?? null;
    }
  } else {
    area = context.builder.area(title, null, startOf(heading)) ?? null;
  }
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
