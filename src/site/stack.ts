/**
 * What "my stack" combines in the browser (written by `stack-data.ts`): every model's activities with who holds each and
 * at what level, in matrix order. Notes and conditions are their words (shown as text, and
 * written to the CSV); routes are relative to the site's root, as the page links them.
 */
export interface StackData {
  parties: Array<{ id: string; name: string }>;
  models: Array<{
    id: string;
    title: string;
    version?: string;
    route: string;
    levels: Array<{ id: string; name: string; responsible: boolean }>;
    contexts: Array<{ id: string; name: string }>;
    activities: Array<{
      id: string;
      title: string;
      path: string[];
      route: string;
      contexts?: string[];
      holds: Array<{
        party: string;
        level: string;
        contexts?: string[];
        note?: string;
        condition?: string;
      }>;
    }>;
  }>;
}

/** One duty of a party in the combined list. */
export interface Duty {
  model: StackData['models'][number];
  activity: StackData['models'][number]['activities'][number];
  level: { id: string; name: string; responsible: boolean };
  contexts: string[];
  note?: string;
  condition?: string;
}

/** What the reader picked: a party, the models they use (all when none), and per model the contexts. */
export interface StackChoice {
  party: string;
  models: string[];
  /** `<model-id>:<context-id>`; a model with none picked counts in all its contexts. */
  contexts: string[];
}

export function choiceFromSearch(search: string): StackChoice {
  const params = new URLSearchParams(search);
  return {
    party: params.get('party') ?? '',
    models: params.getAll('model'),
    contexts: params.getAll('context'),
  };
}

export function searchFromChoice(choice: StackChoice): string {
  const params = new URLSearchParams();
  if (choice.party) params.set('party', choice.party);
  for (const model of choice.models) params.append('model', model);
  for (const context of choice.contexts) params.append('context', context);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The models and contexts picked, in words, for the list's heading and its printout:
 * "In Hosting; and Database (Dedicated)".
 */
export function describeChoice(data: StackData, choice: StackChoice): string {
  const models = data.models.filter(
    (model) => choice.models.length === 0 || choice.models.includes(model.id),
  );
  const parts = models.map((model) => {
    const picked = model.contexts.filter((context) =>
      choice.contexts.includes(`${model.id}:${context.id}`),
    );
    if (model.contexts.length === 0) return model.title;
    const contexts =
      picked.length > 0 ? picked.map((context) => context.name).join(', ') : 'all contexts';
    return `${model.title} (${contexts})`;
  });
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join('; ')}; and ${parts.at(-1)}` : (parts[0] ?? '');
  return `In ${list}.`;
}

/** The party's duties in the models and contexts picked, in the models' order and matrix order. */
export function dutiesOf(data: StackData, choice: StackChoice): Duty[] {
  const duties: Duty[] = [];
  for (const model of data.models) {
    if (choice.models.length > 0 && !choice.models.includes(model.id)) continue;
    const picked = choice.contexts
      .filter((entry) => entry.startsWith(`${model.id}:`))
      .map((entry) => entry.slice(model.id.length + 1));
    const inPicked = (contexts: readonly string[] | undefined) =>
      picked.length === 0 || contexts === undefined || contexts.some((id) => picked.includes(id));
    const levels = new Map(model.levels.map((level) => [level.id, level]));
    for (const activity of model.activities) {
      if (!inPicked(activity.contexts)) continue;
      for (const hold of activity.holds) {
        if (hold.party !== choice.party || !inPicked(hold.contexts)) continue;
        const level = levels.get(hold.level);
        if (!level) continue;
        const contexts = (hold.contexts ?? []).filter(
          (id) => picked.length === 0 || picked.includes(id),
        );
        duties.push({
          model,
          activity,
          level,
          contexts: contexts.map(
            (id) => model.contexts.find((context) => context.id === id)?.name ?? id,
          ),
          ...(hold.note !== undefined && { note: hold.note }),
          ...(hold.condition !== undefined && { condition: hold.condition }),
        });
      }
    }
  }
  return duties;
}
