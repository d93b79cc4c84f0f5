import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/diff/changes.ts';
import { compareModels } from '../../src/diff/compare.ts';
import { compareLibraries } from '../../src/diff/library.ts';
import { diffText } from '../../src/diff/report-text.ts';
import type { Model } from '../../src/model/index.ts';
import { parse } from '../helpers/parse.ts';
import {
  expectedHolds,
  levelsOf,
  modelSpec,
  specMarkdown,
  type ModelSpec,
} from '../helpers/random-models.ts';

const RELEASES = 'test/fixtures/releases/managed-database';
const release = (version: string): Model => {
  const { model, messages } = parse(
    readFileSync(path.join(RELEASES, version, 'managed-database.md')),
  );
  expect(messages).toEqual([]);
  return { ...model!, id: 'managed-database' };
};
const [v1, v2, v3] = ['1.0', '2.0', '3.0'].map(release) as [Model, Model, Model];

/** The changes of a kind, as `kind activity party: from → to` lines. */
const lines = (changes: readonly Change[], kind: Change['kind']) =>
  changes
    .filter((change) => change.kind === kind)
    .map((change) =>
      [
        change.activity?.id ?? change.subject?.id,
        change.party?.id,
        change.from === undefined ? '∅' : String(change.from),
        '→',
        change.to === undefined ? '∅' : String(change.to),
        change.contexts ? `in ${change.contexts.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );

describe('compareModels, from a v1 list release to a v2 one', () => {
  const { changes } = compareModels(v1, v2);

  it('should tell a change of level from a loss and a gain', () => {
    expect(lines(changes, 'level')).toEqual([
      'data-backups customer Responsible → Shares',
      'data-backups provider Responsible → Owns',
      'user-accounts customer Responsible → Owns',
      'engine-patching provider Responsible → Owns',
      'alerting provider Responsible → Owns',
      'physical-security cloud Responsible → Owns',
      'hardware-replacement cloud Responsible → Owns',
    ]);
    expect(lines(changes, 'gained')).toEqual([
      'engine-patching customer ∅ → Informed',
      'failover-testing provider ∅ → Owns in Multi-AZ',
    ]);
    expect(lines(changes, 'lost')).toEqual(['failover-testing customer Responsible → ∅']);
  });

  it('should name a likely rename when a removed title comes back under a new id', () => {
    const removed = changes.find((change) => change.kind === 'removed')!;
    expect(removed.activity).toEqual({ id: 'data-schema-design', title: 'Schema design' });
    expect(removed.hint).toBe(
      'likely the same as `design-schema-design` (Schema design), under a new id: to keep links to `data-schema-design` working, give it `{#design-schema-design former=data-schema-design}`',
    );
    expect(lines(changes, 'added')).toEqual([
      'design-schema-design ∅ → Design',
      'data-point-in-time-recovery ∅ → Data',
    ]);
  });

  it('should say an activity moved to another area, and what the model declares anew', () => {
    expect(lines(changes, 'moved')).toEqual(['user-accounts Data,Access → Access']);
    expect(lines(changes, 'metadata')).toEqual([
      'managed-database 1.0 → 2.0',
      'managed-database 2025-03-01 → 2025-09-15',
    ]);
    expect(lines(changes, 'party-renamed')).toEqual([
      'cloud Cloud Infrastructure → Cloud Provider Infrastructure',
    ]);
    expect(lines(changes, 'level-added')).toHaveLength(3);
    expect(lines(changes, 'level-removed')).toEqual(['responsible ∅ → ∅']);
    expect(lines(changes, 'context-added')).toHaveLength(2);
    expect(lines(changes, 'area-removed')).toEqual(['data-access ∅ → ∅']);
  });

  it("should compare each party's note", () => {
    expect(lines(changes, 'note')).toEqual([
      'data-backups customer schedules backups and tests restores. → Schedules backups and tests restores.',
      'data-backups provider runs the backup service. → Runs the backup service.',
      'hardware-replacement cloud ∅ → Replaces failed disks within 4 hours.',
    ]);
  });
});

describe('compareModels, from a v2 list release to one of blocks and a grid', () => {
  const { changes } = compareModels(v2, v3);

  it('should follow a former id: a new id and title, never a removal and an addition', () => {
    expect(lines(changes, 'id-changed')).toEqual(['pitr data-point-in-time-recovery → pitr']);
    expect(lines(changes, 'renamed')).toEqual([
      'pitr Point-in-time recovery → Point-in-time restore',
    ]);
    expect(lines(changes, 'removed')).toEqual(['hardware-replacement ∅ → ∅']);
  });

  it('should tell where a party holds an activity, and not call a context added to the model a change of every holding', () => {
    expect(lines(changes, 'contexts')).toEqual([
      'engine-patching provider Single-AZ → ∅',
      'pitr customer Multi-AZ → Multi-AZ cluster,Serverless',
    ]);
    expect(lines(changes, 'activity-contexts')).toEqual(['failover-testing ∅ → Multi-AZ cluster']);
  });

  it('should not move the activities of an area renamed under its id', () => {
    expect(lines(changes, 'moved')).toEqual([]);
    expect(lines(changes, 'area-renamed')).toEqual(['data Data → Data protection']);
  });

  it('should compare conditions, footnotes, references, fields and descriptions', () => {
    expect(lines(changes, 'condition')).toEqual([
      'data-backups customer ∅ → it enables cross-region copies',
    ]);
    expect(lines(changes, 'footnotes')).toEqual([
      'alerting provider ∅ → [^1]: Pages the on-call engineer within 5 minutes.',
    ]);
    expect(lines(changes, 'references')).toEqual(['engine-patching → CCM TVM-02']);
    expect(lines(changes, 'fields')).toEqual(['alerting ∅ → Evidence: Alert runbook']);
    expect(lines(changes, 'description')).toEqual([
      'user-accounts ∅ → Database users and their roles.',
    ]);
  });

  it('should rename a level or a context by its id, and give a reassigned duty to both parties', () => {
    expect(lines(changes, 'level-changed')).toEqual(['shares Shares → Shared']);
    expect(lines(changes, 'context-renamed')).toEqual(['multi-az Multi-AZ → Multi-AZ cluster']);
    expect(lines(changes, 'party-removed')).toEqual(['cloud ∅ → ∅']);
    expect(lines(changes, 'lost')).toEqual(['physical-security cloud Owns → ∅']);
    expect(lines(changes, 'gained')).toContain('physical-security provider ∅ → Owns');
  });
});

