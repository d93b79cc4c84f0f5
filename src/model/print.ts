import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import { deriveId } from './ids.ts';
import type { Activity, Area, Model } from './schema.ts';

/**
 * A model written back as SRM Markdown: parsing the result gives the same model (positions
 * aside). Titles are escaped as Markdown text; an id is written as `{#id}` only where it is
 * not the one the title would give.
 */
export function printModel(model: Model): string {
  const frontmatter = {
    title: model.title,
    ...(model.description !== undefined && { description: model.description }),
    ...(model.version !== undefined && { version: model.version }),
    parties: model.parties.map(({ id, name, short, scope }) => ({
      id,
      name,
      ...(short !== undefined && { short }),
      ...(scope !== undefined && { scope }),
    })),
  };
  const blocks: string[] = [`---\n${stringify(frontmatter, { lineWidth: 0 }).trimEnd()}\n---`];
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
  const tree = new Tree(model);
  // Parties in the order they were first listed, so that items first appear in the same order.
  const firstListed = (party: string) =>
    Math.min(
      ...model.activities.flatMap((activity) =>
        activity.assignments
          .filter((assignment) => assignment.party === party)
          .map(({ position }) => position.line * 1e6 + position.column),
      ),
    );
  for (const party of [...model.parties].sort((a, b) => firstListed(a.id) - firstListed(b.id))) {
    const lines = tree.lines(party.id, null, 0);
    if (lines.length > 0) blocks.push(`### ${escapeText(party.name)}`, lines.join('\n'));
  }
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

type Node = { area: Area } | { activity: Activity };

class Tree {
  readonly #children = new Map<string | null, Node[]>();

  constructor(model: Model) {
    const byPosition = (a: Node, b: Node) => {
      const [p, q] = [position(a), position(b)];
      return p.line - q.line || p.column - q.column;
    };
    for (const area of model.areas) this.#add(area.parent, { area });
    for (const activity of model.activities) this.#add(activity.area, { activity });
    for (const list of this.#children.values()) list.sort(byPosition);
  }

  #add(parent: string | null, node: Node): void {
    const list = this.#children.get(parent) ?? [];
    list.push(node);
    this.#children.set(parent, list);
  }

  /** The nested list of what a party holds under an area (null: the top). */
  lines(party: string, parent: string | null, depth: number): string[] {
    const indent = '  '.repeat(depth);
    const lines: string[] = [];
    for (const node of this.#children.get(parent) ?? []) {
      if ('area' in node) {
        const inner = this.lines(party, node.area.id, depth + 1);
        if (inner.length > 0) lines.push(`${indent}- ${itemText(node.area, parent)}`, ...inner);
        continue;
      }
      const assignment = node.activity.assignments.find((candidate) => candidate.party === party);
      if (!assignment) continue;
      lines.push(`${indent}- ${itemText(node.activity, parent)}`);
      if (assignment.note) {
        const noteIndent = `${indent}  `;
        const note = assignment.note
          .split('\n')
          .map((line) => (line === '' ? '' : `${noteIndent}${line}`))
          .join('\n');
        lines.push('', note, '');
      }
    }
    return lines;
  }
}

function position(node: Node) {
  return 'area' in node ? node.area.position : node.activity.position;
}

function itemText(item: Area | Activity, parent: string | null): string {
  const explicit = item.id !== deriveId(parent, item.title);
  const attributes = [
    ...(explicit || item.formerIds ? [`#${item.id}`] : []),
    ...(item.formerIds ? [`former=${item.formerIds.join(',')}`] : []),
  ];
  const title = escapeText(item.title);
  return attributes.length > 0 ? `${title} {${attributes.join(' ')}}` : title;
}

/** Text as Markdown that reads back as the same text. */
function escapeText(text: string): string {
  return toMarkdown({ type: 'paragraph', children: [{ type: 'text', value: text }] }).trimEnd();
}
