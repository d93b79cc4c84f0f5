import { plainLinesOfMarkdown, plainTextOfMarkdown } from '../render/plain-text.ts';
import type { Library } from './library.ts';
import { changesView } from './history-view.ts';
import type { StackData } from './stack.ts';

export function stackData(library: Library, site?: string): StackData {
  return {
    ...(site !== undefined && { site }),
    parties: library.parties.map(({ id, name }) => ({ id, name })),
    models: library.models.map((site) => ({
      id: site.model.id,
      title: site.model.title,
      ...(site.model.version !== undefined && { version: site.model.version }),
      ...(site.model.reviewed !== undefined && { reviewed: site.model.reviewed }),
      route: site.routes.home(),
      levels: site.model.levels.map(({ id, name, responsible }) => ({ id, name, responsible })),
      contexts: site.model.contexts.map(({ id, name }) => ({ id, name })),
      activities: site.activitiesInOrder.map((activity) => ({
        id: activity.id,
        title: activity.title,
        path: activity.path,
        route: site.routes.activity(activity.id),
        references: activity.references.map((reference) =>
          `${reference.framework} ${reference.id}`.trim(),
        ),
        ...(activity.contexts !== undefined && { contexts: activity.contexts }),
        assignments: activity.assignments.map((assignment) => ({
          party: assignment.party,
          level: assignment.level,
          ...(assignment.contexts !== undefined && { contexts: assignment.contexts }),
          ...(assignment.note !== undefined && { note: plainLinesOfMarkdown(assignment.note) }),
          ...(assignment.condition !== undefined && {
            condition: plainTextOfMarkdown(assignment.condition),
          }),
          ...(assignment.footnotes && {
            footnotes: assignment.footnotes.map((footnote) => plainTextOfMarkdown(footnote.text)),
          }),
        })),
      })),
      ...(site.history && {
        versions: changesView(site).map((version) => ({
          version: version.version,
          ...(version.date !== undefined && { date: version.date }),
          // What each version changed for each party: the lines of that party's group.
          changes: version.groups.flatMap((group) =>
            group.party === undefined
              ? []
              : group.lines.map((line) => ({
                  party: group.party!,
                  title: line.about,
                  says: line.says,
                  ...(line.route !== undefined && { route: line.route }),
                  ...(line.before !== undefined && { before: line.before }),
                  ...(line.after !== undefined && { after: line.after }),
                })),
          ),
        })),
      }),
    })),
  };
}
