import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import GithubSlugger from 'github-slugger';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { decodeText } from '../markdown/decode.ts';
import { hasErrors, report } from '../model/diagnostics.ts';
import { readFrontmatter } from './frontmatter.ts';
import { partyCandidates } from './party-candidates.ts';
import { checkLimits } from '../markdown/limits.ts';
import { MAX_ID_LENGTH, slugify } from '../model/ids.ts';
import {
  parseMarkdown,
  plainText,
  printMarkdown,
  printWithFootnotes,
} from '../markdown/markdown.ts';
import { readMatrix } from './matrix-section.ts';
import { checkLinkUrls, mayHoldLinks } from '../markdown/link-urls.ts';
import { warnRemoteMedia } from '../markdown/media-urls.ts';
import { startOf } from '../markdown/nodes.ts';
import { outlineDocument, type OutlineSection } from './outline.ts';
import { PartyDirectory, readPartyDescriptions } from './parties.ts';
import { checkSiteSize } from './size-limits.ts';
import type { Model, Position, Section } from '../model/schema.ts';

declare module 'vfile' {
  interface DataMap {
    /** The file's path relative to the content folder, as the model publishes it. */
    source: string;
  }
}

export interface ParseResult {
  /** The model, or undefined when the file has errors (see `file.messages`). */
  model: Model | undefined;
  /** The input file, carrying every diagnostic as a message. */
  file: VFile;
}

/**
 * Parse one SRM Markdown file into the responsibility model. Pure: problems become messages
 * on the file, at the place that caused them; nothing is thrown for bad input.
 */
export function parseModel(file: VFile): ParseResult {
  const model = readWithinStack(file);
  file.messages.sort(byPlace);
  return { model, file };
}

/**
 * The limits keep nesting shallow enough for every recursive step of the parse; should an
 * input still exhaust the stack, it is an error about the input, not a crash.
 */
