import type { Activity, Assignment, Model } from '../model/index.ts';
import { declaresLevels } from '../model/schema.ts';
import { plainTextOfMarkdown } from '../render/plain-text.ts';
import { csvText } from './csv-text.ts';

/** Mark for a responsible party's cell when the model has only the default level; empty otherwise. */
export const CSV_MARK = 'x';

type Vocabulary = Pick<Model, 'parties' | 'levels' | 'contexts'>;

/**
 * The matrix as CSV (RFC 4180: CRLF line ends, fields quoted when they need it, quotes
 * doubled): area path, activity, references (when any), the author's own columns (when any),
 * then a column per party — per party and context when the model has contexts — holding the
 * level the party holds there (`x` for a model with only the default level) with its condition
 * and footnote labels, then the url, then the footnotes' text when any cell has one. A field that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or CR) is prefixed with `'`, as OWASP advises.
 */
export function matrixCsv(
  model: Vocabulary,
  activities: readonly Activity[],
  urlOf: (activityId: string) => string,
): string {
  return csvText(matrixRows(model, activities, urlOf));
}

/** The rows of `matrix.csv`, its header first: the workbook's matrix sheet has the same. */
export function matrixRows(
  model: Vocabulary,
  activities: readonly Activity[],
  urlOf: (activityId: string) => string,
): string[][] {
  const onlyDefault = !declaresLevels(model);
  const levelName = new Map(model.levels.map((level) => [level.id, level.name]));
  const withReferences = activities.some((activity) => activity.references.length > 0);
  const columns =
    model.contexts.length === 0
      ? model.parties.map((party) => ({ party, context: undefined, label: party.name }))
      : model.parties.flatMap((party) =>
          model.contexts.map((context) => ({
            party,
            context,
            label: `${party.name} (${context.name})`,
          })),
        );
  const withFootnotes = activities.some(citesFootnotes);
  // The author's own columns (`Evidence`), in the order first met.
  const fieldNames = [
    ...new Set(
      activities.flatMap((activity) => (activity.fields ?? []).map((field) => field.name)),
    ),
  ];
  const header = [
    'Area',
    'Activity',
    ...(withReferences ? ['References'] : []),
    ...fieldNames,
    ...columns.map((column) => column.label),
    'URL',
    ...(withFootnotes ? ['Footnotes'] : []),
  ];
  const rows = activities.map((activity) => [
    activity.path.join(' > '),
    activity.title,
    ...(withReferences
      ? [
          activity.references
            .map((reference) => `${reference.framework} ${reference.id}`.trim())
            .join('; '),
        ]
      : []),
    ...fieldNames.map((name) =>
      plainTextOfMarkdown(activity.fields?.find((field) => field.name === name)?.markdown ?? ''),
    ),
    ...columns.map(({ party, context }) => {
      const held = activity.assignments.filter(
        (assignment) => assignment.party === party.id && holdsIn(activity, assignment, context?.id),
      );
      return [
        ...new Set(
          held.map((assignment) =>
            heldText(
              onlyDefault ? CSV_MARK : (levelName.get(assignment.level) ?? assignment.level),
              assignment,
            ),
          ),
        ),
      ].join('; ');
    }),
    urlOf(activity.id),
    ...(withFootnotes ? [activityFootnotes(activity)] : []),
  ]);
  return [header, ...rows];
}

/**
 * A level in a cell of the wide CSV, with what qualifies it: `Owns if <condition>`, and the
 * labels of its footnotes (`Owns [^1]`), whose text the Footnotes column gives.
 */
function heldText(level: string, assignment: Assignment): string {
  const condition =
    assignment.condition === undefined ? '' : ` if ${plainTextOfMarkdown(assignment.condition)}`;
  const marks = (assignment.footnotes ?? []).map((footnote) => ` [^${footnote.label}]`).join('');
  return `${level}${condition}${marks}`;
}

/** The footnotes an activity's cells cite, each once: `[^1]: text`, a line each. */
function activityFootnotes(activity: Activity): string {
  const footnotes = new Map<string, string>();
  for (const assignment of activity.assignments) {
    for (const { label, text } of assignment.footnotes ?? []) {
      footnotes.set(label, plainTextOfMarkdown(text));
    }
  }
  return [...footnotes].map(([label, text]) => `[^${label}]: ${text}`).join('\n');
}

const citesFootnotes = (activity: Activity) =>
  activity.assignments.some((assignment) => assignment.footnotes);

/** An assignment's footnotes as text, a line each. */
function footnotesText(assignment: Assignment): string {
  return (assignment.footnotes ?? [])
    .map((footnote) => plainTextOfMarkdown(footnote.text))
    .join('\n');
}

