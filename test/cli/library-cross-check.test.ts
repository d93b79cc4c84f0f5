/**
 * Nothing lost in a library: every activity of one model, read from its Markdown without the
 * parser, is in its model's outputs under its folder, in its parties' pages across the models,
 * in the site's one CSV, in the search across the models and in what "my stack" combines.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandIndex } from '../../src/search/compact-index.ts';
import type { StackData } from '../../src/site/stack.ts';
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
const MODEL = 'kubernetes';

describe('every activity of a library’s model, in every output', { timeout: 180_000 }, () => {
  let site: string;
  let model: {
    activities: Array<{ id: string; title: string; path: string[]; parties: string[] }>;
  };
  const keyOf = (activity: { title: string; path: string[] }) =>
    fold([...activity.path, activity.title].join(' > '));
  const published = (key: string) => model.activities.find((activity) => keyOf(activity) === key)!;
  const href = (key: string) => `/${MODEL}/activities/${encodeURIComponent(published(key).id)}/`;
  const script = <T>(file: string): T => scriptData<T>(path.join(site, file));

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-library-cross-'));
    mkdirSync(path.join(dir, 'content', 'platform'), { recursive: true });
    cpSync(SOURCE, path.join(dir, 'content', 'platform', `${MODEL}.md`));
    cpSync('content/vmware-site-recovery.md', path.join(dir, 'content', 'vmware-site-recovery.md'));
    const built = await onus(['build', '--content', 'content', '--out', 'site'], dir);
    expect(built.code, built.stderr).toBe(0);
    site = path.join(dir, 'site');
    model = JSON.parse(readFileSync(path.join(site, MODEL, 'model.json'), 'utf8'));
  }, 180_000);

  it('its model.json and its matrix', () => {
    const found = new Map(
      model.activities.map((activity) => [keyOf(activity), new Set(activity.parties)]),
    );
    expect(found).toEqual(new Map([...expected].map(([key, { parties }]) => [key, parties])));
    const rows = selectAll('tr.activity-row', html(path.join(site, MODEL, 'matrix/index.html')));
    expect(rows).toHaveLength(expected.size);
    for (const key of expected.keys()) {
      expect(
        rows.some((row) => select(`th a[href="${href(key)}"]`, row)),
        key,
      ).toBe(true);
    }
  });

  it('each party’s page across the models, with exactly its activities in this model', () => {
    for (const party of Object.values(PARTY_OF_HEADING)) {
      const page = html(path.join(site, 'parties', party, 'index.html'));
      const listed = selectAll('.activity-list > li > a', page)
        .map((link) => String(link.properties.href))
        .filter((link) => link.startsWith(`/${MODEL}/activities/`));
      const held = [...expected]
        .filter(([, { parties }]) => parties.has(party))
        .map(([key]) => href(key));
      expect(new Set(listed), party).toEqual(new Set(held));
    }
  });

  it('the site’s one CSV', () => {
    expectCsvRows(path.join(site, 'matrix.csv'), expected, href);
  });

  it('the search across the models', () => {
    const index = expandIndex(
      script<{ index: Parameters<typeof expandIndex>[0] }>('search-index.js').index,
    );
    const indexed = Object.entries(index.documentIds)
      .filter(([, id]) => String(id).startsWith(`${MODEL}/`))
      .filter(([short]) => index.storedFields[short].kind === 'activity')
      .map(([, id]) => String(id));
    expect(new Set(indexed)).toEqual(
      new Set([...expected.keys()].map((key) => `${MODEL}/${published(key).id}`)),
    );
  });

  it('what my stack combines', () => {
    const data = script<StackData>('stack-data.js');
    const activities = data.models.find((entry) => entry.id === MODEL)!.activities;
    for (const [key, { parties }] of expected) {
      const activity = activities.find((entry) => entry.id === published(key).id);
      expect(activity, key).toBeDefined();
      expect(new Set(activity!.assignments.map((held) => held.party)), key).toEqual(parties);
    }
  });
});
