import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import { deriveId, findIdMarker } from './ids.ts';
import {
  DEFAULT_LEVEL,
  type Activity,
  type Area,
  type Assignment,
  type Level,
  type Model,
} from './schema.ts';

/**
 * A model written back as SRM Markdown, in the per-party list form: parsing the result gives
 * the same model (positions aside) for every model that form can express — what belongs to
 * the activity itself (description, references, contexts) and conditions are left out. Titles
 * are escaped as Markdown text; an id is written as `{#id}` only where it is not the one the
 * title would give, a level only where it is not the default.
 */
/** What a model's frontmatter says; the levels undefined when only the default one is. */
export interface FrontmatterFacts {
  title: string;
  description?: string | undefined;
  version?: string | undefined;
  publisher?: string | undefined;
  sourceUrl?: string | undefined;
  reviewed?: string | undefined;
  levels?:
    | ReadonlyArray<{
        id: string;
        name: string;
        short?: string | undefined;
        responsible: boolean;
        description?: string | undefined;
      }>
    | undefined;
  contexts: ReadonlyArray<{ id: string; name: string; description?: string | undefined }>;
  parties: ReadonlyArray<{
    id: string;
    name: string;
    short?: string | undefined;
    scope?: string | undefined;
  }>;
}

/** A model's frontmatter, between its `---` lines, as every writer of SRM Markdown gives it. */
export function frontmatterBlock(model: FrontmatterFacts): string {
  const frontmatter = {
    title: model.title,
    ...(model.description !== undefined && { description: model.description }),
    ...(model.version !== undefined && { version: model.version }),
    ...(model.publisher !== undefined && { publisher: model.publisher }),
    ...(model.sourceUrl !== undefined && { source: model.sourceUrl }),
    ...(model.reviewed !== undefined && { reviewed: model.reviewed }),
    ...(model.levels && {
      levels: model.levels.map(({ id, name, short, responsible, description }) => ({
        id,
        name,
        ...(short !== undefined && short !== name && { short }),
        responsible,
        ...(description !== undefined && { description }),
      })),
    }),
    ...(model.contexts.length > 0 && {
      contexts: model.contexts.map(({ id, name, description }) => ({
        id,
        name,
        ...(description !== undefined && { description }),
      })),
    }),
    parties: model.parties.map(({ id, name, short, scope }) => ({
      id,
      name,
      ...(short !== undefined && { short }),
      ...(scope !== undefined && { scope }),
    })),
  };
  return `---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---`;
}

