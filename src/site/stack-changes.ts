import type { StackChoice, StackData } from './stack.ts';

/** A change to the party's duties in a model since the version the reader last reviewed. */
export interface StackChange {
  model: StackData['models'][number];
  version: string;
  date?: string;
  title: string;
  says: string;
  route?: string;
  before?: string;
  after?: string;
}

/** The version of a model the reader last reviewed, if they said. */
export function sinceOf(
  model: StackData['models'][number],
  choice: StackChoice,
): string | undefined {
  const entry = choice.since.find((item) => item.startsWith(`${model.id}:`));
  return entry?.slice(model.id.length + 1);
}

/**
 * What changed for the party in each model picked, since the version the reader last reviewed
 * there: the versions after it, newest first, their changes for that party only.
 */
export function changesSince(data: StackData, choice: StackChoice): StackChange[] {
  const changes: StackChange[] = [];
  for (const model of data.models) {
    if (choice.models.length > 0 && !choice.models.includes(model.id)) continue;
    const since = sinceOf(model, choice);
    if (since === undefined) continue;
    for (const version of model.versions ?? []) {
      if (version.version === since) break;
      for (const change of version.changes) {
        if (change.party !== choice.party) continue;
        const { party: _party, ...words } = change;
        changes.push({
          model,
          version: version.version,
          ...(version.date !== undefined && { date: version.date }),
          ...words,
        });
      }
    }
  }
  return changes;
}
