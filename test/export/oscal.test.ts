import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { MODEL_FILES } from '../helpers/models.ts';
import { VFile } from 'vfile';
import { controlId, oscalComponentDefinition, OSCAL_VERSION } from '../../src/export/oscal.ts';
import { modelModified } from '../../src/export/modified.ts';
import type { Model } from '../../src/model/index.ts';
import { parseModel } from '../../src/readers/index.ts';

const schema = JSON.parse(
  readFileSync(
    new URL('../fixtures/oscal/oscal_component_schema-1.0.6.json', import.meta.url),
    'utf8',
  ),
);
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const MODELS = MODEL_FILES;

function modelOf(file: string): Model {
  const vfile = new VFile({ path: file, value: readFileSync(file) });
  const { model } = parseModel(vfile);
  if (!model) throw new Error(`${file} did not parse`);
  return model;
}

const exportOf = (model: Model) =>
  oscalComponentDefinition(model, {
    urlOf: (id) => `https://srm.example.com/activities/${id}/`,
    modified: modelModified(model),
  }) as { 'component-definition': any };

describe('the OSCAL export', () => {
  it.each(MODELS)('of %s is valid against NIST OSCAL 1.0.6', (file) => {
    const document = exportOf(modelOf(file));
    const valid = validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(document['component-definition'].metadata['oscal-version']).toBe(OSCAL_VERSION);
  });
});

describe("an OSCAL document's last-modified", () => {
  it('is the review date, or else a placeholder that says it is one', () => {
    const reviewed = exportOf(modelOf('examples/cloud-service-models.md'))['component-definition'];
    expect(reviewed.metadata['last-modified']).toBe('2026-10-15T00:00:00Z');
    expect(reviewed.metadata.remarks).toBeUndefined();
    const undated = exportOf(modelOf('content/vmware-site-recovery.md'))['component-definition'];
    expect(undated.metadata['last-modified']).toBe('1970-01-01T00:00:00Z');
    expect(undated.metadata.remarks).toContain('no review date');
  });
});

describe('an OSCAL control id', () => {
  it("is NIST's own form for SP 800-53 and a token for any other catalog", () => {
    expect(controlId('AC-2', true)).toBe('ac-2');
    expect(controlId('AC-2(1)', true)).toBe('ac-2.1');
    expect(controlId('A&A-01', false)).toBe('a-a-01');
    expect(controlId('1.2.3', false)).toBe('_1.2.3');
  });
});

describe('the OSCAL export of a model', () => {
  const model = modelOf('examples/security-control-catalog.md');
  const document = exportOf(model)['component-definition'];
  const component = document.components[0];
  const requirements = component['control-implementations'].flatMap(
    (implementation: any) => implementation['implemented-requirements'],
  );

  it('gives the same UUIDs on every export, each used once', () => {
    const again = JSON.stringify(exportOf(modelOf('examples/security-control-catalog.md')));
    expect(again).toBe(JSON.stringify(exportOf(model)));
    const uuids = [...JSON.stringify(document).matchAll(/"uuid":"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('puts each activity under the catalog of each of its references', () => {
    for (const activity of model.activities) {
      const mine = requirements.filter((requirement: any) =>
        requirement.props.some(
          (prop: any) => prop.name === 'activity-id' && prop.value === activity.id,
        ),
      );
      expect(mine).toHaveLength(Math.max(1, activity.references.length));
    }
    const nist = component['control-implementations'].find((implementation: any) =>
      implementation.source.includes('SP800-53/rev5'),
    );
    expect(nist['implemented-requirements'].length).toBeGreaterThan(0);
  });

  it('names as responsible roles exactly the parties the model makes responsible', () => {
    const responsible = new Set(
      model.levels.filter((level) => level.responsible).map((level) => level.id),
    );
    for (const requirement of requirements) {
      const id = requirement.props.find((prop: any) => prop.name === 'activity-id').value;
      const activity = model.activities.find((entry) => entry.id === id)!;
      const expected = model.parties
        .map((party) => party.id)
        .filter((party) =>
          activity.assignments.some(
            (assignment) => assignment.party === party && responsible.has(assignment.level),
          ),
        );
      expect((requirement['responsible-roles'] ?? []).map((role: any) => role['role-id'])).toEqual(
        expected,
      );
      expect(activity.parties).toEqual(expected);
    }
  });

  it("keeps each party's level, condition and note in the remarks", () => {
    const requirement = requirements.find((entry: any) => entry['control-id'] === 'a-a-01');
    expect(requirement.remarks).toContain('**Customer**: Owns');
    expect(requirement.remarks).toContain('if the customer buys managed operations');
    expect(requirement.props).toContainEqual(
      expect.objectContaining({ name: 'takes-part', value: 'regulator' }),
    );
  });
});
