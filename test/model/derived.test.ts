import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activitiesOfParty,
  contextsOf,
  partyCounts,
  responsibleIn,
  sharedContexts,
  sharedWith,
} from '../../src/model/derived.ts';
import type { Activity, Model } from '../../src/model/index.ts';

const at = { line: 1, column: 1 };
const levels: Model['levels'] = [
  { id: 'owns', name: 'Owns', short: 'O', responsible: true },
  { id: 'shares', name: 'Shares', short: 'S', responsible: true },
  { id: 'supports', name: 'Supports', short: 'Su', responsible: false },
];
const contexts = ['onprem', 'iaas', 'paas', 'saas'].map((id) => ({ id, name: id }));

function activity(
  assignments: Array<[party: string, level: string, contexts?: string[]]>,
  own?: string[],
): Activity {
  return {
    id: 'a',
    title: 'A',
    area: null,
    path: [],
    references: [],
    ...(own && { contexts: own }),
    parties: [],
    assignments: assignments.map(([party, level, held]) => ({
      party,
      level,
      ...(held && { contexts: held }),
      position: at,
    })),
    position: at,
  } as Activity;
}

describe('shared in a context', () => {
  const model = { levels, contexts };

  it('should not call an activity shared whose parties are responsible in different contexts', () => {
    // Azure's "Operating system": the customer on-premises and in IaaS, the provider in PaaS and SaaS.
    const os = activity([
      ['customer', 'owns', ['onprem', 'iaas']],
      ['microsoft', 'owns', ['paas', 'saas']],
    ]);
    expect(sharedContexts(model, os)).toEqual([]);
    expect(sharedWith(model, os, 'customer')).toEqual([]);
  });

  it('should say in which contexts two parties are responsible together', () => {
    const identity = activity([
      ['customer', 'owns'],
      ['microsoft', 'shares', ['paas', 'saas']],
      ['auditor', 'supports'],
    ]);
    expect(sharedContexts(model, identity)).toEqual(['paas', 'saas']);
    expect(sharedWith(model, identity, 'customer')).toEqual([
      { party: 'microsoft', contexts: ['paas', 'saas'] },
    ]);
    expect(sharedWith(model, identity, 'auditor')).toEqual([]);
  });

  it('should take a model without contexts as one context', () => {
    const plain = { levels, contexts: [] };
    const both = activity([
      ['customer', 'owns'],
      ['provider', 'owns'],
    ]);
    expect(contextsOf(plain, both)).toEqual([null]);
    expect(sharedContexts(plain, both)).toEqual([null]);
    expect(responsibleIn(plain, both, null)).toEqual(['customer', 'provider']);
  });

  it('should count an activity once for a party holding it at two levels or in two contexts', () => {
    const twice = activity([
      ['customer', 'owns', ['iaas']],
      ['customer', 'shares', ['paas']],
      ['customer', 'supports', ['saas']],
    ]);
    const none = activity([['customer', 'supports']]);
    expect(activitiesOfParty({ levels, contexts, activities: [twice, none] }, 'customer')).toEqual([
      twice,
    ]);
    expect(partyCounts({ levels, contexts, activities: [twice, none] }, 'customer')).toEqual({
      responsible: 1,
      takesPart: 1,
    });
  });
});

/** The reference: every (party, context) pair a responsible assignment covers, counted plainly. */
function referenceShared(model: typeof modelShape, subject: Activity): Array<string | null> {
  const all = model.contexts.length === 0 ? [null] : model.contexts.map((context) => context.id);
  const exists = subject.contexts ?? all;
  const result: Array<string | null> = [];
  for (const context of exists) {
    const holders = new Set<string>();
    for (const assignment of subject.assignments) {
      const level = model.levels.find((candidate) => candidate.id === assignment.level)!;
      if (!level.responsible) continue;
      if (context !== null && assignment.contexts && !assignment.contexts.includes(context)) {
        continue;
      }
      holders.add(assignment.party);
    }
    if (holders.size >= 2) result.push(context);
  }
  return result;
}
const modelShape = { levels, contexts };

describe('derived facts against a plain reference', () => {
  it('should agree on random activities, with and without contexts', () => {
    const party = fc.constantFrom('a', 'b', 'c', 'd');
    const level = fc.constantFrom('owns', 'shares', 'supports');
    const held = fc.option(fc.subarray(['onprem', 'iaas', 'paas', 'saas'], { minLength: 1 }), {
      nil: undefined,
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(party, level, held), { minLength: 1, maxLength: 6 }),
        fc.option(fc.subarray(['onprem', 'iaas', 'paas', 'saas'], { minLength: 1 }), {
          nil: undefined,
        }),
        fc.boolean(),
        (assignments, own, withContexts) => {
          const model = { levels, contexts: withContexts ? contexts : [] };
          const subject = activity(
            withContexts ? assignments : assignments.map(([p, l]) => [p, l]),
            withContexts ? own : undefined,
          );
          expect(sharedContexts(model, subject)).toEqual(referenceShared(model, subject));
          for (const one of ['a', 'b', 'c', 'd']) {
            const partners = sharedWith(model, subject, one);
            for (const { party: other, contexts: where } of partners) {
              for (const context of where) {
                expect(responsibleIn(model, subject, context)).toEqual(
                  expect.arrayContaining([one, other]),
                );
              }
            }
          }
        },
      ),
    );
  });
});
