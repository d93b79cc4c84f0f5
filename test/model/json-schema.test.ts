import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
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
