import { CHANGE_KINDS, type Change, type Diff, type ModelChanges } from './changes.ts';
import { changesFor, changeWords, releaseName, type WordsView } from './words.ts';

const MODEL_KINDS = new Set<Change['kind']>(['metadata', 'model-added', 'model-removed']);

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
  const group = (heading: string, changes: readonly Change[], party?: string) => {
    if (changes.length === 0) return;
    lines.push('', heading);
    for (const change of changes) {
      lines.push(...changeLines(change, { names, ...(party !== undefined && { party }) }));
    }
  };
  for (const party of model.parties) {
    group(`For ${party.title} [${party.id}]`, changesFor(model.changes, party.id), party.id);
  }
  group(
    'Activities',
    model.changes.filter((change) => change.activity && !change.party),
  );
  group(
    'The model',
    model.changes.filter(
      (change) => !change.activity && (MODEL_KINDS.has(change.kind) || change.subject),
    ),
  );
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
