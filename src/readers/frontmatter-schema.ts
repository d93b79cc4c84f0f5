import { z } from 'zod';
import { FrontmatterSchema } from './frontmatter.ts';

const DESCRIPTIONS: Record<string, string> = {
  title: "The model's title.",
  description: 'One line, used in page descriptions.',
  version: "The model's version, kept as written.",
  publisher: 'Who publishes the model.',
  source: 'The http(s) address where the publisher publishes the model.',
  reviewed: 'When the model was last reviewed, as YYYY-MM-DD.',
  levels: 'The levels of responsibility a party can hold; one, "responsible", when absent.',
  contexts: 'The contexts responsibilities vary by (service models, layers, add-ons…).',
  parties: 'The parties, in the order of the matrix columns.',
};

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema };

/**
 * The JSON Schema of an SRM Markdown file's frontmatter, for editors (yaml-language-server,
 * remark-lint-frontmatter-schema): completion and validation as the author types. Onus reads
 * every scalar as text, while editors read YAML's booleans and numbers: those are allowed
 * where Onus accepts them (`responsible: true`, `version: 2.1`), and unknown keys, which Onus
 * only warns about, are allowed too.
 */
export function frontmatterJsonSchema(): Schema {
  const schema = z.toJSONSchema(FrontmatterSchema, {
    io: 'input',
    // Draft 7: the draft editors' validators (yaml-language-server, remark-lint-frontmatter-schema) read.
    target: 'draft-7',
  }) as Schema;
  const properties = schema.properties!;
  for (const [key, description] of Object.entries(DESCRIPTIONS)) {
    if (properties[key]) properties[key] = { ...properties[key], description };
  }
  properties.version = { ...properties.version, type: ['string', 'number'] };
  const level = properties.levels?.items;
  if (level?.properties?.responsible) {
    level.properties.responsible = {
      description: 'Whether a party holding this level is responsible for the activity.',
      enum: [true, false, 'true', 'false'],
    };
  }
  return {
    ...schema,
    title: 'SRM Markdown frontmatter',
    description: 'The YAML frontmatter of a shared responsibility model written for Onus.',
  };
}