export function printModel(model: Model): string {
  const isDefault =
    model.levels.length === 1 && JSON.stringify(model.levels[0]) === JSON.stringify(DEFAULT_LEVEL);
  const blocks: string[] = [
    frontmatterBlock({ ...model, levels: isDefault ? undefined : model.levels }),
  ];
  if (model.introduction) blocks.push(model.introduction);
  for (const section of model.sections)
    blocks.push(`## ${escapeText(section.title)}`, section.markdown);

  const described = model.parties.filter((party) => party.description);
  if (described.length > 0) {
    blocks.push('## Parties');
    for (const party of described) blocks.push(`### ${escapeText(party.name)}`, party.description!);
  }

  blocks.push(`## ${escapeText(model.matrix.title)}`);
  if (model.matrix.introduction) blocks.push(model.matrix.introduction);
  const tree = new Tree(model, model.levels.find((level) => level.responsible) ?? model.levels[0]!);
  // Parties in the order they were first listed, for the same reason as each list's order.
  const listed = model.parties
    .map((party) => ({ party, first: tree.firstListedAnywhere(party.id) }))
    .sort((a, b) => a.first - b.first);
  for (const { party } of listed) {
    const lines = tree.lines(party.id, null, 0);
    if (lines.length > 0) blocks.push(`### ${escapeText(party.name)}`, lines.join('\n'));
  }
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

type Node = { area: Area } | { activity: Activity };

/**
 * The matrix as each party listed it. Every list is printed in that party's own order — by
 * where the party first listed something in each subtree — so that parsing the result meets
 * every item in the order the model has it.
 */
class Tree {
  readonly #children = new Map<string | null, Node[]>();
  readonly #defaultLevel: Level;

  constructor(model: Model, defaultLevel: Level) {
    this.#defaultLevel = defaultLevel;
    for (const area of model.areas) this.#add(area.parent, { area });
    for (const activity of model.activities) this.#add(activity.area, { activity });
  }

  #add(parent: string | null, node: Node): void {
    const list = this.#children.get(parent) ?? [];
    list.push(node);
    this.#children.set(parent, list);
  }

  /** Where a party first listed something in a subtree, as one sortable number; Infinity when it holds nothing there. */
  firstListed(party: string, node: Node): number {
    if ('activity' in node) {
      const assignment = node.activity.assignments.find((candidate) => candidate.party === party);
      return assignment ? assignment.position.line * 1e6 + assignment.position.column : Infinity;
    }
    return Math.min(
      ...(this.#children.get(node.area.id) ?? []).map((child) => this.firstListed(party, child)),
    );
  }

  #attributesOf(assignment: Assignment): string[] {
    return [
      ...(assignment.level !== this.#defaultLevel.id ? [`level=${assignment.level}`] : []),
      ...(assignment.contexts ? [`contexts=${assignment.contexts.join(',')}`] : []),
    ];
  }

  /** Where a party first listed anything. */
  firstListedAnywhere(party: string): number {
    return Math.min(
      ...(this.#children.get(null) ?? []).map((node) => this.firstListed(party, node)),
    );
  }

  /** The nested list of what a party holds under an area (null: the top). */
  lines(party: string, parent: string | null, depth: number): string[] {
    const indent = '  '.repeat(depth);
    const lines: string[] = [];
    const held = (this.#children.get(parent) ?? [])
      .map((node) => ({ node, first: this.firstListed(party, node) }))
      .filter(({ first }) => first !== Infinity)
      .sort((a, b) => a.first - b.first);
    for (const { node } of held) {
      if ('area' in node) {
        lines.push(
          `${indent}- ${itemText(node.area, parent)}`,
          ...this.lines(party, node.area.id, depth + 1),
        );
        continue;
      }
      for (const assignment of node.activity.assignments) {
        if (assignment.party !== party) continue;
        lines.push(`${indent}- ${itemText(node.activity, parent, this.#attributesOf(assignment))}`);
        if (assignment.note) {
          const note = assignment.note
            .split('\n')
            .map((line) => (line === '' ? '' : `${indent}  ${line}`))
            .join('\n');
          lines.push('', note, '');
        }
      }
    }
    return lines;
  }
}

function itemText(item: Area | Activity, parent: string | null, more: string[] = []): string {
  const explicit = item.id !== deriveId(parent, item.title);
  const attributes = [
    ...(explicit || item.formerIds ? [`#${item.id}`] : []),
    ...(item.formerIds ? [`former=${item.formerIds.join(',')}`] : []),
    ...more,
  ];
  // A title that ends like a marker keeps its brace escaped, so it reads back as text.
  const marker = findIdMarker(item.title);
  const raw = escapeText(item.title);
  const title =
    marker && raw.endsWith(item.title.slice(marker.start).trimEnd())
      ? `${raw.slice(0, raw.lastIndexOf('{'))}\\${raw.slice(raw.lastIndexOf('{'))}`
      : raw;
  return attributes.length > 0 ? `${title} {${attributes.join(' ')}}` : title;
}

/** Text as Markdown that reads back as the same text. */
/** Plain text as Markdown that reads back as the same words. */
export function escapeText(text: string): string {
  return toMarkdown({ type: 'paragraph', children: [{ type: 'text', value: text }] }).trimEnd();
}
