/**
 * The activities of the cross-check's model, read from its Markdown without the parser: what
 * every output must hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { List, ListItem } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect } from 'vitest';

export const SOURCE = path.resolve('test/fixtures/model/four-parties-crlf/input.md');
export const PARTY_OF_HEADING: Record<string, string> = {
  Customer: 'customer',
  Provider: 'provider',
  Cloud: 'cloud',
  Auditor: 'auditor',
};

export const fold = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Leaf items under each `### party` of the matrix: the activities, as written, keyed by their
 * folded area path and title (the same activity may be written with other case or spacing).
 */
export function activitiesInMarkdown(): Map<string, { title: string; parties: Set<string> }> {
  const tree = unified().use(remarkParse).parse(readFileSync(SOURCE, 'utf8'));
  const found = new Map<string, { title: string; parties: Set<string> }>();
  let party = '';
  let inMatrix = false;
  const walk = (list: List, path: string[]) => {
    for (const item of list.children as ListItem[]) {
      const title = toString(item.children[0]!)
        .replace(/\{#[^}]*\}\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim();
      const nested = item.children.find((child): child is List => child.type === 'list');
      if (nested) {
        walk(nested, [...path, title]);
        continue;
      }
      const key = fold([...path, title].join(' > '));
      const entry = found.get(key) ?? { title, parties: new Set<string>() };
      entry.parties.add(party);
      found.set(key, entry);
    }
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2)
      inMatrix = toString(node) === 'Responsibility matrix';
    else if (inMatrix && node.type === 'heading' && node.depth === 3)
      party = PARTY_OF_HEADING[toString(node)]!;
    else if (inMatrix && node.type === 'list') walk(node, []);
  }
  return found;
}

/** The data a built script assigns (`self.name = {…};`), read as JSON. */
export function scriptData<T>(file: string): T {
  const text = readFileSync(file, 'utf8');
  return JSON.parse(text.slice(text.indexOf('=') + 1, text.lastIndexOf(';'))) as T;
}

/** Each activity has its row in the CSV, found by its URL, with an `x` for each of its parties. */
export function expectCsvRows(
  csv: string,
  activities: Map<string, { parties: Set<string> }>,
  urlOf: (key: string) => string,
): void {
  const lines = readFileSync(csv, 'utf8').split('\r\n');
  for (const [key, { parties }] of activities) {
    const row = lines.find((line) => line.endsWith(urlOf(key)));
    expect(row, key).toBeDefined();
    expect(row!.split(',').filter((cell) => cell === 'x')).toHaveLength(parties.size);
  }
}
