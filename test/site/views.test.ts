import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexModel } from '../../src/site/site-model.ts';
import {
  activityView,
  areaView,
  firstSentence,
  matrixGroups,
  partyCards,
  noteSummary,
  partyGroups,
  partyLevels,
  sharedLabel,
  sharedWord,
  topAreas,
} from '../../src/site/views.ts';
import { partyEntries } from '../../src/site/navigation.ts';
import { FRONTMATTER, parse } from '../helpers/parse.ts';

const text = readFileSync('test/fixtures/model/four-parties-crlf/input.md', 'utf8');
const site = indexModel(parse(text).model!);
const titles = (activities: readonly { title: string }[]) =>
  activities.map((activity) => activity.title);

describe('indexModel', () => {
  it('should order activities as the matrix lists them: depth first, in document order', () => {
    expect(titles(site.activitiesInOrder)).toEqual([
      'Image scanning',
      'Base image updates',
      'Secrets in etcd',
      'RBAC roles',
      'Service accounts',
      'Chiffrement des données',
      'バックアップ',
      'API server',
      'Encryption at rest',
      'Backups of etcd',
      'Power and cooling',
      'Network fabric',
      'Evidence review',
    ]);
  });

  it('should know the activities under an area at any depth, and the areas above an item', () => {
    expect(titles(site.activitiesUnder('workloads'))).toEqual([
      'Image scanning',
      'Base image updates',
      'Secrets in etcd',
    ]);
    expect(site.ancestors('workloads-container-images').map((area) => area.id)).toEqual([
      'workloads',
      'workloads-container-images',
    ]);
    expect(site.ancestors(null)).toEqual([]);
  });

  it('should fail loudly on an unknown id rather than render an empty page', () => {
    expect(() => site.activity('nope')).toThrow('No activity with id `nope`');
  });
});

describe('matrixGroups', () => {
  it('should give one group per area, with a mark per party column', () => {
    const groups = matrixGroups(site);
    const identity = groups.find((group) => group.area?.id === 'identity-cluster-access')!;
    expect(identity.depth).toBe(2);
    expect(identity.total).toBe(2);
    expect(identity.rows.map((row) => [row.activity.title, row.marks, row.shared])).toEqual([
      ['RBAC roles', [true, true, false, true], 'Shared by 3 parties'],
      ['Service accounts', [true, false, false, false], undefined],
    ]);
  });

  it('should mark a row shared only where two parties are responsible in the same context', () => {
    const grid = indexModel(
      parse(`---
title: Grid
parties:
  - id: customer
    name: Customer
  - id: provider
    name: Provider
contexts:
  - id: iaas
    name: IaaS
  - id: paas
    name: PaaS
  - id: saas
    name: SaaS
---

## Responsibility matrix

| Activity         | IaaS     | PaaS               | SaaS               |
| ---------------- | -------- | ------------------ | ------------------ |
| Operating system | Customer | Provider           | Provider           |
| Identity         | Customer | Customer, Provider | Customer, Provider |
`).model!,
    );
    const rows = matrixGroups(grid).flatMap((group) => group.rows);
    expect(rows.map((row) => [row.activity.title, row.shared])).toEqual([
      ['Operating system', undefined],
      ['Identity', 'Shared in PaaS and SaaS'],
    ]);
    const customer = partyGroups(grid, 'customer').flatMap((group) => group.items);
    expect(customer.map((item) => [item.activity.title, item.sharedWith.map((p) => p.id)])).toEqual(
      [
        ['Operating system', []],
        ['Identity', ['provider']],
      ],
    );
  });

  it('should not give the badge the word of a level the model declares', () => {
    const levels = (name: string) =>
      [{ id: 'owns', name: 'Owns', short: 'O', responsible: true }].concat(
        name ? [{ id: name.toLowerCase(), name, short: name[0]!, responsible: true }] : [],
      );
    expect(sharedWord(levels(''))).toBe('Shared');
    expect(sharedWord(levels('Shares'))).toBe('Shared');
    expect(sharedWord(levels('Shared'))).toBe('Jointly held');
    const azure = indexModel(
      parse(readFileSync('examples/cloud-service-models.md', 'utf8')).model!,
    );
    const identity = azure.model.activities.find((a) => a.title === 'Accounts and identities')!;
    expect(sharedLabel(azure, identity)).toBe('Jointly held in SaaS');
  });

  it('should list every activity exactly once', () => {
    const rows = matrixGroups(site).flatMap((group) => group.rows);
    expect(titles(rows.map((row) => row.activity))).toEqual(titles(site.activitiesInOrder));
  });

  it('should put activities outside any area in a group without a heading', () => {
    const last = matrixGroups(site).at(-1)!;
    expect(last.area).toBeNull();
    expect(titles(last.rows.map((row) => row.activity))).toEqual([
      'Network fabric',
      'Evidence review',
    ]);
  });

  it("should give an area's subtree with depths relative to the area", () => {
    const groups = matrixGroups(site, 'control-plane');
    expect(
      groups.map((group) => [
        group.area?.id,
        group.depth,
        titles(group.rows.map((row) => row.activity)),
      ]),
    ).toEqual([
      ['control-plane', 1, ['API server']],
      ['control-plane-etcd', 2, ['Encryption at rest', 'Backups of etcd']],
    ]);
  });
});

