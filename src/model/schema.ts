import { z } from 'zod';

export const PARTY_ID_PATTERN = /^[a-z][a-z0-9-]*$/;

export const PositionSchema = z
  .object({
    line: z.number().int().positive().describe('1-based line in the source file.'),
    column: z.number().int().positive().describe('1-based column in the source file.'),
  })
  .describe('Where the node starts in the source Markdown.');

const FormerIdsSchema = z
  .array(z.string().min(1))
  .min(1)
  .optional()
  .describe('Ids the item had before (`{#id former=…}`): their permalinks redirect to it.');

export const PartySchema = z
  .object({
    id: z.string().regex(PARTY_ID_PATTERN).describe('Stable identifier, used in URLs.'),
    name: z.string().min(1).describe('Display name.'),
    short: z.string().min(1).optional().describe('Short label, e.g. for matrix columns.'),
    scope: z
      .string()
      .min(1)
      .optional()
      .describe('What the party is responsible for, in a line, for summaries.'),
    description: z
      .string()
      .optional()
      .describe("Markdown from the party's heading in the Parties section."),
    position: PositionSchema,
  })
  .describe('A party that holds responsibilities, in the order of the matrix columns.');

export const AreaSchema = z
  .object({
    id: z.string().min(1).describe('Stable identifier, explicit or derived from path and title.'),
    title: z.string().min(1).describe('Title as plain text.'),
    parent: z.string().nullable().describe('Id of the enclosing area, or null at the top.'),
    path: z.array(z.string()).describe('Titles of the enclosing areas, from the top down.'),
    formerIds: FormerIdsSchema,
    position: PositionSchema,
  })
  .describe('A group of activities; areas nest.');

export const LEVEL_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const LevelSchema = z
  .object({
    id: z.string().regex(LEVEL_ID_PATTERN).describe('Stable identifier, used in filters.'),
    name: z.string().min(1).describe('Display name, e.g. "Owns" or "Shared".'),
    short: z.string().min(1).describe('Short label for matrix cells; the name when not given.'),
    responsible: z
      .boolean()
      .describe('Whether a party holding this level is responsible for the activity.'),
    description: z.string().optional().describe('What the level means, for the legend.'),
  })
  .describe('A level of responsibility a party can hold, from the vocabulary the model declares.');

export const ContextSchema = z
  .object({
    id: z.string().regex(LEVEL_ID_PATTERN).describe('Stable identifier, used in filters.'),
    name: z.string().min(1).describe('Display name, e.g. "IaaS".'),
    description: z
      .string()
      .optional()
      .describe('What the context means, e.g. "Infrastructure as a Service: …", for the legend.'),
  })
  .describe('A context responsibilities vary by: a service model, a layer, a product variant…');

export const ReferenceSchema = z
  .object({
    framework: z.string().describe('The framework or catalog, e.g. "CCM" or "NIST SP 800-53".'),
    id: z.string().min(1).describe('The control or requirement id exactly as written.'),
    url: z.string().optional().describe('Where the control is published.'),
  })
  .describe('A control or requirement of a framework that an activity answers.');

export const FootnoteSchema = z
  .object({
    label: z.string().min(1).describe('The label as written: `1` for `[^1]`.'),
    text: z.string().describe("The footnote's text, as Markdown."),
  })
  .describe('A footnote the author put on a cell: a remark, never a condition.');

export const AssignmentSchema = z
  .object({
    party: z.string().describe('Id of the party.'),
    level: z.string().describe('Id of the level the party holds.'),
    contexts: z
      .array(z.string())
      .min(1)
      .optional()
      .describe('Ids of the contexts this assignment holds in; in every context when absent.'),
    note: z.string().optional().describe("The party's note on the activity, as Markdown."),
    condition: z
      .string()
      .optional()
      .describe('When the assignment applies (`if …` in a block or a cell), as Markdown.'),
    footnotes: z
      .array(FootnoteSchema)
      .min(1)
      .optional()
      .describe("The author's footnotes on this assignment (`Provider[^1]` in a cell), in order."),
    position: PositionSchema,
  })
  .describe('A party holding a level of an activity, in some or all contexts, with its note.');

export const ActivityFieldSchema = z
  .object({
    name: z.string().min(1).describe('The column\'s header, e.g. "Evidence".'),
    markdown: z.string().describe("The row's cell, as Markdown."),
  })
  .describe("A named field of an activity, from a grid column of the author's own.");

