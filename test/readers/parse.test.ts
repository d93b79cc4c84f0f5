import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/model/index.ts';
import * as readers from '../../src/readers/index.ts';
import { FRONTMATTER, parse } from '../helpers/parse.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/model/${name}/input.md`, import.meta.url), 'utf8');

describe('the model API', () => {
  it('should expose the schemas, the id rules and the printer, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ActivityFieldSchema',
      'ActivitySchema',
      'AreaSchema',
      'AssignmentSchema',
      'ContextSchema',
      'DEFAULT_LEVEL',
      'FootnoteSchema',
      'LEVEL_ID_PATTERN',
      'LevelSchema',
      'MatrixSchema',
      'ModelSchema',
      'PARTY_ID_PATTERN',
      'PartySchema',
      'PositionSchema',
      'RULES',
      'ReferenceSchema',
      'SectionSchema',
      'declaresLevels',
      'deriveId',
      'modelJsonSchema',
      'printModel',
      'slugify',
    ]);
  });

  it('should be read by one entry of the readers', () => {
    expect(Object.keys(readers)).toEqual(['parseModel']);
  });

  it('should give a model that its own schema accepts', () => {
    const { model } = parse(fixture('four-parties-crlf'));
    expect(api.ModelSchema.parse(model)).toEqual(model);
  });
});

describe('parseModel', () => {
  it('should read CRLF line endings exactly as LF ones', () => {
    const crlf = fixture('four-parties-crlf');
    expect(crlf).toContain('\r\n');
    const lf = parse(crlf.replaceAll('\r\n', '\n'));
    expect(parse(crlf).model).toEqual(lf.model);
    expect(
      lf.model?.activities.map((activity) => activity.assignments.map((a) => a.note ?? '')),
    ).not.toContain(expect.stringContaining('\r'));
  });

  it('should take the title as plain text of the first paragraph', () => {
    const { model } = parse(`${FRONTMATTER}
## Responsibility matrix

### Customer

- **Secrets** in \`etcd\`
- Provider
`);
    expect(model?.activities.map((activity) => activity.title)).toEqual([
      'Secrets in etcd',
      'Provider',
    ]);
  });

  it('should make one shared activity of the same path and title under several parties', () => {
    const { model, messages } = parse(`${FRONTMATTER}
## Responsibility matrix

### Customer

- Data  Protection
  - Backups

    Customer note.

### Provider

- data protection
  - BACKUPS
`);
    expect(messages).toEqual([]);
    expect(model?.activities).toHaveLength(1);
    expect(model?.activities[0]).toMatchObject({
      id: 'data-protection-backups',
      title: 'Backups',
      parties: ['customer', 'provider'],
      assignments: [{ party: 'customer', note: 'Customer note.' }, { party: 'provider' }],
    });
  });

  it('should order a shared activity’s parties as the matrix columns, not as listed', () => {
    const { model } = parse(`${FRONTMATTER}
## Responsibility matrix

### Provider

- Patching

### Customer

- Patching
`);
    expect(model?.activities[0]?.parties).toEqual(['customer', 'provider']);
  });

  it('should keep the author’s order whichever form gives an activity first', () => {
    const { model, messages } = parse(`${FRONTMATTER}
## Responsibility matrix

| Activity | Provider |
| --- | --- |
| Hardware | ✓ |

#### Patching

- **Provider**: patches the hosts.

### Operations

#### Monitoring

- **Customer**: watches its dashboards.

### Customer

- Operations
  - Backups
- Hardware

### Provider

- Operations
  - Incident response
  - Backups
  - Monitoring
`);
    expect(messages).toEqual([]);
    expect(model?.areas.map((area) => area.title)).toEqual(['Operations']);
    expect(model?.activities.map((activity) => activity.title)).toEqual([
      'Hardware',
      'Patching',
      'Monitoring',
      'Backups',
      'Incident response',
    ]);
    // The grid gave the provider first; the frontmatter's order puts the customer first.
    const hardware = model!.activities[0]!;
    expect(hardware.assignments.map((assignment) => assignment.party)).toEqual([
      'customer',
      'provider',
    ]);
  });

  it('should keep same-titled activities in different areas apart, with different ids', () => {
    const { model } = parse(
      fixture('minimal').replace('- Hardware\n', '- Hardware\n- Other\n  - Backups\n'),
    );
    const backups = model?.activities.filter((activity) => activity.title === 'Backups') ?? [];
    expect(backups.map((activity) => activity.id)).toEqual(['data-backups', 'other-backups']);
  });

  it('should not move any id when unrelated items are added, removed or reordered', () => {
    const base = fixture('four-parties-crlf').replaceAll('\r\n', '\n');
    const ids = (text: string) =>
      new Map(parse(text).model?.activities.map((activity) => [activity.title, activity.id]));
    const before = ids(base);
    const edited = base
      .replace('- Network   fabric\n', '- A new first item\n- Network   fabric\n')
      .replace('    - Base image updates\n', '')
      .replace('  - API server {#api-server}\n  - etcd\n', '  - etcd\n');
    const after = ids(edited.replace('### Auditor', '- Extra\n  - Nested extra\n\n### Auditor'));
    for (const [title, id] of after) {
      if (before.has(title)) expect(id, title).toBe(before.get(title));
    }
    expect(after.get('Base image updates')).toBeUndefined();
  });

  it('should give the explicit id of one occurrence to the shared activity', () => {
    const { model } = parse(`${FRONTMATTER}
## Responsibility matrix

### Customer

- Patching

### Provider

- Patching {#patching-duty}
`);
    expect(model?.activities.map((activity) => activity.id)).toEqual(['patching-duty']);
  });

  it('should derive children’s ids from an area’s explicit id', () => {
    const { model } = parse(`${FRONTMATTER}
## Responsibility matrix

### Customer

- A very long area title that nobody wants in a URL {#short}
  - Child
`);
    expect(model?.areas[0]?.id).toBe('short');
    expect(model?.activities[0]?.id).toBe('short-child');
  });

  it('should take the title from the first level-1 heading when the frontmatter has none', () => {
    const { model } = parse(fixture('title-from-heading'));
    expect(model?.title).toBe('Title from the heading');
  });

  it('should report problems in the order of their place in the file', () => {
    const { file } = parse(fixture('warnings'));
    const lines = file.messages.map((message) => message.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('should never throw, whatever Markdown it is given', () => {
    const markdownish = fc.array(
      fc.constantFrom(
        '---',
        'title: x',
        'parties:',
        '  - id: a',
        '    name: A',
        '## Responsibility matrix',
        '### A',
        '### a',
        '- item',
        '  - nested',
        '    - deeper',
        '- {#x}',
        '-',
        '# T',
        '> q',
        '```',
        '',
        '\t',
        '{#',
        '\u0000',
        '\uFEFF',
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(markdownish, fc.string(), (lines, noise) => {
        parse(lines.join('\n') + noise);
      }),
      { numRuns: 300 },
    );
  });
});
