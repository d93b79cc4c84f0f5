import type { Model, Party } from '../model/index.ts';
import { declaresLevels } from '../model/schema.ts';
import { plainTextOfMarkdown } from '../render/plain-text.ts';
import { documentId, type SearchDocument } from './options.ts';

/** The index and the words the excerpts quote are built from the same documents: once a model. */
const built = new WeakMap<Model, SearchDocument[]>();

/** Every searchable thing of a model: activities first, then areas, parties and prose. */
export function searchDocuments(model: Model): SearchDocument[] {
  let documents = built.get(model);
  if (!documents) {
    documents = documentsOf(model);
    built.set(model, documents);
  }
  return documents;
}

/** A model's documents in a site: in a library, each id starts with the model's and a `/`. */
export function librarySearchDocuments(model: Model, library: boolean): SearchDocument[] {
  const documents = searchDocuments(model);
  return library
    ? documents.map((document) => ({ ...document, id: `${model.id}/${document.id}` }))
    : documents;
}

function documentsOf(model: Model): SearchDocument[] {
  const parties = new Map(model.parties.map((party) => [party.id, party]));
  const levels = new Map(model.levels.map((level) => [level.id, level.name]));
  const contexts = new Map(model.contexts.map((context) => [context.id, context.name]));
  const ownLevels = declaresLevels(model);
  // "Accountable", "PaaS": a reader searches by the words the matrix shows.
  const holdsOf = (activity: Model['activities'][number]) =>
    [
      ...new Set(
        activity.assignments.flatMap((assignment) => [
          ...(ownLevels ? [levels.get(assignment.level) ?? ''] : []),
          ...(assignment.contexts ?? activity.contexts ?? []).map((id) => contexts.get(id) ?? ''),
        ]),
      ),
    ].join(' ');
  const names = (ids: readonly string[]) =>
    ids
      .map((id) => parties.get(id))
      .filter((party): party is Party => party !== undefined)
      .map((party) => (party.short ? `${party.name} ${party.short}` : party.name))
      .join(' ');

  const activities = model.activities.map((activity) => ({
    id: documentId('activity', activity.id),
    kind: 'activity' as const,
    title: activity.title,
    path: activity.path.join(' › '),
    parties: activity.parties.join(' '),
    partyNames: names(activity.parties),
    // A note carried by each of a party's entries, or a footnote cited in several cells, once.
    text: [
      ...new Set([
        activity.description ?? '',
        ...(activity.fields ?? []).map((field) => `${field.name}: ${field.markdown}`),
        ...activity.assignments.flatMap((assignment) => [
          assignment.note ?? '',
          assignment.condition ?? '',
          ...(assignment.footnotes ?? []).map((footnote) => footnote.text),
        ]),
      ]),
    ]
      .map(plainTextOfMarkdown)
      .join(' '),
    references: activity.references
      .map((reference) => `${reference.framework} ${reference.id}`.trim())
      .join('\n'),
    holds: holdsOf(activity),
  }));
  const areas = model.areas.map((area) => ({
    id: documentId('area', area.id),
    kind: 'area' as const,
    title: area.title,
    path: area.path.join(' › '),
    parties: '',
    partyNames: '',
    text: '',
    references: '',
    holds: '',
  }));
  const partyPages = model.parties.map((party) => ({
    id: documentId('party', party.id),
    kind: 'party' as const,
    title: party.name,
    path: '',
    parties: party.id,
    partyNames: names([party.id]),
    text: [party.scope ?? '', plainTextOfMarkdown(party.description ?? '')].join(' '),
    references: '',
    holds: '',
  }));
  const sections = model.sections.map((section) => ({
    id: documentId('section', section.id),
    kind: 'section' as const,
    title: section.title,
    path: '',
    parties: '',
    partyNames: '',
    text: plainTextOfMarkdown(section.markdown),
    references: '',
    holds: '',
  }));
  return [...activities, ...areas, ...partyPages, ...sections];
}