export const ActivitySchema = z
  .object({
    id: z.string().min(1).describe('Permalink id, explicit or derived from path and title.'),
    title: z.string().min(1).describe('Title as plain text.'),
    area: z.string().nullable().describe('Id of its area, or null directly under a party.'),
    path: z.array(z.string()).describe('Titles of its areas, from the top down.'),
    description: z
      .string()
      .optional()
      .describe('Markdown that belongs to the activity itself, not to one party.'),
    fields: z
      .array(ActivityFieldSchema)
      .min(1)
      .optional()
      .describe("The author's own columns of a grid row, in column order: `Evidence`, `Notes`…"),
    references: z
      .array(ReferenceSchema)
      .describe('Controls and requirements the activity answers, as written.'),
    contexts: z
      .array(z.string())
      .min(1)
      .optional()
      .describe('Ids of the contexts the activity exists in; in every context when absent.'),
    parties: z
      .array(z.string())
      .describe('Parties holding a responsible level anywhere, in column order.'),
    assignments: z
      .array(AssignmentSchema)
      .min(1)
      .describe('One per party and set of contexts, in column order, then in the order written.'),
    url: z.string().optional().describe("Address of the activity's page on a published site."),
    formerIds: FormerIdsSchema,
    position: PositionSchema,
  })
  .describe('A duty held by one or more parties.');

export const SectionSchema = z
  .object({
    id: z.string().min(1).describe('Anchor id derived from the title.'),
    title: z.string().min(1).describe('Heading as plain text.'),
    markdown: z.string().describe('Content as Markdown.'),
    position: PositionSchema,
  })
  .describe('A prose section of the document, in document order.');

export const MatrixSchema = z
  .object({
    title: z.string().min(1).describe('The matrix heading as written.'),
    introduction: z.string().optional().describe('Markdown before the first party heading.'),
    position: PositionSchema,
  })
  .describe('The responsibility matrix section itself.');

export const ModelSchema = z
  .object({
    schemaVersion: z.literal(2).describe('Version of this JSON shape.'),
    id: z.string().min(1).describe('Model identifier, from the source file name.'),
    title: z.string().min(1).describe('Title, from the frontmatter or the level-1 heading.'),
    description: z.string().optional().describe('One-line description, from the frontmatter.'),
    version: z.string().optional().describe("The model's version, from the frontmatter."),
    publisher: z.string().optional().describe('Who publishes the model.'),
    sourceUrl: z.string().optional().describe('Where the publisher publishes the model.'),
    reviewed: z
      .string()
      .optional()
      .describe('When the model was last reviewed, as an ISO date (YYYY-MM-DD).'),
    source: z.string().describe('Source file path, relative to the content folder.'),
    introduction: z.string().optional().describe('Markdown before the first section.'),
    levels: z
      .array(LevelSchema)
      .min(1)
      .describe('The levels of responsibility, in the order the model declares them.'),
    contexts: z
      .array(ContextSchema)
      .describe('The contexts responsibilities vary by, in order; empty when there are none.'),
    parties: z.array(PartySchema).min(1).describe('The parties, in matrix column order.'),
    matrix: MatrixSchema,
    areas: z.array(AreaSchema).describe('Areas, in order of first appearance.'),
    activities: z.array(ActivitySchema).describe('Activities, in order of first appearance.'),
    sections: z.array(SectionSchema).describe('Prose sections, in document order.'),
  })
  .describe('A shared responsibility model parsed from SRM Markdown.');

export type Position = z.output<typeof PositionSchema>;
export type Level = z.output<typeof LevelSchema>;
export type Context = z.output<typeof ContextSchema>;
export type Reference = z.output<typeof ReferenceSchema>;
export type Footnote = z.output<typeof FootnoteSchema>;
export type Party = z.output<typeof PartySchema>;
export type Area = z.output<typeof AreaSchema>;
export type Assignment = z.output<typeof AssignmentSchema>;
export type Activity = z.output<typeof ActivitySchema>;
export type ActivityField = z.output<typeof ActivityFieldSchema>;
export type Section = z.output<typeof SectionSchema>;
export type Matrix = z.output<typeof MatrixSchema>;
export type Model = z.output<typeof ModelSchema>;

/** The level of a model that declares none: a party listed under an activity is responsible. */
export const DEFAULT_LEVEL: Level = {
  id: 'responsible',
  name: 'Responsible',
  short: '✓',
  responsible: true,
};

/** Whether a model declares levels of its own (else it has only the default level, which goes without saying). */
export const declaresLevels = (model: { levels: readonly Level[] }) =>
  !(model.levels.length === 1 && model.levels[0]!.id === DEFAULT_LEVEL.id);
