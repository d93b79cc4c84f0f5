import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { libraryCsv } from '../../src/export/csv.ts';
import { checkLibrary } from '../../src/model/library.ts';
import { parseModel } from '../../src/readers/index.ts';
import { grownRedirects } from '../../src/site/grown-redirects.ts';
import { indexLibrary } from '../../src/site/library.ts';
import { anchorInSingleFile } from '../../src/site/links.ts';
import { partyColor } from '../../src/site/views.ts';
import { stackData } from '../../src/site/stack-data.ts';
import { choiceFromSearch, dutiesOf, searchFromChoice } from '../../src/site/stack.ts';
import { documentRoute } from '../../src/search/options.ts';

/** A model file of a library, parsed as `path`. */
function model(path: string, text: string) {
  const file = new VFile({ path, value: text });
  const parsed = parseModel(file).model;
  if (!parsed) throw new Error(`${path} does not parse: ${String(file.messages)}`);
  return { model: parsed, file };
}

const hosting = model(
  'hosting.md',
  `---
title: Hosting
parties:
  - id: customer
    name: Customer
  - id: provider
    name: Example Cloud
---

## Responsibility matrix

### Customer

- Backups {#backups}
- Accounts

### Example Cloud

- Hardware {#hardware}
`,
);
const database = model(
  'database.md',
  `---
title: Database
parties:
  - id: customer
    name: Customer
  - id: provider
    name: Example Cloud
contexts:
  - id: dedicated
    name: Dedicated
  - id: shared
    name: Shared tenancy
---

## Responsibility matrix

### Customer

- Backups {contexts=dedicated}

### Example Cloud

- Backups {contexts=shared}
- Patching {contexts=dedicated,shared}
`,
);