/** Whether an assignment holds in a context (or anywhere, without one). */
export function holdsIn(
  activity: Activity,
  assignment: Assignment,
  context: string | undefined,
): boolean {
  if (context === undefined) return true;
  if (activity.contexts && !activity.contexts.includes(context)) return false;
  return !assignment.contexts || assignment.contexts.includes(context);
}

/**
 * A library's matrices in one table: a row per model, activity and context (for a model that
 * declares contexts), a column per party of the site holding its level there.
 */
export function libraryCsv(
  models: ReadonlyArray<{ model: Model; activities: readonly Activity[] }>,
  urlOf: (modelId: string, activityId: string) => string,
): string {
  const parties = [
    ...new Map(
      models.flatMap(({ model }) => model.parties.map((party) => [party.id, party] as const)),
    ).values(),
  ];
  const withFootnotes = models.some(({ activities }) => activities.some(citesFootnotes));
  const header = [
    'Model',
    'Area',
    'Activity',
    'References',
    'Context',
    ...parties.map((party) => party.name),
    'URL',
    ...(withFootnotes ? ['Footnotes'] : []),
  ];
  const rows = models.flatMap(({ model, activities }) => {
    const onlyDefault = !declaresLevels(model);
    const levelName = new Map(model.levels.map((level) => [level.id, level.name]));
    const contexts = model.contexts.length > 0 ? model.contexts : [undefined];
    return activities.flatMap((activity) =>
      contexts
        .filter(
          (context) => !context || !activity.contexts || activity.contexts.includes(context.id),
        )
        .map((context) => [
          model.title,
          activity.path.join(' > '),
          activity.title,
          activity.references
            .map((reference) => `${reference.framework} ${reference.id}`.trim())
            .join('; '),
          context?.name ?? '',
          ...parties.map((party) => {
            const held = activity.assignments.filter(
              (assignment) =>
                assignment.party === party.id && holdsIn(activity, assignment, context?.id),
            );
            return [
              ...new Set(
                held.map((assignment) =>
                  heldText(
                    onlyDefault ? CSV_MARK : (levelName.get(assignment.level) ?? assignment.level),
                    assignment,
                  ),
                ),
              ),
            ].join('; ');
          }),
          urlOf(model.id, activity.id),
          ...(withFootnotes ? [activityFootnotes(activity)] : []),
        ]),
    );
  });
  return csvText([header, ...rows]);
}

/**
 * Every assignment as a row of its own — the long form of the matrix, for a spreadsheet's
 * filters and pivots: what an activity is, and who holds it at which level, in which contexts,
 * on which condition, with which footnotes and note (as text), and its permanent address. Every assignment
 * fact of `model.json` is in it. A library's names the model of each row.
 */
export function assignmentsCsv(
  models: ReadonlyArray<{ model: Model; activities: readonly Activity[] }>,
  urlOf: (modelId: string, activityId: string) => string,
): string {
  return csvText(assignmentRows(models, urlOf));
}

/** The rows of `assignments.csv`, its header first: the workbook's notes sheet has the same. */
export function assignmentRows(
  models: ReadonlyArray<{ model: Model; activities: readonly Activity[] }>,
  urlOf: (modelId: string, activityId: string) => string,
): string[][] {
  const library = models.length > 1;
  const header = [
    ...(library ? ['Model'] : []),
    'Activity id',
    'Activity',
    'Area',
    'References',
    'Party',
    'Level',
    'Responsible',
    'Contexts',
    'Condition',
    'Footnotes',
    'Note',
    'URL',
  ];
  const rows = models.flatMap(({ model, activities }) => {
    const party = new Map(model.parties.map((entry) => [entry.id, entry.name]));
    const level = new Map(model.levels.map((entry) => [entry.id, entry]));
    const context = new Map(model.contexts.map((entry) => [entry.id, entry.name]));
    return activities.flatMap((activity) =>
      activity.assignments.map((assignment) => [
        ...(library ? [model.title] : []),
        activity.id,
        activity.title,
        activity.path.join(' > '),
        activity.references
          .map((reference) => `${reference.framework} ${reference.id}`.trim())
          .join('; '),
        party.get(assignment.party) ?? assignment.party,
        level.get(assignment.level)?.name ?? assignment.level,
        level.get(assignment.level)?.responsible ? 'yes' : 'no',
        // Every context it holds in, named: an empty cell would read as "none".
        (assignment.contexts ?? activity.contexts ?? model.contexts.map((entry) => entry.id))
          .map((id) => context.get(id) ?? id)
          .join('; '),
        assignment.condition === undefined ? '' : plainTextOfMarkdown(assignment.condition),
        footnotesText(assignment),
        assignment.note === undefined ? '' : plainTextOfMarkdown(assignment.note),
        urlOf(model.id, activity.id),
      ]),
    );
  });
  return [header, ...rows];
}