function readWithinStack(file: VFile): Model | undefined {
  try {
    return readModel(file);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    report(
      file,
      'input-limit',
      `Unexpected input too deeply nested to read (${error.message}), expected shallower lists, quotes or YAML`,
      { line: 1, column: 1 },
    );
    return undefined;
  }
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function readModel(file: VFile): Model | undefined {
  const text = decodeText(file);
  if (text === undefined || !checkLimits(file, text)) return undefined;

  const tree = parseMarkdown(text);
  // Whole-tree walks only when the text can hold what they look for.
  if (/!\[|<(?:img|source)\b/i.test(text)) warnRemoteMedia(file, tree);
  if (mayHoldLinks(text)) checkLinkUrls(file, tree);
  const outline = outlineDocument(file, tree);
  const frontmatter = readFrontmatter(
    file,
    outline.frontmatter,
    text,
    outline.frontmatter ? [] : partyCandidates(outline.sections),
  );

  const matrices = outline.sections.filter((section) => section.kind === 'matrix');
  const [matrix, ...extraMatrices] = matrices;
  if (!matrix) {
    report(
      file,
      'matrix-missing',
      'Unexpected missing matrix, expected a `## Responsibility matrix` section (or `## Shared responsibility matrix`, `## Responsibilities`, `## RACI`) with a table, or a `### <party>` heading per party',
      { line: 1, column: 1 },
    );
  }
  for (const extra of extraMatrices) {
    report(
      file,
      'matrix-duplicate',
      'Unexpected second `## Responsibility matrix` section, expected one matrix per document',
      startOf(extra.heading),
      { reason: 'First matrix here', place: matrix && startOf(matrix.heading) },
    );
  }

  const title = frontmatter?.title ?? (outline.titleHeading && plainText(outline.titleHeading));
  if (frontmatter && !title) {
    report(
      file,
      'title-missing',
      'Unexpected missing title, expected `title` in the frontmatter or a level-1 heading (`# Title`)',
      outline.frontmatter?.position?.start ?? { line: 1, column: 1 },
    );
  }
  if (!frontmatter || !matrix || !title) return undefined;
  const id = modelId(file);
  if (id.length > MAX_ID_LENGTH) {
    // The id names the model's folder and its exports' files, which a file system limits.
    report(
      file,
      'model-id-invalid',
      `Unexpected file name that makes a model id of ${id.length} characters, expected at most ${MAX_ID_LENGTH}: the id names the model's folder and files, so give the file a shorter name`,
      { line: 1, column: 1 },
    );
    return undefined;
  }

  const directory = new PartyDirectory(frontmatter.parties);
  checkPartyHeadingLevels(file, outline.sections, directory);
  const descriptions = new Map<string, { markdown: string; position: Position }>();
  const partiesSections = outline.sections.filter((section) => section.kind === 'parties');
  partiesSections.forEach((section, index) => {
    if (index > 0) {
      report(
        file,
        'section-duplicate',
        'Unexpected second `## Parties` section, expected one (their descriptions are merged)',
        startOf(section.heading),
        { reason: 'First Parties section here', place: startOf(partiesSections[0]!.heading) },
      );
    }
    readPartyDescriptions(file, section.children, directory, descriptions);
  });

  // Footnote definitions, wherever they stand: the text of what refers to them.
  const footnotes = text.includes('[^') ? footnotesOf(tree) : new Map<string, string>();
  const content = readMatrix(
    file,
    text,
    matrix.heading,
    matrix.children,
    frontmatter.parties.map((party) => party.id),
    directory,
    frontmatter.levels,
    frontmatter.contexts,
    footnotes,
  );
  if (hasErrors(file)) return undefined;
  checkSiteSize(
    file,
    { position: startOf(matrix.heading) },
    frontmatter.parties.length,
    frontmatter.contexts,
    content.activities,
  );
  if (hasErrors(file)) return undefined;

  const introduction = printWithFootnotes(outline.preamble, footnotes);
  return {
    schemaVersion: 2,
    id,
    title,
    ...(frontmatter.description !== undefined && { description: frontmatter.description }),
    ...(frontmatter.version !== undefined && { version: frontmatter.version }),
    ...(frontmatter.publisher !== undefined && { publisher: frontmatter.publisher }),
    ...(frontmatter.sourceUrl !== undefined && { sourceUrl: frontmatter.sourceUrl }),
    ...(frontmatter.reviewed !== undefined && { reviewed: frontmatter.reviewed }),
    source: sourcePath(file),
    ...(introduction !== undefined && { introduction }),
    levels: frontmatter.levels,
    contexts: frontmatter.contexts,
    parties: frontmatter.parties.map(({ id, name, short, scope, position }) => {
      const description = descriptions.get(id)?.markdown;
      return {
        id,
        name,
        ...(short !== undefined && { short }),
        ...(scope !== undefined && { scope }),
        ...(description !== undefined && { description }),
        position,
      };
    }),
    matrix: {
      title: matrix.title,
      ...(content.introduction !== undefined && { introduction: content.introduction }),
      position: startOf(matrix.heading),
    },
    areas: content.areas,
    activities: content.activities,
    sections: proseSections(outline.sections, footnotes),
  };
}

/**
 * `## Tenant` where `### Tenant` was meant: after the matrix, a level-2 heading naming a party
 * over a list would start a prose section and drop the list from the matrix. Say so at it.
 */
function checkPartyHeadingLevels(
  file: VFile,
  sections: readonly OutlineSection[],
  directory: PartyDirectory,
): void {
  const matrixIndex = sections.findIndex((section) => section.kind === 'matrix');
  if (matrixIndex === -1) return;
  for (const section of sections.slice(matrixIndex + 1)) {
    if (section.kind !== 'prose' || !directory.find(section.title)) continue;
    if (!section.children.some((node) => node.type === 'list')) continue;
    report(
      file,
      'party-heading-level',
      `Unexpected level-2 heading \`${section.title}\` naming a party, expected \`### ${section.title}\`: party headings in the matrix are level 3`,
      startOf(section.heading),
    );
  }
}

function proseSections(
  sections: readonly OutlineSection[],
  footnotes: ReadonlyMap<string, string>,
): Section[] {
  const slugger = new GithubSlugger();
  return sections
    .filter((section) => section.kind === 'prose')
    .map((section) => ({
      id: slugger.slug(section.title) || slugger.slug('section'),
      title: section.title,
      markdown: printWithFootnotes(section.children, footnotes) ?? '',
      position: startOf(section.heading),
    }));
}

function modelId(file: VFile): string {
  return (file.stem && slugify(file.stem)) || 'model';
}

/**
 * The source file as published: relative to the content folder when the caller says where
 * that is (`file.data.source`), else its name — never the build machine's layout.
 */
function sourcePath(file: VFile): string {
  if (typeof file.data.source === 'string') return file.data.source;
  return file.basename ?? '<stdin>';
}

/** Footnote definitions by identifier, as Markdown: what table cells refer to as conditions. */
function footnotesOf(tree: Root): Map<string, string> {
  const footnotes = new Map<string, string>();
  visit(tree, 'footnoteDefinition', (node) => {
    if (!footnotes.has(node.identifier)) {
      footnotes.set(node.identifier, printMarkdown(node.children) ?? '');
    }
  });
  return footnotes;
}
