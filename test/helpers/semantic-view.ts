import type { Model } from '../../src/model/index.ts';
import { plainTextOfMarkdown } from '../../src/render/plain-text.ts';

/**
 * What a model says, whatever form wrote it: its parties, levels and contexts by name, and
 * per activity its id, title, areas, references, and who holds it at which level in each
 * context, on what condition and with what note (as text). Two models that say the same
 * give equal views; the round-trip tests compare these.
 */
export function semanticView(model: Model) {
  const level = new Map(model.levels.map((entry) => [entry.id, entry]));
  const contextName = new Map(model.contexts.map((entry) => [entry.id, entry.name]));
  const party = new Map(model.parties.map((entry) => [entry.id, entry.name]));
  const contexts = model.contexts.length > 0 ? model.contexts.map((entry) => entry.id) : [null];
  return {
    title: model.title,
    parties: model.parties.map((entry) => entry.name),
    levels: model.levels.map((entry) => ({ name: entry.name, responsible: entry.responsible })),
    contexts: model.contexts.map((entry) => entry.name),
    areas: model.areas.map((area) => [...area.path, area.title].join(' > ')),
    // By id: activity blocks can place an activity outside any area only before the areas.
    activities: [...model.activities]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((activity) => ({
        id: activity.id,
        title: activity.title,
        path: activity.path.join(' > '),
        references: activity.references.map((entry) => `${entry.framework} ${entry.id}`.trim()),
        held: contexts.flatMap((context) =>
          activity.assignments
            .filter(
              (assignment) =>
                context === null ||
                ((!activity.contexts || activity.contexts.includes(context)) &&
                  (!assignment.contexts || assignment.contexts.includes(context))),
            )
            .map((assignment) =>
              [
                context === null ? '' : contextName.get(context),
                party.get(assignment.party),
                level.get(assignment.level)?.name,
                assignment.condition ? `if ${plainTextOfMarkdown(assignment.condition)}` : '',
                assignment.note ? plainTextOfMarkdown(assignment.note) : '',
                (assignment.footnotes ?? []).map((footnote) => footnote.text).join(' '),
              ].join(' | '),
            )
            .sort(),
        ),
      })),
  };
}