describe('partyLevels', () => {
  it("should give a party's activities by level, in the order the model declares them", () => {
    const text = readFileSync('test/fixtures/model/v2-blocks/input.md', 'utf8');
    const catalog = indexModel(parse(text).model!);
    const levels = partyLevels(catalog, 'customer');
    expect(levels.map((entry) => [entry.level.id, entry.count])).toEqual([
      ['owns', 1],
      ['shares', 1],
    ]);
    expect(levels[1]!.groups[0]!.items[0]).toMatchObject({
      activity: { id: 'a-a-01' },
      contexts: [{ id: 'paas' }],
      condition: 'it uses the managed portal',
    });
    expect(partyLevels(catalog, 'auditor').map((entry) => entry.level.id)).toEqual(['supports']);
  });

  it('should shorten long notes for the party page, and keep short ones whole', () => {
    expect(noteSummary('A short note.')).toEqual({ markdown: 'A short note.' });
    const long = noteSummary(`**Start** ${'word '.repeat(200)}`);
    expect('text' in long && long.text.startsWith('Start word')).toBe(true);
    expect('text' in long && long.text.length).toBeLessThanOrEqual(281);
  });
});

describe('partyGroups', () => {
  it("should group a party's activities by area, with its notes and who else holds them", () => {
    const groups = partyGroups(site, 'provider');
    expect(groups[0]).toMatchObject({
      path: ['Workloads', 'Container images'],
      items: [
        {
          activity: { title: 'Image scanning' },
          note: "The provider runs the registry's scanner.",
        },
      ],
    });
    expect(groups[0]!.items[0]!.sharedWith.map((party) => party.id)).toEqual(['customer']);
    expect(groups[0]!.items[0]!.sharedWithMore).toBe(0);
  });

  it('should name the first five other parties of an activity and count the rest', () => {
    const parties = Array.from({ length: 9 }, (_, i) => `  - id: p${i}\n    name: Party ${i}\n`);
    const many = indexModel(
      parse(
        `---\ntitle: Many\nparties:\n${parties.join('')}---\n\n## Responsibility matrix\n\n${parties.map((_, i) => `### Party ${i}\n\n- Shared duty\n`).join('\n')}`,
      ).model!,
    );
    const [item] = partyGroups(many, 'p0')[0]!.items;
    expect(item!.sharedWith.map((party) => party.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(item!.sharedWithMore).toBe(3);
  });
});

describe('partyEntries', () => {
  const parties = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      name: `Party ${i}`,
      position: { line: 1, column: 1 },
    }));
  it('should lead to every party of a model of a few', () => {
    expect(
      partyEntries(parties(6), (party) => `parties/${party.id}/`, '').map((e) => e.label),
    ).toEqual(['Party 0', 'Party 1', 'Party 2', 'Party 3', 'Party 4', 'Party 5']);
  });

  it('should name the first of many parties and lead to them all on the overview', () => {
    const entries = partyEntries(parties(1_000), (party) => `parties/${party.id}/`, '');
    expect(entries).toHaveLength(6);
    expect(entries.at(-1)).toEqual({ label: 'All 1,000 parties', route: '', hash: 'parties' });
  });
});

