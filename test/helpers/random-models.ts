/**
 * Random shared responsibility models for consistency tests: a spec (parties, levels,
 * contexts, activities and who holds each where), the Markdown an author would write for it in
 * the three forms (grid rows, activity blocks, per-party lists, mixed in one file), and the
 * facts a page must state, computed plainly from the spec — not by the code under test.
 */
import fc from 'fast-check';

export interface SpecLevel {
  id: string;
  name: string;
  responsible: boolean;
}
export interface SpecEntry {
  party: string;
  level: string;
  /** Context ids; every context of the activity when null. */
  contexts: string[] | null;
  condition?: string;
  footnote?: string;
  note?: string;
}
export interface SpecActivity {
  title: string;
  area: string | null;
  form: 'grid' | 'block' | 'list';
  /** The contexts it exists in, when not all (grids and blocks only). */
  contexts: string[] | null;
  entries: SpecEntry[];
}
export interface ModelSpec {
  id: string;
  parties: Array<{ id: string; name: string }>;
  /** Null: the model declares no levels and has the default one. */
  levels: SpecLevel[] | null;
  contexts: Array<{ id: string; name: string }>;
  activities: SpecActivity[];
}

const PARTIES = [
  { id: 'alpha', name: 'Alpha Corp' },
  { id: 'beta', name: 'Beta Ops' },
  { id: 'gamma', name: 'Gamma Cloud' },
  { id: 'delta', name: 'Delta Team' },
];
const LEVELS: SpecLevel[] = [
  { id: 'owns', name: 'Owns', responsible: true },
  { id: 'shares', name: 'Shares', responsible: true },
  // As Azure's table names its level: the badge must then find another word.
  { id: 'shared', name: 'Shared', responsible: true },
  { id: 'advises', name: 'Advises', responsible: false },
];
const DEFAULT: SpecLevel = { id: 'responsible', name: 'Responsible', responsible: true };
const CONTEXTS = [
  { id: 'dev', name: 'Dev' },
  { id: 'test', name: 'Test' },
  { id: 'prod', name: 'Prod' },
];
const AREAS = ['Platform', 'Data'];

export const levelsOf = (spec: ModelSpec): SpecLevel[] => spec.levels ?? [DEFAULT];

/** A model: its vocabulary first, then activities drawn to fit it (disjoint contexts per party). */
export function modelSpec(id: string): fc.Arbitrary<ModelSpec> {
  return fc
    .record({
      partyCount: fc.integer({ min: 2, max: 4 }),
      levels: fc.option(
        fc
          .subarray(LEVELS, { minLength: 1 })
          .filter((levels) => levels.some((level) => level.responsible)),
        { nil: null },
      ),
      contexts: fc.subarray(CONTEXTS),
    })
    .chain(({ partyCount, levels, contexts }) => {
      const parties = PARTIES.slice(0, partyCount);
      const levelIds = (levels ?? [DEFAULT]).map((level) => level.id);
      const contextIds = contexts.map((context) => context.id);
      return fc
        .array(activitySpec(parties, levelIds, contextIds), { minLength: 1, maxLength: 8 })
        .map((activities) => ({
          id,
          parties,
          levels,
          contexts,
          activities: activities.map(aloneForConditions(contextIds)).map((activity, index) => ({
            ...activity,
            title: `Task ${index + 1}`,
            // A grid's empty Area cell continues the area above: grid rows always name theirs.
            area: activity.form === 'grid' ? (activity.area ?? AREAS[0]!) : activity.area,
            entries: activity.entries.map((entry) => ({
              ...entry,
              ...(entry.condition && { condition: `option ${index + 1} is on` }),
              ...(entry.footnote && { footnote: `Remark ${index + 1} for ${entry.party}.` }),
              ...(entry.note && { note: `What ${entry.party} does for task ${index + 1}.` }),
            })),
          })),
        }));
    });
}

/**
 * A grid cell's `if …` is the condition of all it assigns, and names one party to be
 * unambiguous: a grid entry keeps its condition only where it is alone in each cell it covers.
 */