describe('the text of onus diff', () => {
  it('should tell each party what changed for it, then the activities, then the model', async () => {
    await expect(diffText(compareLibraries([v1], [v3]))).toMatchFileSnapshot(
      'snapshots/managed-database-1.0-3.0.txt',
    );
  });
});

describe('compareModels, on a release and itself', () => {
  const files = [
    ...readdirSync('examples').map((name) => path.join('examples', name)),
    ...readdirSync('content').map((name) => path.join('content', name)),
    ...readdirSync('test/fixtures/model').map((name) =>
      path.join('test/fixtures/model', name, 'input.md'),
    ),
  ].filter((file) => file.endsWith('.md'));

  it('should find no change in any model we have', () => {
    let compared = 0;
    for (const file of files) {
      const { model } = parse(readFileSync(file));
      if (!model) continue;
      expect(compareModels(model, structuredClone(model)).changes, file).toEqual([]);
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });
});

/** A later release of a spec: some activities dropped, some holdings re-levelled, dropped or handed to another party. */
function laterRelease(spec: ModelSpec): fc.Arbitrary<ModelSpec> {
  const levels = levelsOf(spec).map((level) => level.id);
  return fc
    .array(fc.record({ action: fc.nat(4), pick: fc.nat(), level: fc.constantFrom(...levels) }), {
      minLength: spec.activities.length,
      maxLength: spec.activities.length,
    })
    .map((edits) => ({
      ...spec,
      activities: spec.activities.flatMap((activity, index) => {
        const { action, pick, level } = edits[index]!;
        const entry = activity.entries[pick % activity.entries.length]!;
        const others = spec.parties.filter(
          (party) => !activity.entries.some((held) => held.party === party.id),
        );
        const entries =
          action === 1
            ? activity.entries.map((held) => (held === entry ? { ...held, level } : held))
            : action === 2 && activity.entries.length > 1
              ? activity.entries.filter((held) => held !== entry)
              : action === 3 && others.length > 0
                ? activity.entries.map((held) =>
                    held === entry ? { ...held, party: others[pick % others.length]!.id } : held,
                  )
                : activity.entries;
        // The first stays: a model without activities is an error, not a release.
        return action === 4 && index > 0 ? [] : [{ ...activity, entries }];
      }),
    }));
}

/** Per activity title and party, the levels held in each context, from the spec alone. */
function holdings(spec: ModelSpec): Map<string, Map<string, string>> {
  const held = new Map<string, Map<string, string>>();
  for (const activity of spec.activities) {
    for (const hold of expectedHolds(spec, activity)) {
      const key = `${activity.title}\u001f${hold.party}`;
      const byContext = held.get(key) ?? new Map<string, string>();
      const levels = byContext.get(String(hold.context));
      byContext.set(
        String(hold.context),
        [...(levels ? levels.split(' ') : []), hold.level].sort().join(' '),
      );
      held.set(key, byContext);
    }
  }
  return held;
}

describe('compareModels, on random releases and their later ones', () => {
  it('should find exactly the holdings gained, lost and re-levelled that the specs say', () => {
    fc.assert(
      fc.property(
        modelSpec('m').chain((spec) => fc.tuple(fc.constant(spec), laterRelease(spec))),
        ([before, after]) => {
          const from = parse(specMarkdown(before).markdown).model!;
          const to = parse(specMarkdown(after).markdown).model!;
          const { changes } = compareModels(from, to);
          const titles = new Set(after.activities.map((activity) => activity.title));
          const was = holdings(before);
          const now = holdings(after);
          const expected = { gained: [] as string[], lost: [] as string[], level: [] as string[] };
          for (const key of new Set([...was.keys(), ...now.keys()])) {
            if (!titles.has(key.split('\u001f')[0]!)) continue;
            const old = was.get(key);
            const current = now.get(key);
            if (!old) expected.gained.push(key);
            else if (!current) {
              if (before.activities.some((activity) => key.startsWith(`${activity.title}\u001f`)))
                expected.lost.push(key);
            } else if (
              [...old].some(
                ([context, levels]) => current.has(context) && current.get(context) !== levels,
              )
            ) {
              expected.level.push(key);
            }
          }
          const found = (kind: Change['kind']) =>
            [
              ...new Set(
                changes
                  .filter((change) => change.kind === kind)
                  .map((change) => `${change.activity!.title}\u001f${change.party!.id}`),
              ),
            ].sort();
          expect(found('gained')).toEqual(expected.gained.sort());
          expect(found('lost')).toEqual(expected.lost.sort());
          expect(found('level')).toEqual(expected.level.sort());
          const removed = before.activities
            .filter((activity) => !titles.has(activity.title))
            .map((activity) => activity.title);
          expect(
            changes
              .filter((change) => change.kind === 'removed')
              .map((change) => change.activity!.title)
              .sort(),
          ).toEqual(removed.sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});
