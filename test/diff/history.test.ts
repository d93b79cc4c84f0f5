import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  activityChanges,
  changedInLatest,
  holdersSince,
  modelHistory,
  type ModelRelease,
} from '../../src/diff/history.ts';
import type { Model } from '../../src/model/index.ts';
import { changesFeed } from '../../src/site/atom-feed.ts';
import { changesView, modelFeedVersions } from '../../src/site/history-view.ts';
import { indexLibrary } from '../../src/site/library.ts';
import { parse } from '../helpers/parse.ts';

const RELEASES = 'test/fixtures/releases/managed-database';
const release = (version: string): ModelRelease => {
  const { model } = parse(readFileSync(path.join(RELEASES, version, 'managed-database.md')));
  return { model: { ...model!, id: 'managed-database' }, version, date: model!.reviewed! };
};
const releases = ['1.0', '2.0', '3.0'].map(release);
const history = modelHistory(releases);

describe('the history of a model', () => {
  it('should list its versions newest first, the first with nothing to compare', () => {
    expect(
      history.versions.map((version) => [version.version, version.date, version.changes.length]),
    ).toEqual([
      ['3.0', '2026-04-01', 23],
      ['2.0', '2025-09-15', 29],
      ['1.0', '2025-03-01', 0],
    ]);
  });

  it('should keep each removed activity as the last release that had it stated it', () => {
    expect(
      history.removed.map((removed) => [
        removed.activity.id,
        removed.lastIn.version,
        removed.removedIn.version,
      ]),
    ).toEqual([
      ['data-schema-design', '1.0', '2.0'],
      ['hardware-replacement', '2.0', '3.0'],
    ]);
  });

  it("should follow an activity's former id back through the releases", () => {
    expect(
      activityChanges(history, 'pitr').map(({ version, changes }) => [
        version.version,
        changes.map((change) => change.kind),
      ]),
    ).toEqual([
      ['3.0', ['id-changed', 'renamed', 'contexts']],
      ['2.0', ['added']],
    ]);
    expect(holdersSince(history, 'pitr')).toEqual({
      since: [{ party: 'customer', version: '2.0' }],
    });
  });

  it('should say since when each party holds an activity, and who held it before', () => {
    expect(holdersSince(history, 'physical-security')).toEqual({
      since: [{ party: 'provider', version: '3.0' }],
      before: { version: '3.0', parties: ['cloud'] },
    });
    expect(holdersSince(history, 'engine-patching')).toEqual({
      since: [
        { party: 'customer', version: '2.0' },
        { party: 'provider', version: '1.0' },
      ],
      before: { version: '2.0', parties: ['provider'] },
    });
  });

  it('should mark the activities the latest version changed, not those it removed', () => {
    expect([...changedInLatest(history)].sort()).toEqual([
      'alerting',
      'data-backups',
      'engine-patching',
      'failover-testing',
      'monitoring-compliance-audit',
      'physical-security',
      'pitr',
      'user-accounts',
    ]);
  });
});

describe('the Atom feed of the changes', () => {
  const site = indexLibrary(
    [releases[2]!.model],
    new Map([['managed-database', releases.slice(0, 2)]]),
  ).models[0]!;
  const feed = (urlOf: (route: string) => string) =>
    changesFeed({
      id: ['managed-database'],
      title: 'Changes to Managed <Database> & Co',
      entries: modelFeedVersions(site),
      urlOf,
      pageRoute: site.routes.changes(),
      feedRoute: site.routes.changesFeed(),
    });

  it('should give each version an entry whose id never changes, newest first', () => {
    const xml = feed((route) => `https://srm.example.com/${route}`);
    expect([...xml.matchAll(/<id>([^<]*)<\/id>/g)].map((match) => match[1])).toEqual([
      'urn:onus:managed-database:changes',
      'urn:onus:managed-database:version:3.0',
      'urn:onus:managed-database:version:2.0',
      'urn:onus:managed-database:version:1.0',
    ]);
    expect(xml).toContain('<title>Changes to Managed &#60;Database&#62; &#38; Co</title>');
    expect(xml).toContain(
      '<link rel="alternate" type="text/html" href="https://srm.example.com/changes/#version-3-0"/>',
    );
    expect(xml).toContain('<updated>2026-04-01T00:00:00Z</updated>');
  });

  it('should be the same from build to build', () => {
    const address = (route: string) => `/${route}`;
    expect(feed(address)).toBe(feed(address));
  });
});

describe('the Changes page of a model', () => {
  const site = indexLibrary(
    [releases[2]!.model],
    new Map([['managed-database', releases.slice(0, 2)]]),
  ).models[0]!;
  const lines = changesView(site).flatMap((version) =>
    version.groups.flatMap((group) =>
      group.lines.map((line) => ({ version: version.version, ...line })),
    ),
  );

  it('should link an activity by the id it has now, and a removed one to its page', () => {
    expect(
      lines.find((line) => line.version === '2.0' && line.about === 'Point-in-time recovery')
        ?.route,
    ).toBe('activities/pitr/');
    expect(
      lines.find((line) => line.kind === 'removed' && line.about === 'Hardware replacement')?.route,
    ).toBe('activities/hardware-replacement/');
  });
});

describe('a model whose releases are compared', () => {
  it('should compare nothing when it has no earlier release', () => {
    const only = indexLibrary([releases[0]!.model as Model]).models[0]!;
    expect(only.history).toBeUndefined();
    expect(changesView(only)).toEqual([]);
  });
});