function aloneForConditions(contexts: readonly string[]) {
  return (activity: Omit<SpecActivity, 'title'>): Omit<SpecActivity, 'title'> => {
    if (activity.form !== 'grid' || contexts.length === 0) return activity;
    const where = activity.contexts ?? contexts;
    const covers = (entry: SpecEntry, context: string) =>
      !entry.contexts || entry.contexts.includes(context);
    return {
      ...activity,
      entries: activity.entries.map((entry) => {
        const alone = where.every(
          (context) =>
            !covers(entry, context) ||
            activity.entries.every((other) => other === entry || !covers(other, context)),
        );
        if (alone || !entry.condition) return entry;
        const { condition: _dropped, ...rest } = entry;
        return rest;
      }),
    };
  };
}

function activitySpec(
  parties: Array<{ id: string }>,
  levels: string[],
  contexts: string[],
): fc.Arbitrary<Omit<SpecActivity, 'title'>> {
  return fc
    .record({
      form: fc.constantFrom<SpecActivity['form']>('grid', 'block', 'list'),
      area: fc.constantFrom<string | null>(null, ...AREAS),
      own:
        contexts.length === 0
          ? fc.constant(null)
          : fc.option(fc.subarray(contexts, { minLength: 1 }), { nil: null }),
      holders: fc.array(
        fc.record({
          party: fc.constantFrom(...parties.map((party) => party.id)),
          level: fc.constantFrom(...levels),
          split: fc.boolean(),
          condition: fc.boolean(),
          footnote: fc.boolean(),
          note: fc.boolean(),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    })
    .map(({ form, area, own, holders }) => {
      const exists = contexts.length === 0 || form === 'list' ? null : own;
      const where = exists ?? contexts;
      const entries: SpecEntry[] = [];
      const taken = new Map<string, Set<string> | 'all'>();
      for (const holder of holders) {
        const used = taken.get(holder.party);
        if (used === 'all') continue;
        // A party holds it everywhere, or in contexts no other entry of it covers.
        let held: string[] | null = null;
        if (where.length > 0 && (holder.split || used)) {
          const free = where.filter((id) => !used?.has(id));
          if (free.length === 0) continue;
          held = holder.split ? free.slice(0, Math.max(1, free.length - 1)) : free;
        } else if (used) continue;
        taken.set(holder.party, held ? new Set([...(used || []), ...held]) : 'all');
        const writable = form !== 'list';
        entries.push({
          party: holder.party,
          level: holder.level,
          contexts: held,
          ...(writable && holder.condition && { condition: 'x' }),
          ...(form === 'grid' && holder.footnote && { footnote: 'x' }),
          ...(form !== 'grid' && holder.note && { note: 'x' }),
        });
      }
      return { form, area, contexts: exists, entries };
    });
}

/** The contexts an activity exists in, `[null]` in a model without contexts. */
export function contextsIn(spec: ModelSpec, activity: SpecActivity): Array<string | null> {
  if (spec.contexts.length === 0) return [null];
  return activity.contexts ?? spec.contexts.map((context) => context.id);
}

/** Where an entry holds. */
export function entryContexts(
  spec: ModelSpec,
  activity: SpecActivity,
  entry: SpecEntry,
): Array<string | null> {
  return entry.contexts ?? contextsIn(spec, activity);
}

/** An entry's note: its own, or the one note its party wrote on the activity. */
export function expectedNote(activity: SpecActivity, entry: SpecEntry): string | undefined {
  if (entry.note) return entry.note;
  const notes = new Set(
    activity.entries
      .filter((other) => other.party === entry.party && other.note)
      .map((e) => e.note),
  );
  return notes.size === 1 ? [...notes][0] : undefined;
}

/** The parties responsible for the activity in one context, plainly. */
export function responsibleParties(
  spec: ModelSpec,
  activity: SpecActivity,
  context: string | null,
): Set<string> {
  const responsible = new Set(
    levelsOf(spec)
      .filter((l) => l.responsible)
      .map((l) => l.id),
  );
  const parties = new Set<string>();
  for (const entry of activity.entries) {
    if (!responsible.has(entry.level)) continue;
    if (entryContexts(spec, activity, entry).includes(context)) parties.add(entry.party);
  }
  return parties;
}

/** The badge an activity must carry, or undefined. */
export function expectedBadge(spec: ModelSpec, activity: SpecActivity): string | undefined {
  const shared = contextsIn(spec, activity).filter(
    (context) => responsibleParties(spec, activity, context).size >= 2,
  );
  if (shared.length === 0) return undefined;
  const word = levelsOf(spec).some((level) => level.name === 'Shared') ? 'Jointly held' : 'Shared';
  if (shared[0] === null) {
    return `${word} by ${responsibleParties(spec, activity, null).size} parties`;
  }
  const names = shared.map((id) => spec.contexts.find((context) => context.id === id)!.name);
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${word} in ${list}`;
}

/** A party's counts: distinct activities it is responsible for, and those it only takes part in. */
export function expectedCounts(
  spec: ModelSpec,
  party: string,
  within: readonly string[] = [],
): { responsible: number; takesPart: number } {
  let responsible = 0;
  let takesPart = 0;
  for (const activity of spec.activities) {
    const picked = (context: string | null) =>
      within.length === 0 || context === null || within.includes(context);
    const isResponsible = contextsIn(spec, activity).some(
      (context) => picked(context) && responsibleParties(spec, activity, context).has(party),
    );
    const holds = activity.entries.some(
      (entry) =>
        entry.party === party &&
        entryContexts(spec, activity, entry).some(
          (context) => picked(context) && contextsIn(spec, activity).includes(context),
        ),
    );
    if (isResponsible) responsible += 1;
    else if (holds) takesPart += 1;
  }
  return { responsible, takesPart };
}

/** Every (party, context, level) the model holds for an activity, with the entry's words. */
export function expectedHolds(
  spec: ModelSpec,
  activity: SpecActivity,
): Array<{ party: string; context: string | null; level: string; entry: SpecEntry }> {
  return activity.entries.flatMap((entry) =>
    entryContexts(spec, activity, entry).map((context) => ({
      party: entry.party,
      context,
      level: entry.level,
      entry,
    })),
  );
}

/**
 * The Markdown of a spec: the grid's rows first (a table at the top of the matrix), then the
 * blocks (those without an area directly in the matrix, the others under their area's
 * heading), then each party's list. Returns the file and the titles in the order they appear.
 */
export function specMarkdown(spec: ModelSpec): { markdown: string; order: string[] } {
  const levels = levelsOf(spec);
  const levelName = (id: string) => levels.find((level) => level.id === id)!.name;
  const partyName = (id: string) => spec.parties.find((party) => party.id === id)!.name;
  const contextName = (id: string) => spec.contexts.find((context) => context.id === id)!.name;
  const footnotes: string[] = [];
  const order: string[] = [];
  const out: string[] = [];
  const frontmatter = [
    '---',
    `title: Model ${spec.id}`,
    ...(spec.levels
      ? [
          'levels:',
          ...spec.levels.map(
            (level) =>
              `  - { id: ${level.id}, name: ${level.name}, responsible: ${level.responsible} }`,
          ),
        ]
      : []),
    ...(spec.contexts.length > 0
      ? [`contexts: [${spec.contexts.map((context) => context.name).join(', ')}]`]
      : []),
    'parties:',
    ...spec.parties.map((party) => `  - { id: ${party.id}, name: ${party.name} }`),
    '---',
    '',
    `# Model ${spec.id}`,
    '',
    '## Responsibility matrix',
    '',
  ];
  out.push(...frontmatter);

  const grid = spec.activities.filter((activity) => activity.form === 'grid');
  if (grid.length > 0) {
    const withContexts = spec.contexts.length > 0;
    const columns = withContexts
      ? spec.contexts.map((context) => context.name)
      : spec.parties.map((party) => party.name);
    out.push(`| Area | Activity | ${columns.join(' | ')} |`);
    out.push(`| --- | --- | ${columns.map(() => '---').join(' | ')} |`);
    for (const activity of grid) {
      order.push(activity.title);
      const cells = withContexts
        ? spec.contexts.map((context) => contextCell(activity, context.id))
        : spec.parties.map((party) => partyCell(activity, party.id));
      out.push(`| ${activity.area} | ${activity.title} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }

  function footnote(entry: SpecEntry): string {
    if (!entry.footnote) return '';
    if (!footnotes.includes(entry.footnote)) footnotes.push(entry.footnote);
    return `[^f${footnotes.indexOf(entry.footnote) + 1}]`;
  }
  function named(entry: SpecEntry): string {
    return spec.levels
      ? `${partyName(entry.party)} (${levelName(entry.level)})`
      : partyName(entry.party);
  }
  function contextCell(activity: SpecActivity, context: string): string {
    if (activity.contexts && !activity.contexts.includes(context)) return 'N/A';
    const here = activity.entries.filter(
      (entry) => !entry.contexts || entry.contexts.includes(context),
    );
    const tokens = here.map((entry) => `${named(entry)}${footnote(entry)}`);
    const condition = here.length === 1 && here[0]!.condition ? ` if ${here[0]!.condition}` : '';
    return `${tokens.join(', ')}${condition}`;
  }
  function partyCell(activity: SpecActivity, party: string): string {
    const entry = activity.entries.find((candidate) => candidate.party === party);
    if (!entry) return '';
    const level = spec.levels ? levelName(entry.level) : '✓';
    return `${level}${footnote(entry)}${entry.condition ? ` if ${entry.condition}` : ''}`;
  }

  const blocks = spec.activities.filter((activity) => activity.form === 'block');
  const block = (activity: SpecActivity) => {
    order.push(activity.title);
    out.push(`#### ${activity.title}`, '');
    if (activity.contexts) {
      out.push(`Contexts: ${activity.contexts.map(contextName).join(', ')}`, '');
    }
    for (const entry of activity.entries) {
      const parts = [
        spec.levels ? ` ${levelName(entry.level)}` : '',
        entry.contexts ? ` in ${entry.contexts.map(contextName).join(', ')}` : '',
        entry.condition ? `${entry.contexts ? ',' : ''} if ${entry.condition}` : '',
      ].join('');
      out.push(`- **${partyName(entry.party)}**${parts}${entry.note ? `: ${entry.note}` : ''}`);
    }
    out.push('');
  };
  for (const activity of blocks.filter((candidate) => candidate.area === null)) block(activity);
  for (const area of AREAS) {
    const inArea = blocks.filter((candidate) => candidate.area === area);
    if (inArea.length === 0) continue;
    out.push(`### ${area}`, '');
    for (const activity of inArea) block(activity);
  }

  const lists = spec.activities.filter((activity) => activity.form === 'list');
  for (const party of spec.parties) {
    const held = lists.filter((activity) => activity.entries.some((e) => e.party === party.id));
    if (held.length === 0) continue;
    out.push(`### ${party.name}`, '');
    const item = (activity: SpecActivity, indent: string) => {
      for (const entry of activity.entries.filter((e) => e.party === party.id)) {
        if (!order.includes(activity.title)) order.push(activity.title);
        const attributes = [
          spec.levels ? `level=${entry.level}` : '',
          entry.contexts ? `contexts=${entry.contexts.join(',')}` : '',
        ].filter(Boolean);
        out.push(
          `${indent}- ${activity.title}${attributes.length > 0 ? ` {${attributes.join(' ')}}` : ''}`,
        );
        if (entry.note) out.push('', `${indent}  ${entry.note}`, '');
      }
    };
    for (const activity of held.filter((candidate) => candidate.area === null)) item(activity, '');
    for (const area of AREAS) {
      const inArea = held.filter((candidate) => candidate.area === area);
      if (inArea.length === 0) continue;
      out.push(`- ${area}`);
      for (const activity of inArea) item(activity, '  ');
    }
    out.push('');
  }
  footnotes.forEach((text, index) => out.push(`[^f${index + 1}]: ${text}`, ''));
  return { markdown: out.join('\n'), order };
}
