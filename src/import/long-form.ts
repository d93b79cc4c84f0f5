import { slugify } from '../model/ids.ts';
import type { DraftActivity, DraftModel } from './draft-model.ts';
import { inlineText, plainTextAsMarkdown } from './markdown-text.ts';
import { MODEL_SHEET_HEADER } from '../export/xlsx.ts';
import { ImportProblems, type Sheet } from './table.ts';

/** The headers of the long form: a row per party holding an activity (`assignments.csv`). */
const LONG = {
  model: 'model',
  id: 'activity id',
  title: 'activity',
  area: 'area',
  references: 'references',
  party: 'party',
  level: 'level',
  responsible: 'responsible',
  contexts: 'contexts',
  condition: 'condition',
  footnotes: 'footnotes',
  note: 'note',
  url: 'url',
} as const;

/** How the long form's columns are read, for the user to check: a column it does not know is not read. */
export function longFormMapping(header: readonly string[]): string[] {
  const known = new Map<string, string>(Object.entries(LONG).map(([key, name]) => [name, key]));
  return header
    .filter((cell) => cell.trim() !== '')
    .map((cell) => {
      const key = known.get(cell.trim().toLowerCase());
      return `${cell.trim()} → ${key === undefined ? 'not read' : LONG_WORDS[key as keyof typeof LONG]}`;
    });
}

const LONG_WORDS: Record<keyof typeof LONG, string> = {
  model: 'the model (one)',
  id: 'activity id',
  title: 'activity title',
  area: 'area',
  references: 'references (framework and id)',
  party: 'party',
  level: 'level',
  responsible: 'whether the level is responsible (yes or no)',
  contexts: 'contexts it holds in',
  condition: 'condition',
  footnotes: 'footnotes',
  note: 'note',
  url: 'activity id (from its address), when no Activity id',
};

/** Whether a sheet's header is the long form's: an Activity, a Party and a Level column. */
export function isLongForm(header: readonly string[]): boolean {
  const names = new Set(header.map((cell) => cell.trim().toLowerCase()));
  return names.has(LONG.title) && names.has(LONG.party) && names.has(LONG.level);
}

interface Vocabulary {
  title?: string;
  metadata: Partial<
    Pick<DraftModel, 'description' | 'version' | 'publisher' | 'sourceUrl' | 'reviewed'>
  >;
  parties?: DraftModel['parties'];
  levels?: NonNullable<DraftModel['levels']>;
  contexts?: DraftModel['contexts'];
}

/** A workbook's Model sheet (Onus writes one): the parties, levels and contexts as declared. */
export function readModelSheet(sheet: Sheet | undefined): Vocabulary {
  const vocabulary: Vocabulary = { metadata: {} };
  if (!sheet || sheet.rows[0]?.join('\t') !== MODEL_SHEET_HEADER.join('\t')) return vocabulary;
  const parties: Array<DraftModel['parties'][number]> = [];
  const levels: NonNullable<Vocabulary['levels']>[number][] = [];
  const contexts: Array<DraftModel['contexts'][number]> = [];
  for (const [
    kind,
    id = '',
    name = '',
    short = '',
    responsible = '',
    description = '',
  ] of sheet.rows.slice(1)) {
    const more = { ...(short && { short }), ...(description && { description }) };
    if (kind === 'Model')
      ((vocabulary.title = name), description && (vocabulary.metadata.description = description));
    else if (kind === 'Version') vocabulary.metadata.version = name;
    else if (kind === 'Publisher') vocabulary.metadata.publisher = name;
    else if (kind === 'Source') vocabulary.metadata.sourceUrl = name;
    else if (kind === 'Reviewed') vocabulary.metadata.reviewed = name;
    else if (kind === 'Party')
      parties.push({
        id,
        name,
        ...(short && { short }),
        ...(description && { scope: description }),
      });
    else if (kind === 'Level')
      levels.push({ id, name, ...more, responsible: responsible === 'yes' });
    else if (kind === 'Context') contexts.push({ id, name, ...(description && { description }) });
  }
  if (parties.length > 0) vocabulary.parties = parties;
  if (levels.length > 0) vocabulary.levels = levels;
  vocabulary.contexts = contexts;
  return vocabulary;
}