describe('activityView', () => {
  it('should hold the areas above, the responsible parties, the others, siblings and neighbours', () => {
    const view = activityView(site, 'identity-cluster-access-rbac-roles');
    expect(view.areas.map((area) => area.title)).toEqual(['Identity', 'Cluster access']);
    expect(view.responsible.map((party) => party.id)).toEqual(['customer', 'provider', 'auditor']);
    expect(view.others.map((party) => party.id)).toEqual(['cloud']);
    expect(titles(view.siblings)).toEqual(['Service accounts']);
    expect(view.previous?.title).toBe('Secrets in etcd');
    expect(view.next?.title).toBe('Service accounts');
  });

  it('should give each assignment its level, contexts, condition and footnotes', () => {
    const text = readFileSync('test/fixtures/model/v2-grid-service-models/input.md', 'utf8');
    const grid = indexModel(parse(text).model!);
    const view = activityView(grid, 'information-accounts-and-identities');
    expect(view.showLevels).toBe(true);
    expect(
      view.assignments.map(({ party, level, contexts, condition, footnotes }) => [
        party.id,
        level.id,
        contexts.map((context) => context.id),
        condition ?? null,
        footnotes?.map((footnote) => footnote.text) ?? [],
      ]),
    ).toEqual([
      ['customer', 'responsible', ['on-premises', 'iaas'], null, []],
      ['customer', 'shared', ['paas'], null, []],
      [
        'customer',
        'shared',
        ['saas'],
        null,
        ['When the customer federates its own identity provider.'],
      ],
      ['provider', 'shared', ['paas'], null, []],
      [
        'provider',
        'shared',
        ['saas'],
        null,
        ['When the customer federates its own identity provider.'],
      ],
    ]);
    const footnoted = indexModel(
      parse(readFileSync('test/fixtures/model/v2-grid-cell-footnotes/input.md', 'utf8')).model!,
    );
    // Red Hat holds the CNI plugin; the footnote says when it would not: a remark, not a condition.
    expect(activityView(footnoted, 'cni-plugin').assignments[0]).toMatchObject({
      party: { id: 'red-hat' },
      footnotes: [{ label: 'cni' }],
    });
    expect(activityView(footnoted, 'cni-plugin').assignments[0]!.condition).toBeUndefined();
    const ingress = activityView(footnoted, 'ingress').assignments;
    expect(
      ingress.map((entry) => [
        entry.party.id,
        entry.condition ?? null,
        entry.footnotes?.length ?? 0,
      ]),
    ).toEqual([
      ['red-hat', null, 0],
      ['customer', null, 1],
      ['customer', 'it brings its own ingress', 0],
    ]);
    const hypervisor = activityView(grid, 'infrastructure-hypervisor');
    expect(hypervisor.contexts?.map((context) => context.id)).toEqual([
      'on-premises',
      'iaas',
      'paas',
    ]);
  });

  it('should lay a model with contexts out by context, each cell naming parties and levels', () => {
    const text = readFileSync('test/fixtures/model/v2-grid-service-models/input.md', 'utf8');
    const grid = indexModel(parse(text).model!);
    const row = matrixGroups(grid).flatMap((group) => group.rows)[1]!;
    expect(row.activity.title).toBe('Accounts and identities');
    expect(
      row.cells.map((cell) => cell.map(({ party, level }) => `${party.id}:${level.id}`)),
    ).toEqual([
      ['customer:responsible'],
      ['customer:responsible'],
      ['customer:shared', 'provider:shared'],
      ['customer:shared', 'provider:shared'],
    ]);
  });

  it('should list at most ten siblings, the nearest, however many the area holds', () => {
    const flat = indexModel(
      parse(
        `${FRONTMATTER}\n## Responsibility matrix\n\n### Customer\n\n- Area\n${Array.from({ length: 25 }, (_, index) => `  - Task ${index + 1}`).join('\n')}\n`,
      ).model!,
    );
    const numbers = (id: string) => {
      const view = activityView(flat, id);
      return [view.siblings.map((sibling) => Number(sibling.title.slice(5))), view.siblingCount];
    };
    expect(numbers('area-task-1')).toEqual([[2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 24]);
    expect(numbers('area-task-13')).toEqual([[8, 9, 10, 11, 12, 14, 15, 16, 17, 18], 24]);
    expect(numbers('area-task-25')).toEqual([[15, 16, 17, 18, 19, 20, 21, 22, 23, 24], 24]);
  });

  it('should have no previous on the first activity and no next on the last', () => {
    expect(activityView(site, site.activitiesInOrder[0]!.id).previous).toBeUndefined();
    expect(activityView(site, site.activitiesInOrder.at(-1)!.id).next).toBeUndefined();
  });
});

describe('areaView and topAreas', () => {
  it('should list sub-areas with their counts', () => {
    const view = areaView(site, 'control-plane');
    expect(view.subAreas.map(({ area, count }) => [area.id, count])).toEqual([
      ['control-plane-etcd', 2],
    ]);
    expect(view.count).toBe(3);
  });

  it('should list the top-level areas in document order', () => {
    expect(topAreas(site).map(({ area }) => area.title)).toEqual([
      'Workloads',
      'Identity',
      'Données personnelles',
      'データ保護',
      'Control plane',
      'Physical',
    ]);
  });
});

describe('partyCards', () => {
  it("should count each party's activities and summarise it in a line", () => {
    expect(partyCards(site).map(({ party, count, scope }) => [party.id, count, scope])).toEqual([
      ['customer', 7, 'Runs workloads on the cluster.'],
      ['provider', 6, 'Operates the control plane.'],
      ['cloud', 3, undefined],
      ['auditor', 2, undefined],
    ]);
  });

  it('should take the first sentence of a description as plain text', () => {
    expect(firstSentence('**Security of the cloud.** VMware protects…')).toBe(
      'Security of the cloud.',
    );
    expect(firstSentence('See [the docs](https://x.example) for e.g. details')).toBe(
      'See the docs for e.g. details',
    );
  });
});
