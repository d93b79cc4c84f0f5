/**
 * Nothing lost: every activity written in the Markdown is in every output — checked over the
 * built files themselves, against a reading of the Markdown that does not use the parser.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandIndex } from '../../src/search/compact-index.ts';
import {
  activitiesInMarkdown,
  expectCsvRows,
  fold,
  PARTY_OF_HEADING,
  scriptData,
  SOURCE,
} from '../helpers/markdown-activities.ts';
import { onus } from '../helpers/onus.ts';

const expected = activitiesInMarkdown();
const html = (file: string): Root => fromHtml(readFileSync(file, 'utf8'));

describe('every activity of the Markdown, in every output', { timeout: 180_000 }, () => {
  let site: string;
  let offline: string;
  let model: {
    activities: Array<{ id: string; title: string; path: string[]; parties: string[] }>;
    areas: Array<{ id: string; title: string; path: string[] }>;
  };
  const keyOf = (activity: { title: string; path: string[] }) =>
    fold([...activity.path, activity.title].join(' > '));
  /** The published activity for an expected one, found by its folded path and title. */
  const published = (key: string) => model.activities.find((activity) => keyOf(activity) === key)!;
  const href = (key: string) => `/activities/${encodeURIComponent(published(key).id)}/`;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-cross-'));
    mkdirSync(path.join(dir, 'model'));
    cpSync(SOURCE, path.join(dir, 'model', 'kubernetes.md'));
    expect((await onus(['build', '--content', 'model', '--out', 'site'], dir)).code).toBe(0);
    expect((await onus(['export', '--content', 'model', '--out', 'offline'], dir)).code).toBe(0);
    site = path.join(dir, 'site');
    offline = path.join(dir, 'offline');
    model = JSON.parse(readFileSync(path.join(site, 'model.json'), 'utf8'));
  }, 180_000);

  it('the Markdown has the activities this test expects', () => {
    expect(expected.size).toBe(13);
    expect([...expected.get('identity > cluster access > rbac roles')!.parties].sort()).toEqual([
      'auditor',
      'customer',
      'provider',
    ]);
  });

  it('model.json', () => {
    const found = new Map(
      model.activities.map((activity) => [keyOf(activity), new Set(activity.parties)]),
    );
    expect(found).toEqual(new Map([...expected].map(([key, { parties }]) => [key, parties])));
  });

  it('the matrix, with a mark for each responsible party', () => {
    const rows = selectAll('tr.activity-row', html(path.join(site, 'matrix/index.html')));
    expect(rows).toHaveLength(expected.size);
    for (const [key, { parties }] of expected) {
      const row = rows.find((candidate) => select(`th a[href="${href(key)}"]`, candidate));
      expect(row, key).toBeDefined();
      // What the filters read: `party/level/context` for each assignment.
      const holders = String(row!.properties.dataHolds)
        .split(' ')
        .map((entry) => entry.split('/')[0]);
      expect(new Set(holders), key).toEqual(parties);
      expect(selectAll('td .mark', row!)).toHaveLength(parties.size);
    }
  });

  it('the party pages, each with exactly its activities', () => {
    for (const party of Object.values(PARTY_OF_HEADING)) {
      const page = html(path.join(site, 'parties', party, 'index.html'));
      const listed = selectAll('.activity-list > li > a', page).map((link) =>
        String(link.properties.href),
      );
      const held = [...expected]
        .filter(([, { parties }]) => parties.has(party))
        .map(([key]) => href(key));
      expect(listed.sort(), party).toEqual(held.sort());
    }
  });

  it('the permalink pages', () => {
    for (const [key, { title }] of expected) {
      const page = html(path.join(site, 'activities', published(key).id, 'index.html'));
      expect(fold(textOf(select('h1', page)!)), key).toContain(fold(title));
    }
  });

  it('the words of the pages, which Astro must not glue together', () => {
    const text = (route: string, selector: string) =>
      textOf(select(selector, html(path.join(site, route, 'index.html')))!).replace(/\s+/g, ' ');
    for (const area of model.areas) {
      const within = [...area.path, area.title];
      const count = model.activities.filter((activity) =>
        within.every((title, depth) => activity.path[depth] === title),
      ).length;
      expect(text(`areas/${area.id}`, 'p.meta'), area.id).toBe(
        `${count} ${count === 1 ? 'activity' : 'activities'}`,
      );
    }
    expect(text('search', '.search-needs-script')).toContain(
      'The responsibility matrix lists every activity.',
    );
  });

  it('the CSV', () => {
    expectCsvRows(path.join(site, 'matrix.csv'), expected, href);
  });

  it('the search index', () => {
    const index = expandIndex(
      scriptData<{ index: Parameters<typeof expandIndex>[0] }>(path.join(site, 'search-index.js'))
        .index,
    );
    const indexed = Object.entries(index.documentIds)
      .filter(([short]) => index.storedFields[short].kind === 'activity')
      .map(([short, documentId]): [string, string] => [
        String(documentId),
        index.storedFields[short].title,
      ]);
    expect(new Map(indexed)).toEqual(
      new Map([...expected.keys()].map((key) => [published(key).id, published(key).title])),
    );
  });

  it('the site for disk', () => {
    const matrix = selectAll(
      'tr.activity-row',
      html(path.join(offline, 'kubernetes', 'matrix', 'index.html')),
    );
    expect(matrix).toHaveLength(expected.size);
    for (const [key, { title }] of expected) {
      const page = html(
        path.join(offline, 'kubernetes', 'activities', published(key).id, 'index.html'),
      );
      expect(fold(textOf(select('h1', page)!))).toContain(fold(title));
    }
  });

  it('the single file, each activity at #<id>', () => {
    const views = selectAll('section.view', html(path.join(offline, 'kubernetes.html')));
    for (const [key, { title }] of expected) {
      const view = views.find((section) => section.properties.id === published(key).id);
      expect(view, key).toBeDefined();
      expect(fold(textOf(select('h1', view!)!))).toContain(fold(title));
    }
  });
});