/**
 * The long form — a row per party holding an activity, as `assignments.csv` and a workbook's
 * notes sheet have it — as a model. Parties, levels and contexts are those the rows name (in
 * the order the rows imply), unless a Model sheet declares them; text is plain text, kept as
 * such in the Markdown.
 */
export function readLongForm(
  sheet: Sheet,
  title: string,
  problems: ImportProblems,
  declared: Vocabulary = { metadata: {} },
  referenceUrls: ReadonlyMap<string, string> = new Map(),
): DraftModel | undefined {
  const header = sheet.rows[0]!.map((cell) => cell.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const column = Object.fromEntries(
    Object.entries(LONG).map(([key, name]) => [key, at(name)]),
  ) as Record<keyof typeof LONG, number>;
  const rows = sheet.rows.slice(1);
  if (column.model !== -1) {
    const models = new Set(rows.map((row) => row[column.model]?.trim()).filter(Boolean));
    if (models.size > 1) {
      problems.add(
        sheet,
        1,
        column.model,
        `holds ${models.size} models; import one model's rows at a time`,
      );
      return undefined;
    }
  }
  const partyOrders = new Map<string, string[]>();
  const contextOrders: string[][] = [];
  const levelNames: Array<{ name: string; responsible: boolean }> = [];
  const activities = new Map<
    string,
    DraftActivity & { assignments: Array<DraftActivity['assignments'][number]> }
  >();
  const partyIdOf = (name: string) =>
    declared.parties?.find((party) => party.name === name)?.id ?? (slugify(name) || 'party');
  const levelIdOf = (name: string) =>
    declared.levels?.find((level) => level.name === name)?.id ?? slugify(name);
  const contextIdOf = (name: string) =>
    declared.contexts?.find((context) => context.name === name)?.id ?? slugify(name);
  rows.forEach((row, index) => {
    const rowNumber = index + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const cell = (key: keyof typeof LONG) =>
      column[key] === -1 ? '' : (row[column[key]] ?? '').trim();
    problems.ragged(sheet, rowNumber, row, header.length);
    const activityTitle = cell('title');
    const party = cell('party');
    const level = cell('level');
    if (!activityTitle)
      return problems.add(sheet, rowNumber, column.title, 'has no activity title');
    if (!party) return problems.add(sheet, rowNumber, column.party, 'names no party');
    if (!level) return problems.add(sheet, rowNumber, column.level, 'names no level');
    const responsible = cell('responsible').toLowerCase();
    if (column.responsible !== -1 && !['yes', 'no'].includes(responsible)) {
      return problems.add(
        sheet,
        rowNumber,
        column.responsible,
        `is \`${cell('responsible')}\`, expected yes or no`,
      );
    }
    const known = levelNames.find((entry) => entry.name === level);
    if (!known) levelNames.push({ name: level, responsible: responsible !== 'no' });
    else if (column.responsible !== -1 && known.responsible !== (responsible === 'yes')) {
      return problems.add(
        sheet,
        rowNumber,
        column.responsible,
        `says level \`${level}\` is ${responsible === 'yes' ? '' : 'not '}responsible, where an earlier row says otherwise`,
      );
    }
    const path = cell('area') ? cell('area').split(/\s+>\s+/) : [];
    const id = cell('id') || idFromUrl(cell('url'));
    const key = id || `${path.join('\u0000')}\u0001${activityTitle}`;
    let activity = activities.get(key);
    if (!activity) {
      activity = {
        ...(id && { id }),
        title: activityTitle,
        path,
        references: splitReferences(cell('references')).map((reference) => {
          const url = referenceUrls.get(`${id}\u0000${reference.framework}\u0000${reference.id}`);
          return { ...reference, ...(url && { url }) };
        }),
        assignments: [],
      };
      activities.set(key, activity);
      partyOrders.set(key, []);
    }
    partyOrders.get(key)!.push(party);
    const contextNames = cell('contexts') ? cell('contexts').split(/\s*;\s*/) : [];
    if (contextNames.length > 0) contextOrders.push(contextNames);
    const footnotes = cell('footnotes')
      .split(/\r?\n/)
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text, number) => ({ label: String(number + 1), text }));
    activity.assignments.push({
      party: partyIdOf(party),
      level: levelIdOf(level),
      ...(contextNames.length > 0 && { contexts: contextNames.map(contextIdOf) }),
      ...(cell('condition') && { condition: inlineText(cell('condition')) }),
      ...(cell('note') && { note: plainTextAsMarkdown(cell('note')) }),
      ...(footnotes.length > 0 && { footnotes }),
    });
  });
  if (problems.count > 0) return undefined;
  const parties =
    declared.parties ??
    mergeOrders([...partyOrders.values()]).map((name) => ({ id: partyIdOf(name), name }));
  const contexts =
    declared.contexts ??
    mergeOrders(contextOrders).map((name) => ({ id: contextIdOf(name), name }));
  const levels =
    declared.levels ??
    levelNames.map(({ name, responsible }) => ({ id: levelIdOf(name), name, responsible }));
  const onlyDefault =
    levels.length === 1 && levels[0]!.id === 'responsible' && levels[0]!.responsible;
  const all = contexts.map((context) => context.id).join('\u0000');
  return {
    title: declared.title ?? title,
    ...declared.metadata,
    parties,
    ...(!onlyDefault && { levels }),
    contexts,
    activities: [...activities.values()].map((activity) => ({
      ...activity,
      // Held in every context is held everywhere: no `in …` on the party's line.
      assignments: activity.assignments.map(({ contexts: held, ...rest }) =>
        held && held.join('\u0000') !== all ? { ...rest, contexts: held } : rest,
      ),
    })),
  };
}

