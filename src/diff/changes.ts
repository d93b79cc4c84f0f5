import { z } from 'zod';

/**
 * What changed between two releases of a model, in the model's own terms: `onus diff --json`
 * prints this shape (public/diff.schema.json), the site's history pages read it.
 */
export const CHANGE_KINDS = {
  // The activities themselves.
  added: 'An activity is new.',
  removed: 'An activity is gone; `hint` names a likely rename.',
  renamed: 'An activity kept its id under a new title.',
  'id-changed': 'An activity has a new id and names the old one as its former id.',
  moved: 'An activity is in another area.',
  'activity-contexts': 'An activity exists in other contexts (absent: in every context).',
  description: "An activity's description changed.",
  references: "An activity's references changed.",
  fields: "An activity's own fields (a grid's extra columns) changed.",
  // A party on an activity.
  gained: 'A party holds an activity it did not hold.',
  lost: 'A party no longer holds an activity.',
  level: 'A party holds an activity at another level.',
  contexts: 'A party holds an activity in other contexts.',
  note: "A party's note on an activity changed.",
  condition: 'The condition on which a party holds an activity changed.',
  footnotes: "The author's footnotes on a party's holding changed.",
  // The model around them.
  'area-added': 'An area is new.',
  'area-removed': 'An area is gone.',
  'area-renamed': 'An area kept its id under a new title.',
  'party-added': 'A party is new.',
  'party-removed': 'A party is gone.',
  'party-renamed': 'A party kept its id under a new name.',
  'level-added': 'The model declares a new level.',
  'level-removed': 'The model no longer declares a level.',
  'level-changed': "A level's name or whether it is responsible changed.",
  'context-added': 'The model declares a new context.',
  'context-removed': 'The model no longer declares a context.',
  'context-renamed': 'A context kept its id under a new name.',
  metadata: "The model's title, version, review date, publisher or description changed.",
  // A library.
  'model-added': 'A model is new in the library.',
  'model-removed': 'A model is gone from the library.',
} as const;

export type ChangeKind = keyof typeof CHANGE_KINDS;
const KINDS = Object.keys(CHANGE_KINDS) as [ChangeKind, ...ChangeKind[]];

/** Names `--fail-on` accepts for several kinds at once. */
export const KIND_GROUPS: Record<string, readonly ChangeKind[]> = {
  reassigned: ['gained', 'lost', 'level', 'contexts'],
  any: KINDS,
};

const Named = z.object({
  id: z.string().describe('Its id.'),
  title: z.string().describe('Its title or name, in the release it is described from.'),
});

const Value = z
  .union([z.string(), z.array(z.string())])
  .describe('A text, or a list (contexts, references, an area path).');

export const ChangeSchema = z
  .object({
    kind: z.enum(KINDS).describe('What changed; see the kinds in docs/format.md.'),
    activity: Named.optional().describe('The activity it concerns, as the newer release has it.'),
    party: Named.optional().describe('The party it concerns.'),
    subject: Named.optional().describe('The area, party, level, context or model it concerns.'),
    field: z.string().optional().describe('For `metadata`: which field.'),
    from: Value.optional().describe('What it was; absent when it was nothing.'),
    to: Value.optional().describe('What it is; absent when it is nothing.'),
    contexts: z
      .array(z.string())
      .optional()
      .describe('For a level change: the names of the contexts where it changed.'),
    holdings: z
      .array(
        z.object({
          party: z.string().describe('Id of the party.'),
          holds: z.string().describe('How it holds the activity: `Owns in IaaS; Shares in PaaS`.'),
        }),
      )
      .optional()
      .describe('For `added` and `removed`: each party holding the activity, and how.'),
    hint: z.string().optional().describe('Advice, such as how to keep the links of a rename.'),
  })
  .describe('One change.');

const Release = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.string().optional(),
    reviewed: z.string().optional(),
  })
  .describe('A release of a model, as its metadata names it.');

export const ModelChangesSchema = z
  .object({
    id: z.string().describe('The id of the model in the newer release (else the older).'),
    from: Release.nullable().describe('The older release; null for a model that is new.'),
    to: Release.nullable().describe('The newer release; null for a model that is gone.'),
    parties: z
      .array(Named)
      .describe(
        "The parties of both releases: the newer release's in column order, then those gone.",
      ),
    changes: z.array(ChangeSchema).describe('Its changes, model first, then by activity.'),
  })
  .describe("A model's changes between two releases.");

export const DiffSchema = z
  .object({
    schemaVersion: z.literal(1),
    models: z.array(ModelChangesSchema).describe('One per model, in the newer release order.'),
  })
  .describe('What changed between two releases of a model or a library (`onus diff --json`).');

export type Change = z.output<typeof ChangeSchema>;
export type ModelChanges = z.output<typeof ModelChangesSchema>;
export type Diff = z.output<typeof DiffSchema>;
export type Release = z.output<typeof Release>;

/** The JSON Schema of `onus diff --json`, published as public/diff.schema.json. */
export function diffJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    DiffSchema.meta({
      title: 'Onus model changes',
      description:
        'What changed between two releases of a shared responsibility model or a library of them, as printed by `onus diff --json`.',
    }),
    { target: 'draft-2020-12' },
  );
}
