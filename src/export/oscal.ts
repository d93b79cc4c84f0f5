import { v5 as uuidV5 } from 'uuid';
import type { Activity, Assignment, Level, Model, Party } from '../model/index.ts';
import { responsibleIn, sharedContexts } from '../model/derived.ts';
import { trimCharacter } from '../model/text-parts.ts';
import { NO_DATE } from './modified.ts';
import { plainTextOfMarkdown } from '../render/plain-text.ts';

/** The OSCAL release whose component-definition schema the tests validate against. */
export const OSCAL_VERSION = '1.0.6';

/** The namespace of Onus's own props: OSCAL asks that props it does not define carry one. */
export const ONUS_NS = 'urn:onus:oscal';

/** Onus's UUID v5 namespace: every UUID of an export is v5 of it and a name, never random. */
const ONUS_UUID_NAMESPACE = '0e6f5c1a-53a4-4c4b-9d7e-6a3b1f2e8c90';

/** OSCAL catalogs NIST publishes, for references that name their framework. */
const KNOWN_CATALOGS: ReadonlyArray<{ framework: RegExp; source: string; nist: boolean }> = [
  {
    framework: /800-53.*\brev(?:ision)?\.?\s*4\b/i,
    source:
      'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev4/json/NIST_SP-800-53_rev4_catalog.json',
    nist: true,
  },
  {
    framework: /800-53/i,
    source:
      'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json',
    nist: true,
  },
];

export interface OscalOptions {
  /** The activity's permanent address. */
  urlOf: (activityId: string) => string;
  /** When the model was last modified (see `modelModified`); undefined when nothing says. */
  modified: Date | undefined;
}

interface Prop {
  name: string;
  ns: string;
  value: string;
  class?: string;
  remarks?: string;
}

/**
 * The model as an OSCAL component definition: the service is one component, the parties are
 * roles (and parties, one per role), and each activity is an implemented requirement under the
 * control implementation of each catalog its references name — or of the model itself when
 * it names none. The responsible parties are its responsible roles; levels, contexts, areas,
 * who takes part without being responsible, and where it is shared are Onus props; each
 * party's level, contexts, condition, footnotes and note are in the remarks, as Markdown.
 */
export function oscalComponentDefinition(model: Model, options: OscalOptions): object {
  const uuid = (name: string) => uuidV5(`${model.id}/${name}`, ONUS_UUID_NAMESPACE);
  const partyUuid = (party: Party) => uuid(`party/${party.id}`);
  const implementations = new Map<
    string,
    { source: string; description: string; items: object[] }
  >();
  const implementation = (key: string, source: string, description: string) => {
    let entry = implementations.get(key);
    if (!entry) implementations.set(key, (entry = { source, description, items: [] }));
    return entry;
  };
  for (const activity of model.activities) {
    const cited = activity.references.filter((reference) => reference.framework.trim() !== '');
    if (cited.length === 0) {
      implementation(
        'onus',
        `urn:onus:model:${model.id}`,
        `Activities of ${model.title} that cite no control catalog; each control-id is the activity's permalink id.`,
      ).items.push(
        requirement(model, activity, activity.id, uuid(`activity/${activity.id}`), options),
      );
      continue;
    }
    for (const reference of cited) {
      const catalog = KNOWN_CATALOGS.find((known) => known.framework.test(reference.framework));
      const key = catalog?.source ?? `framework/${frameworkToken(reference.framework)}`;
      implementation(
        key,
        catalog?.source ?? `urn:onus:framework:${frameworkToken(reference.framework)}`,
        `Controls of ${reference.framework} that ${model.title} assigns.`,
      ).items.push(
        requirement(
          model,
          activity,
          controlId(reference.id, catalog?.nist ?? false),
          uuid(`activity/${activity.id}/${reference.framework}/${reference.id}`),
          options,
          `${reference.framework} ${reference.id}`,
        ),
      );
    }
  }
  const description =
    model.description ?? plainTextOfMarkdown(model.introduction ?? '') ?? model.title;
  return {
    $schema: `http://csrc.nist.gov/ns/oscal/${OSCAL_VERSION}/oscal-component-definition-schema.json`,
    'component-definition': {
      uuid: uuid('component-definition'),
      metadata: {
        title: model.title,
        // RFC 3339 with its zone, to the second, as OSCAL's pattern wants.
        'last-modified': `${(options.modified ?? NO_DATE).toISOString().slice(0, 19)}Z`,
        version: model.version ?? 'unversioned',
        'oscal-version': OSCAL_VERSION,
        ...(model.sourceUrl && { links: [{ href: model.sourceUrl, rel: 'alternate' }] }),
        roles: model.parties.map((party) => ({
          id: party.id,
          title: party.name,
          ...(party.short && { 'short-name': party.short }),
          ...(party.scope && { description: party.scope }),
        })),
        parties: [
          ...model.parties.map((party) => ({
            uuid: partyUuid(party),
            type: 'organization',
            name: party.name,
            ...(party.short && { 'short-name': party.short }),
          })),
          ...(model.publisher
            ? [{ uuid: uuid('publisher'), type: 'organization', name: model.publisher }]
            : []),
        ],
        'responsible-parties': [
          ...model.parties.map((party) => ({
            'role-id': party.id,
            'party-uuids': [partyUuid(party)],
          })),
        ],
        ...(model.publisher && {
          props: [{ name: 'publisher', ns: ONUS_NS, value: oneLine(model.publisher) }],
        }),
        ...(!options.modified && {
          remarks:
            'The model gives no review date (`reviewed:` in its frontmatter): last-modified is a placeholder, not the date of a change.',
        }),
      },
      components: [
        {
          uuid: uuid('component'),
          type: 'service',
          title: model.title,
          description: description || model.title,
          props: [
            ...model.levels.map((level) => levelProp(level)),
            ...model.contexts.map((context) => ({
              name: 'context',
              ns: ONUS_NS,
              value: context.id,
              remarks: context.description
                ? `${context.name}: ${context.description}`
                : context.name,
            })),
          ],
          'responsible-roles': model.parties.map((party) => ({
            'role-id': party.id,
            'party-uuids': [partyUuid(party)],
          })),
          ...(implementations.size > 0 && {
            'control-implementations': [...implementations].map(([key, entry]) => ({
              uuid: uuid(`control-implementation/${key}`),
              source: entry.source,
              description: entry.description,
              'implemented-requirements': entry.items,
            })),
          }),
        },
      ],
    },
  };

  function levelProp(level: Level): Prop {
    return {
      name: 'level',
      ns: ONUS_NS,
      value: level.id,
      class: level.responsible ? 'responsible' : 'not-responsible',
      remarks: level.description ? `${level.name}: ${level.description}` : level.name,
    };
  }
}