/** `https://…/activities/<id>/` (or `…/activities/<id>/index.html`): the activity's id. */
export function idFromUrl(url: string): string {
  const match = /(?:^|\/)activities\/([^/?#]+)\/(?:index\.html)?(?:[?#].*)?$/.exec(url.trim());
  return match ? decodeURIComponent(match[1]!) : '';
}

/** `CCM A&A-01; NIST SP 800-53 AC-1`: each entry's last word is its id, the rest its framework. */
export function splitReferences(text: string): Array<{ framework: string; id: string }> {
  return text
    .split(/\s*;\s*/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const space = entry.lastIndexOf(' ');
      return space === -1
        ? { framework: '', id: entry }
        : { framework: entry.slice(0, space).trim(), id: entry.slice(space + 1) };
    });
}

/**
 * One order that keeps every given order: each row lists its parties (or contexts) in the
 * model's order, so merging them gives that order back; ties go to the first seen.
 */
export function mergeOrders(orders: readonly (readonly string[])[]): string[] {
  const after = new Map<string, Set<string>>();
  const firstSeen: string[] = [];
  for (const order of orders) {
    order.forEach((name, index) => {
      if (!after.has(name)) (after.set(name, new Set()), firstSeen.push(name));
      if (index > 0 && order[index - 1] !== name) after.get(name)!.add(order[index - 1]!);
    });
  }
  const placed: string[] = [];
  const done = new Set<string>();
  while (placed.length < firstSeen.length) {
    const next =
      firstSeen.find(
        (name) => !done.has(name) && [...after.get(name)!].every((before) => done.has(before)),
      ) ?? firstSeen.find((name) => !done.has(name))!;
    placed.push(next);
    done.add(next);
  }
  return placed;
}
