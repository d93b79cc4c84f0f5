import type { Activity, Assignment, Model } from '../model/index.ts';
import { declaresLevels } from '../model/vocabulary.ts';
import { csvText } from './csv-text.ts';

/** Mark for a responsible party's cell when the model has only the default level; empty otherwise. */
export const CSV_MARK = 'x';

type Vocabulary = Pick<Model, 'parties' | 'levels' | 'contexts'>;

/**
 * The matrix as CSV (RFC 4180: CRLF line ends, fields quoted when they need it, quotes
 * doubled): area path, activity, references (when any), then a column per party — per party
 * and context when the model has contexts — holding the level the party holds there (`x`
 * for a model with only the default level), then the url. A field that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or CR) is prefixed with `'`, as OWASP advises.
 */
export function matrixCsv(
  model: Vocabulary,
  activities: readonly Activity[],
  urlOf: (activityId: string) => string,
): string {
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
  const header = [
    'Area',
    'Activity',
    ...(withReferences ? ['References'] : []),
    ...columns.map((column) => column.label),
    'URL',
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
    ...columns.map(({ party, context }) => {
      const held = activity.assignments.filter(
        (assignment) => assignment.party === party.id && holdsIn(activity, assignment, context?.id),
      );
      if (onlyDefault) return held.length > 0 ? CSV_MARK : '';
      return [
        ...new Set(held.map((assignment) => levelName.get(assignment.level) ?? assignment.level)),
      ].join('; ');
    }),
    urlOf(activity.id),
  ]);
  return csvText([header, ...rows]);
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
  const header = [
    'Model',
    'Area',
    'Activity',
    'References',
    'Context',
    ...parties.map((party) => party.name),
    'URL',
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
            if (onlyDefault) return held.length > 0 ? CSV_MARK : '';
            return [
              ...new Set(
                held.map((assignment) => levelName.get(assignment.level) ?? assignment.level),
              ),
            ].join('; ');
          }),
          urlOf(model.id, activity.id),
        ]),
    );
  });
  return csvText([header, ...rows]);
}
