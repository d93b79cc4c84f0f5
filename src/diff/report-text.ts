import { CHANGE_KINDS, type Change, type Diff, type ModelChanges } from './changes.ts';
import { changeWords, groupChanges, releaseName, type WordsView } from './words.ts';

/**
 * `onus diff` for a reader: per model, what changed for each party first ("what changed for
 * the customer"), then the activities themselves, then the model around them.
 */
export function diffText(diff: Diff): string {
  return diff.models.map(modelText).join('\n');
}

function modelText(model: ModelChanges): string {
  const title = model.to?.title ?? model.from?.title ?? model.id;
  const count = model.changes.length;
  const lines = [
    `${title}: ${releaseName(model.from)} → ${releaseName(model.to)}, ${count === 0 ? 'no changes' : count === 1 ? '1 change' : `${count} changes`}`,
  ];
  const names = new Map(model.parties.map((party) => [party.id, party.title]));
  for (const group of groupChanges(model.changes, model.parties)) {
    lines.push('', group.party ? `${group.heading} [${group.party.id}]` : group.heading);
    for (const change of group.changes) {
      lines.push(...changeLines(change, { names, ...(group.party && { party: group.party.id }) }));
    }
  }
  return `${lines.join('\n')}\n`;
}

const KIND_WIDTH = Math.max(...Object.keys(CHANGE_KINDS).map((kind) => kind.length));

function changeLines(change: Change, view: WordsView): string[] {
  const words = changeWords(change, view);
  const lines = [`  ${change.kind.padEnd(KIND_WIDTH)}  ${words.about}: ${words.says}`];
  const indent = (mark: string, text: string) =>
    text.split('\n').map((line) => `${' '.repeat(KIND_WIDTH + 4)}${mark} ${line}`.trimEnd());
  if (words.before !== undefined) lines.push(...indent('−', words.before));
  if (words.after !== undefined) lines.push(...indent('+', words.after));
  return lines;
}
