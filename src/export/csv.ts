import type { Activity, Assignment, Model } from '../model/index.ts';
import { declaresLevels } from '../model/vocabulary.ts';

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
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
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

function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