function requirement(
  model: Model,
  activity: Activity,
  control: string,
  uuid: string,
  options: OscalOptions,
  reference?: string,
): object {
  const levelOf = new Map(model.levels.map((level) => [level.id, level]));
  const partyOf = new Map(model.parties.map((party) => [party.id, party]));
  const responsible = new Set(
    activity.assignments
      .filter((assignment) => levelOf.get(assignment.level)?.responsible)
      .map((assignment) => assignment.party),
  );
  const shared = sharedContexts(model, activity);
  const props: Prop[] = [
    { name: 'activity-id', ns: ONUS_NS, value: activity.id },
    { name: 'activity-title', ns: ONUS_NS, value: oneLine(activity.title) },
    ...(activity.path.length > 0
      ? [{ name: 'area', ns: ONUS_NS, value: oneLine(activity.path.join(' > ')) }]
      : []),
    ...(reference ? [{ name: 'reference', ns: ONUS_NS, value: oneLine(reference) }] : []),
    ...(activity.contexts ?? []).map((context) => ({
      name: 'context',
      ns: ONUS_NS,
      value: context,
    })),
    ...shared.map((context) => ({
      name: 'shared',
      ns: ONUS_NS,
      value: context ?? 'everywhere',
      remarks: `Responsible there: ${responsibleIn(model, activity, context)
        .map((id) => partyOf.get(id)?.name ?? id)
        .join(', ')}`,
    })),
    ...activity.assignments
      .filter((assignment) => !responsible.has(assignment.party))
      .map((assignment) => ({
        name: 'takes-part',
        ns: ONUS_NS,
        value: assignment.party,
        remarks: holding(model, assignment),
      })),
  ];
  return {
    uuid,
    'control-id': control,
    description: activity.description ?? activity.title,
    props,
    links: [{ href: options.urlOf(activity.id), rel: 'reference', text: activity.title }],
    ...(responsible.size > 0 && {
      'responsible-roles': model.parties
        .filter((party) => responsible.has(party.id))
        .map((party) => ({
          'role-id': party.id,
          props: activity.assignments
            .filter((assignment) => assignment.party === party.id)
            .map((assignment) => ({
              name: 'level',
              ns: ONUS_NS,
              value: assignment.level,
              remarks: holding(model, assignment),
            })),
        })),
    }),
    remarks: activity.assignments
      .map((assignment) => {
        const party = partyOf.get(assignment.party)?.name ?? assignment.party;
        const note = assignment.note ? `\n\n${indent(assignment.note)}` : '';
        return `- **${party}**: ${holding(model, assignment)}${note}`;
      })
      .join('\n'),
  };
}

/** How a party holds an activity, in words: `Owns, in IaaS and PaaS, if …; footnote: …`. */
function holding(model: Model, assignment: Assignment): string {
  const level = model.levels.find((entry) => entry.id === assignment.level);
  const contextName = new Map(model.contexts.map((context) => [context.id, context.name]));
  const parts = [level?.name ?? assignment.level];
  if (assignment.contexts) {
    parts.push(`in ${assignment.contexts.map((id) => contextName.get(id) ?? id).join(', ')}`);
  }
  if (assignment.condition) parts.push(`if ${plainTextOfMarkdown(assignment.condition)}`);
  for (const footnote of assignment.footnotes ?? []) {
    parts.push(`footnote ${footnote.label}: ${plainTextOfMarkdown(footnote.text)}`);
  }
  return parts.join(', ');
}

const indent = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');

/** A value OSCAL's StringDatatype takes: one line, without blanks at either end. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A reference id as an OSCAL token (a control-id): NIST's own form for SP 800-53
 * (`AC-2(1)` is `ac-2.1`), else lowercased with every run of other characters one hyphen
 * (`A&A-01` is `a-a-01`); the id as written stays in the `reference` prop.
 */
export function controlId(id: string, nist: boolean): string {
  const enhancement = nist ? /^([A-Za-z]{2})-(\d+)(?:\s*\((\d+)\))?$/.exec(id.trim()) : null;
  if (enhancement) {
    const [, family, number, part] = enhancement;
    return `${family!.toLowerCase()}-${number}${part ? `.${part}` : ''}`;
  }
  const token = trimCharacter(id.toLowerCase().replace(/[^\p{L}\p{N}._]+/gu, '-'), '-');
  return /^[\p{L}_]/u.test(token) ? token : `_${token}`;
}

const frameworkToken = (framework: string) => controlId(framework, false);
