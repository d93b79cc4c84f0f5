import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparePermalinks } from '../../src/site/permalink-diff.ts';
import { permalinksOf } from '../../src/site/permalinks.ts';
import { parse } from '../helpers/parse.ts';

const before = readFileSync('test/fixtures/model/former-ids/input.md', 'utf8');
const published = permalinksOf(parse(before).model!, 'https://srm.example.com', '/docs/');
const problems = (after: string) =>
  comparePermalinks(published, parse(after).model!).map(({ ruleId, severity, reason, place }) => ({
    ruleId,
    severity,
    reason,
    line: place?.line,
  }));

describe('permalinksOf', () => {
  it('should list every activity, area and party with its URL and former ids', () => {
    expect(
      published.permalinks.map(({ kind, id, url, formerIds }) => [kind, id, url, formerIds]),
    ).toEqual([
      [
        'activity',
        'backups',
        'https://srm.example.com/docs/activities/backups/',
        ['data-backups', 'data-handling-backups', 'old-backups'],
      ],
      ['activity', 'accounts', 'https://srm.example.com/docs/activities/accounts/', undefined],
      ['activity', 'hardware', 'https://srm.example.com/docs/activities/hardware/', undefined],
      ['area', 'data', 'https://srm.example.com/docs/areas/data/', ['data-handling']],
      ['party', 'customer', 'https://srm.example.com/docs/parties/customer/', undefined],
      ['party', 'provider', 'https://srm.example.com/docs/parties/provider/', undefined],
    ]);
  });
});

describe('comparePermalinks', () => {
  it('should find nothing when nothing changed', () => {
    expect(problems(before)).toEqual([]);
  });

  it('should report a renamed activity, naming the likely successor and the former ids to keep', () => {
    expect(problems(before.replace('- Accounts\n', '- User accounts\n'))).toEqual([
      {
        ruleId: 'permalink-removed',
        severity: 'error',
        reason:
          'Unexpected removal of the permalink of activity `Accounts` (`accounts`), expected it to stay: if `User accounts` replaces it, write `{#user-accounts former=accounts}` on it',
        line: 17,
      },
    ]);
  });

  it('should accept a rename that keeps the old id as a former id', () => {
    expect(
      problems(
        before.replace('- Accounts\n', '- User accounts {#user-accounts former=accounts}\n'),
      ),
    ).toEqual([]);
  });

  it('should report former ids that were dropped', () => {
    const after = before
      .replaceAll(' former=data-backups,data-handling-backups', '')
      .replace(' former=old-backups', '');
    expect(problems(after).map(({ reason }) => reason)).toEqual([
      'Unexpected removal of the former ids `data-backups`, `data-handling-backups`, `old-backups` of activity `Backups and restores` (`backups`), expected links to them to keep leading there: keep `former=data-backups,data-handling-backups,old-backups`',
    ]);
  });

  it('should report an activity that became an area', () => {
    const after = before.replace('- Hardware\n', '- Hardware\n  - Servers\n');
    expect(problems(after).map(({ ruleId }) => ruleId)).toEqual(['permalink-changed']);
  });

  it('should only mention a retitled item whose link still works', () => {
    const after = before.replaceAll('Backups and restores', 'Backups');
    expect(problems(after)).toEqual([
      expect.objectContaining({ ruleId: 'permalink-retitled', severity: 'info' }),
    ]);
  });

  it('should report a party that disappeared', () => {
    const after = before
      .replace('  - id: provider\n    name: Service Provider\n    short: Provider\n', '')
      .replace(/### Provider[\s\S]*$/, '');
    expect(problems(after).map(({ reason }) => reason)).toContain(
      'Unexpected removal of the permalink of party `Service Provider` (`provider`), expected every published party id to stay',
    );
  });
});
