import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelRelease } from '../../src/diff/history.ts';
import { indexLibrary } from '../../src/site/library.ts';
import { changesSince } from '../../src/site/stack-changes.ts';
import { stackData } from '../../src/site/stack-data.ts';
import { checkedChoice, choiceFromSearch, searchFromChoice } from '../../src/site/stack.ts';
import { parse } from '../helpers/parse.ts';

const RELEASES = 'test/fixtures/releases/managed-database';
const release = (version: string): ModelRelease => {
  const { model } = parse(readFileSync(path.join(RELEASES, version, 'managed-database.md')));
  return { model: { ...model!, id: 'managed-database' }, version, date: model!.reviewed! };
};
const [v1, v2, v3] = ['1.0', '2.0', '3.0'].map(release) as [
  ModelRelease,
  ModelRelease,
  ModelRelease,
];
const other = parse(readFileSync('examples/cloud-service-models.md')).model!;
const data = stackData(indexLibrary([v3.model, other], new Map([['managed-database', [v1, v2]]])));

describe('"my stack": what changed for a party since a version', () => {
  it('should list the versions after the one picked, newest first, the party’s changes only', () => {
    const choice = choiceFromSearch('?party=customer&since=managed-database:2.0');
    expect(
      changesSince(data, choice).map(
        (change) => `${change.version} ${change.title}: ${change.says}`,
      ),
    ).toEqual([
      '3.0 Backups: condition added',
      '3.0 Point-in-time restore: held in Multi-AZ cluster, Serverless, was Multi-AZ',
      '3.0 Compliance audit: new in Monitoring, held: Informed',
    ]);
    const all = changesSince(data, { ...choice, since: ['managed-database:1.0'] });
    expect(all.filter((change) => change.version === '2.0')).toHaveLength(8);
    expect(changesSince(data, { ...choice, since: [] })).toEqual([]);
  });

  it('should keep the version in the address, and say when it names one that never was', () => {
    const choice = choiceFromSearch(
      '?party=provider&since=managed-database:1.0&since=cloud-service-models:9',
    );
    expect(searchFromChoice(choice)).toBe(
      '?party=provider&since=managed-database%3A1.0&since=cloud-service-models%3A9',
    );
    expect(checkedChoice(data, choice)).toEqual({
      choice: { party: 'provider', models: [], contexts: [], since: ['managed-database:1.0'] },
      unknown: ['the version “cloud-service-models:9”'],
    });
  });
});
