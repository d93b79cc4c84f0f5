import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { frontmatterJsonSchema } from '../../src/readers/frontmatter-schema.ts';
import { modelJsonSchema } from '../../src/model/index.ts';

const published = JSON.parse(readFileSync('public/model.schema.json', 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(published);

const fixtureModels = readdirSync('test/fixtures/model')
  .map((name) => [
    name,
    JSON.parse(readFileSync(`test/fixtures/model/${name}/expected.json`, 'utf8')).model,
  ])
  .filter(([, model]) => model !== null);

describe('the published JSON Schema', () => {
  it('should be the one generated from the model schema (run `npm run schema` after changing it)', () => {
    expect(published).toEqual(modelJsonSchema());
  });

  it.each(fixtureModels)('should accept the model of fixture %s', (_name, model) => {
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true);
  });

  it('should reject a model whose activity has no assignment', () => {
    const [, model] = fixtureModels[0]!;
    const broken = structuredClone(model);
    broken.activities[0].assignments = [];
    expect(validate(broken)).toBe(false);
  });
});

describe('the published JSON Schema of the frontmatter, for editors', () => {
  const frontmatter = JSON.parse(readFileSync('public/frontmatter.schema.json', 'utf8'));
  // Draft 7, which editors' validators read.
  const check = new Ajv({ strict: false }).compile(frontmatter);
  /** A file's frontmatter as an editor reads it: YAML 1.2, with booleans and numbers. */
  const frontmatterOf = (file: string) =>
    parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!) as unknown;

  it('should be the one generated from the frontmatter schema (run `npm run schema`)', () => {
    expect(frontmatter).toEqual(frontmatterJsonSchema());
  });

  it.each([
    'content/vmware-site-recovery.md',
    ...readdirSync('examples').map((name) => `examples/${name}`),
  ])('should accept the frontmatter of %s', (file) => {
    expect(check(frontmatterOf(file)), JSON.stringify(check.errors)).toBe(true);
  });

  it('should refuse a frontmatter without parties, or with a misspelt level flag', () => {
    expect(check({ title: 'T' })).toBe(false);
    expect(
      check({
        title: 'T',
        levels: [{ id: 'owns', name: 'Owns', responsible: 'yes' }],
        parties: [{ id: 'a', name: 'A' }],
      }),
    ).toBe(false);
  });
});
