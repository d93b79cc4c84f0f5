/**
 * "What changed for me since": in "my stack", the changes to the party's duties in each model
 * since the version the reader last reviewed there, as a list and as CSV.
 */
import { csvText } from '../export/csv-text.ts';
import { changesSince, sinceOf, type StackChange } from '../site/stack-changes.ts';
import type { StackChoice, StackData } from '../site/stack.ts';
import { hrefFor } from './page.ts';

const line = (tag: 'p' | 'li' | 'h3' | 'h4', text: string, className?: string) => {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
};

/** The section's content for the choice: what changed, per model picked with a version. */
export function changesContent(
  data: StackData,
  choice: StackChoice,
  party: string,
  permalink: (route: string) => string | undefined,
): { nodes: HTMLElement[]; csv: string } | undefined {
  const models = data.models.filter(
    (model) =>
      (choice.models.length === 0 || choice.models.includes(model.id)) &&
      sinceOf(model, choice) !== undefined,
  );
  if (models.length === 0) return undefined;
  const changes = changesSince(data, choice);
  const nodes: HTMLElement[] = [line('h3', `What changed for ${party}`)];
  for (const model of models) {
    const since = sinceOf(model, choice)!;
    const own = changes.filter((change) => change.model === model);
    nodes.push(line('h4', `${model.title}, since version ${since}`));
    if (own.length === 0) {
      nodes.push(line('p', `Nothing changed for ${party} since version ${since}.`));
      continue;
    }
    const list = document.createElement('ul');
    list.className = 'changes';
    for (const change of own) {
      const item = document.createElement('li');
      item.append(`Version ${change.version}: `);
      if (change.route) {
        const link = document.createElement('a');
        link.href = hrefFor(change.route);
        link.textContent = change.title;
        item.append(link);
      } else item.append(change.title);
      item.append(`: ${change.says}`);
      if (change.before !== undefined) item.append(line('p', `Before: ${change.before}`));
      if (change.after !== undefined) item.append(line('p', `Now: ${change.after}`));
      list.append(item);
    }
    nodes.push(list);
  }
  return { nodes, csv: changesCsv(changes, party, permalink) };
}

function changesCsv(
  changes: readonly StackChange[],
  party: string,
  permalink: (route: string) => string | undefined,
): string {
  return csvText([
    ['Party', 'Model', 'Version', 'Date', 'Activity', 'Change', 'Before', 'Now', 'Permanent link'],
    ...changes.map((change) => [
      party,
      change.model.title,
      change.version,
      change.date ?? '',
      change.title,
      change.says,
      change.before ?? '',
      change.after ?? '',
      change.route ? (permalink(change.route) ?? '') : '',
    ]),
  ]);
}