describe('the rules that bind a library', () => {
  it('should name the file and line where a party id gets a second name', () => {
    const other = model(
      'other.md',
      '---\ntitle: Other\nparties:\n  - id: customer\n    name: Tenant\n---\n\n## Responsibility matrix\n\n### Tenant\n\n- Backups\n',
    );
    checkLibrary([hosting, other]);
    expect(
      other.file.messages.map(
        (message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`,
      ),
    ).toMatchInlineSnapshot(`
      [
        "4:5 party-name-conflict Unexpected name \`Tenant\` for party \`customer\`, expected \`Customer\` as in \`hosting.md\`: a party id names one party across the site; give this party another id, or the same name",
      ]
    `);
    expect(hosting.file.messages).toEqual([]);
  });

  it('should refuse two models of one id, and a model named after a folder of the site', () => {
    const again = model('sub/hosting.md', hosting.file.toString());
    const stack = model(
      'stack.md',
      '---\ntitle: S\nparties:\n  - id: customer\n    name: Customer\n---\n\n## Responsibility matrix\n\n### Customer\n\n- A\n',
    );
    checkLibrary([hosting, again, stack]);
    expect(again.file.messages.map((message) => message.ruleId)).toEqual(['model-id-duplicate']);
    expect(stack.file.messages.map((message) => message.reason)).toEqual([
      "Unexpected model id `stack` (from its file name) in a library, expected another name: `/stack/` holds the site's own pages",
    ]);
  });
});

describe('a library', () => {
  const library = indexLibrary([hosting.model, database.model]);

  it('should give each model its folder, and one party per id across them', () => {
    expect(library.isLibrary).toBe(true);
    expect(library.models.map((site) => site.routes.activity('backups'))).toEqual([
      'hosting/activities/backups/',
      'database/activities/backups/',
    ]);
    expect(library.party('customer').models.map((site) => site.model.id)).toEqual([
      'hosting',
      'database',
    ]);
    expect(indexLibrary([hosting.model]).models[0]!.routes.activity('backups')).toBe(
      'activities/backups/',
    );
  });

  it('should put each model’s views under its id in the single file', () => {
    expect(anchorInSingleFile('database/activities/backups/')).toBe('database/backups');
    expect(anchorInSingleFile('database/parties/customer/')).toBe('database/_party-customer');
    expect(anchorInSingleFile('database/areas/x/')).toBe('database/_matrix__area-x');
    expect(anchorInSingleFile('database/')).toBe('database/_overview');
    expect(anchorInSingleFile('parties/customer/')).toBe('_party-customer');
    expect(anchorInSingleFile('stack/')).toBe('_stack');
    expect(anchorInSingleFile('')).toBe('_overview');
  });

  it('should lead a search result of a library to its model', () => {
    expect(documentRoute('database/backups', 'activity', true)).toEqual({
      route: 'database/activities/backups/',
    });
    expect(documentRoute('database/_party/customer', 'party', true)).toEqual({
      route: 'database/parties/customer/',
    });
  });

  it('should send the addresses of a one-model site on, listing the models an id is in', () => {
    const pages = new Map(grownRedirects(library, '/srm/').map((page) => [page.file, page.html]));
    expect(pages.get('activities/hardware/index.html')).toContain(
      '<meta http-equiv="refresh" content="0; url=/srm/hosting/activities/hardware/">',
    );
    const both = pages.get('activities/backups/index.html')!;
    expect(both).not.toContain('http-equiv="refresh"');
    expect(both).toContain('<a href="/srm/hosting/activities/backups/">Backups</a> in Hosting');
    expect(both).toContain('<a href="/srm/database/activities/backups/">Backups</a> in Database');
    expect(grownRedirects(indexLibrary([hosting.model]), '/')).toEqual([]);
  });

  it('should write one matrix.csv with a model and a context column', () => {
    const csv = libraryCsv(
      library.models.map(({ model, activitiesInOrder }) => ({
        model,
        activities: activitiesInOrder,
      })),
      (modelId, id) => `/${modelId}/activities/${id}/`,
    );
    expect(csv.split('\r\n')).toEqual([
      'Model,Area,Activity,References,Context,Customer,Example Cloud,URL',
      'Hosting,,Backups,,,x,,/hosting/activities/backups/',
      'Hosting,,Accounts,,,x,,/hosting/activities/accounts/',
      'Hosting,,Hardware,,,,x,/hosting/activities/hardware/',
      'Database,,Backups,,Dedicated,x,,/database/activities/backups/',
      'Database,,Backups,,Shared tenancy,,x,/database/activities/backups/',
      'Database,,Patching,,Dedicated,,x,/database/activities/patching/',
      'Database,,Patching,,Shared tenancy,,x,/database/activities/patching/',
      '',
    ]);
  });
});

describe('my stack', () => {
  const data = stackData(indexLibrary([hosting.model, database.model]));

  it('should combine one party’s duties in the models and contexts picked', () => {
    const titles = (search: string) =>
      dutiesOf(data, choiceFromSearch(search)).map(
        (duty) =>
          `${duty.model.id}: ${duty.activity.title}${duty.entries
            .map((entry) => (entry.contexts.length ? ` in ${entry.contexts.join(', ')}` : ''))
            .join(';')}`,
      );
    expect(titles('?party=customer')).toEqual([
      'hosting: Backups',
      'hosting: Accounts',
      'database: Backups in Dedicated',
    ]);
    expect(titles('?party=provider&model=database&context=database:shared')).toEqual([
      'database: Backups in Shared tenancy',
      'database: Patching in Shared tenancy',
    ]);
    expect(titles('?party=customer&model=database&context=database:shared')).toEqual([]);
  });

  it('should keep the choice in the address, as it was given', () => {
    const search = '?party=customer&model=hosting&model=database&context=database%3Ashared';
    expect(searchFromChoice(choiceFromSearch(search))).toBe(search);
  });
});

describe('the colours of a library’s parties', () => {
  it('should give a party one colour on every model’s pages', () => {
    const flipped = model(
      'flipped.md',
      '---\ntitle: Flipped\nparties:\n  - id: provider\n    name: Example Cloud\n  - id: customer\n    name: Customer\n---\n\n## Responsibility matrix\n\n### Customer\n\n- Keys\n',
    );
    const library = indexLibrary([hosting.model, flipped.model]);
    const colours = library.models.map((site) => partyColor(site, 'customer'));
    expect(colours).toEqual(['p0', 'p0']);
    expect(partyColor(indexLibrary([flipped.model]).models[0]!, 'customer')).toBe('p1');
  });
});
