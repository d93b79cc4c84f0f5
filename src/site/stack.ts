import { isResponsible, partyCounts } from '../model/derived.ts';

/**
 * What "my stack" combines in the browser (written by `stack-data.ts`): every model's activities with who holds each and
 * at what level, in matrix order. Notes and conditions are their words (shown as text, and
 * written to the CSV); routes are relative to the site's root, as the page links them.
 */
export interface StackData {
  /** The site's public address (`--site`), for permanent links a printout can cite. */
  site?: string;
  parties: Array<{ id: string; name: string }>;
  models: Array<{
    id: string;
    title: string;
    version?: string;
    reviewed?: string;
    route: string;
    levels: Array<{ id: string; name: string; responsible: boolean }>;
    contexts: Array<{ id: string; name: string }>;
    activities: Array<{
      id: string;
      title: string;
      path: string[];
      route: string;
      /** `CCM A&A-01`: what an auditor cites it by. */
      references: string[];
      contexts?: string[];
      assignments: Array<{
        party: string;
        level: string;
        contexts?: string[];
        note?: string;
        condition?: string;
        footnotes?: string[];
      }>;
    }>;
    /** With `--history`: its versions, newest first, with what each changed for each party. */
    versions?: StackVersion[];
  }>;
}

/** A version of a model, and what it changed for each party: what "changed since" lists. */
export interface StackVersion {
  version: string;
  date?: string;
  changes: Array<{
    party: string;
    title: string;
    says: string;
    route?: string;
    before?: string;
    after?: string;
  }>;
}

/** One activity of a party in the combined list: a row, however many levels it holds it at. */
export interface Duty {
  model: StackData['models'][number];
  activity: StackData['models'][number]['activities'][number];
  /** Whether the party is responsible for it in the contexts picked, or only takes part. */
  responsible: boolean;
  entries: DutyEntry[];
}

/** A level the party holds the activity at, in which of the contexts picked, with its words. */
export interface DutyEntry {
  level: { id: string; name: string; responsible: boolean };
  contexts: string[];
  note?: string;
  condition?: string;
  footnotes?: string[];
}

/** What the reader picked: a party, the models they use (all when none), and per model the contexts. */
export interface StackChoice {
  party: string;
  models: string[];
  /** `<model-id>:<context-id>`; a model with none picked counts in all its contexts. */
  contexts: string[];
  /** `<model-id>:<version>`: the version of a model the reader last reviewed. */
  since: string[];
}

export function choiceFromSearch(search: string): StackChoice {
  const params = new URLSearchParams(search);
  return {
    party: params.get('party') ?? '',
    models: params.getAll('model'),
    contexts: params.getAll('context'),
    since: params.getAll('since'),
  };
}

export function searchFromChoice(choice: StackChoice): string {
  const params = new URLSearchParams();
  if (choice.party) params.set('party', choice.party);
  for (const model of choice.models) params.append('model', model);
  for (const context of choice.contexts) params.append('context', context);
  for (const since of choice.since) params.append('since', since);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The choice an address asks for, kept to what exists, and what it named that does not — so
 * that `?party=nobody&model=bogus` is said, not silently shown as someone else's list.
 */
export function checkedChoice(
  data: StackData,
  choice: StackChoice,
): { choice: StackChoice; unknown: string[] } {
  const unknown: string[] = [];
  const party = data.parties.some((entry) => entry.id === choice.party)
    ? choice.party
    : (data.parties[0]?.id ?? '');
  if (choice.party && party !== choice.party) unknown.push(`the party “${choice.party}”`);
  const models = choice.models.filter((id) => {
    const known = data.models.some((model) => model.id === id);
    if (!known) unknown.push(`the model “${id}”`);
    return known;
  });
  const contexts = choice.contexts.filter((entry) => {
    const [modelId, contextId] = entry.split(':');
    const model = data.models.find((candidate) => candidate.id === modelId);
    const known = model?.contexts.some((context) => context.id === contextId) ?? false;
    if (!known) unknown.push(`the context “${entry}”`);
    return known;
  });
  const since = choice.since.filter((entry) => {
    const split = entry.indexOf(':');
    const model = data.models.find((candidate) => candidate.id === entry.slice(0, split));
    const known =
      split > 0 && (model?.versions ?? []).some((item) => item.version === entry.slice(split + 1));
    if (!known) unknown.push(`the version “${entry}”`);
    return known;
  });
  return { choice: { party, models, contexts, since }, unknown };
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

/**
 * The party's activities in the models and contexts picked, in the models' order and matrix
 * order: one each, with every level it holds there.
 */
export function dutiesOf(data: StackData, choice: StackChoice): Duty[] {
  const duties: Duty[] = [];
  for (const model of data.models) {
    if (choice.models.length > 0 && !choice.models.includes(model.id)) continue;
    const picked = pickedContexts(model, choice);
    const inPicked = (contexts: readonly string[] | undefined) =>
      picked.length === 0 || contexts === undefined || contexts.some((id) => picked.includes(id));
    const levels = new Map(model.levels.map((level) => [level.id, level]));
    for (const activity of model.activities) {
      if (!inPicked(activity.contexts)) continue;
      const entries: DutyEntry[] = [];
      for (const held of activity.assignments) {
        if (held.party !== choice.party || !inPicked(held.contexts)) continue;
        const level = levels.get(held.level);
        if (!level) continue;
        // Named even where it holds in every context: an empty cell would read as "none".
        const contexts = (
          held.contexts ??
          activity.contexts ??
          model.contexts.map((context) => context.id)
        ).filter((id) => picked.length === 0 || picked.includes(id));
        entries.push({
          level,
          contexts: contexts.map(
            (id) => model.contexts.find((context) => context.id === id)?.name ?? id,
          ),
          ...(held.note !== undefined && { note: held.note }),
          ...(held.condition !== undefined && { condition: held.condition }),
          ...(held.footnotes && { footnotes: held.footnotes }),
        });
      }
      if (entries.length === 0) continue;
      const responsible = isResponsible(model, activity, choice.party, picked);
      duties.push({ model, activity, responsible, entries });
    }
  }
  return duties;
}

/** The contexts picked in one model; none picked is every context. */
function pickedContexts(model: StackData['models'][number], choice: StackChoice): string[] {
  return choice.contexts
    .filter((entry) => entry.startsWith(`${model.id}:`))
    .map((entry) => entry.slice(model.id.length + 1));
}

/**
 * What the list counts, as the party's pages count: the distinct activities the party is
 * responsible for in the choice, and those it only takes part in.
 */
export function stackCounts(
  data: StackData,
  choice: StackChoice,
): { responsible: number; takesPart: number } {
  const total = { responsible: 0, takesPart: 0 };
  for (const model of data.models) {
    if (choice.models.length > 0 && !choice.models.includes(model.id)) continue;
    const counts = partyCounts(model, choice.party, pickedContexts(model, choice));
    total.responsible += counts.responsible;
    total.takesPart += counts.takesPart;
  }
  return total;
}
