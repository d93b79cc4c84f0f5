import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { printModel, type Model } from '../../src/model/index.ts';
import { FRONTMATTER, parse } from '../helpers/parse.ts';

const MATRIX = '\n## Responsibility matrix\n\n### Customer\n\n- Data\n  - Backups\n';

describe('the parser, fed anything', () => {
  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        parse(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random YAML frontmatter, and says where YAML goes wrong', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything().map((value) => stringify(value)),
          fc.string(),
        ),
        (yaml) => {
          const { model, file } = parse(`---\n${yaml}\n---\n${MATRIX}`);
          if (!model) expect(file.messages.some((message) => message.fatal === true)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A random model, as a tree to write out: parties, areas, activities held by some of them. */
const WORDS = [
  'Data',
  'Backups',
  'Keys',
  'Network',
  'Access',
  'Patching',
  'Logs',
  'Données',
  'データ',
  'Firewall',
  'NAT',
  'Recovery',
];
const MARKS = [
  '',
  ' & Co',
  ' / Ops',
  ' (Cloud)',
  " *'s*",
  ' #1',
  ' 1. step',
  ' `x`',
  ' <b>',
  ' --',
];
const titleArb = fc
  .tuple(
    fc.constantFrom(...WORDS),
    fc.constantFrom(...WORDS),
    fc.constantFrom(...MARKS),
    fc.nat(99),
  )
  .map(([a, b, mark, n]) => `${a} ${b}${mark} ${n}`);

interface Item {
  title: string;
  children?: Item[];
  holders: number[];
  note?: string;
}

const itemArb: fc.Arbitrary<Item> = fc.letrec<{ item: Item }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      title: titleArb,
      holders: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 3 }),
      note: fc.option(fc.lorem({ maxCount: 6 }), { nil: undefined }),
    }),
    fc.record({
      title: titleArb,
      holders: fc.constant<number[]>([]),
      children: fc.array(tie('item'), { minLength: 1, maxLength: 4 }),
    }),
  ),
})).item;

const specArb = fc.record({
  parties: fc.integer({ min: 1, max: 4 }),
  items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
  intro: fc.option(fc.lorem({ maxCount: 8 }), { nil: undefined }),
  sections: fc.array(
    fc.tuple(fc.constantFrom('Scope', 'Glossary', 'Notes'), fc.lorem({ maxCount: 10 })),
    { maxLength: 3 },
  ),
});

const PARTY_NAMES = ['Customer', 'Provider', 'Cloud Infrastructure', 'Auditor'];

type Spec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

function writeSpec(spec: Spec): string {
  const parties = PARTY_NAMES.slice(0, spec.parties);
  const lines = ['---', 'title: Random model', 'parties:'];
  parties.forEach((name, index) => lines.push(`  - id: p${index}`, `    name: ${name}`));
  lines.push('---', '');
  if (spec.intro) lines.push(spec.intro, '');
  for (const [title, text] of spec.sections) lines.push(`## ${title}`, '', text, '');
  lines.push('## Responsibility matrix', '');
  const holds = (item: Item, party: number): boolean =>
    item.children
      ? item.children.some((child) => holds(child, party))
      : item.holders.includes(party);
  const write = (items: Item[], party: number, depth: number) => {
    for (const item of items) {
      if (!holds(item, party)) continue;
      lines.push(`${'  '.repeat(depth)}- ${item.title}`);
      if (item.children) write(item.children, party, depth + 1);
      else if (item.note && item.holders[0] === party)
        lines.push('', `${'  '.repeat(depth + 1)}${item.note}`, '');
    }
  };
  parties.forEach((name, index) => {
    lines.push(`### ${name}`, '');
    write(spec.items, index, 0);
    lines.push('');
  });
  return `${lines.join('\n')}\n`;
}

/** The model without where things were written, which printing moves. */
function withoutPlaces(model: Model | undefined): unknown {
  return JSON.parse(
    JSON.stringify(model, (key, value) =>
      key === 'position' || key === 'source' ? undefined : value,
    ),
  );
}

describe('printModel', () => {
  it('should print any valid model as Markdown that parses back to the same model', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const first = parse(writeSpec(spec));
        fc.pre(
          first.model !== undefined &&
            first.file.messages.every((message) => message.fatal !== true),
        );
        const printed = printModel(first.model!);
        const second = parse(printed);
        expect(
          second.file.messages.filter((message) => message.fatal === true).map(String),
          printed,
        ).toEqual([]);
        expect(withoutPlaces(second.model)).toEqual(withoutPlaces(first.model));
      }),
      { numRuns: 200 },
    );
  });

  it('should print the seed content back to the same model', () => {
    const seed = parse(`${FRONTMATTER}${MATRIX.replace('Customer', 'customer')}`).model!;
    expect(withoutPlaces(parse(printModel(seed)).model)).toEqual(withoutPlaces(seed));
  });
});
