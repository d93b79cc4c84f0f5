/**
 * Inputs an adversary would write: small files that once crashed Onus or held a build for
 * minutes. Each must be checked within the budget or refused with a located error. Used by
 * the tests (`test/model/adversarial.test.ts`) and by `npm run bench` (its adversarial table).
 */
const HEAD = `---
title: Adversarial model
parties:
  - id: customer
    name: Customer
  - id: provider
    name: Provider
---

## Responsibility matrix

### Customer

`;

const model = (list: string) => `${HEAD}${list}\n`;

/** A model whose matrix is written in activity blocks or a grid, after its heading. */
const BLOCKS = HEAD.replace('### Customer\n\n', '');

export interface AdversarialCase {
  name: string;
  /** The file's text. */
  text: () => string;
  /** What it must give: a model, or an error (a located diagnostic), within the budget. */
  expect: 'model' | 'error';
  /** Whether the bench also builds it, for its output's size: what a small file can ask of a site. */
  build?: boolean;
}

export const ADVERSARIAL_CASES: AdversarialCase[] = [
  {
    name: 'a YAML sequence nested 10,000 deep in the frontmatter',
    text: () =>
      `---\ntitle: T\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\nparties:\n  - id: a\n    name: A\n---\n`,
    expect: 'error',
  },
  {
    name: 'a YAML sequence nested 10,000 deep, a bracket a line',
    text: () =>
      `---\ntitle: T\nx:\n${'  [\n'.repeat(10_000)}${'  ]\n'.repeat(10_000)}parties:\n  - id: a\n    name: A\n---\n`,
    expect: 'error',
  },
  {
    name: 'a YAML block sequence nested 5,000 deep',
    text: () =>
      `---\ntitle: T\nx:\n${'- '.repeat(5_000)}x\nparties:\n  - id: a\n    name: A\n---\n`,
    expect: 'error',
  },
  {
    name: 'block quotes nested 1,500 deep in a note',
    text: () => model(`- Activity\n\n  ${'>'.repeat(1_500)} deep\n`),
    expect: 'error',
  },
  {
    name: 'a list nested 3,000 deep on one line',
    text: () => model(`${'- '.repeat(3_000)}Activity`),
    expect: 'error',
  },
  {
    name: 'a list nested 1,000 deep by indentation (1 MB)',
    text: () =>
      model(
        Array.from(
          { length: 1_000 },
          (_, level) =>
            `${'  '.repeat(level)}- Level ${level} ${'x'.repeat(Math.max(0, 1000 - 2 * level))}`,
        ).join('\n'),
      ),
    expect: 'error',
  },
  {
    name: '40,000 frontmatter keys',
    text: () =>
      `---\ntitle: T\n${Array.from({ length: 40_000 }, (_, i) => `key${i}: v`).join('\n')}\nparties:\n  - id: a\n    name: A\n---\n\n## Responsibility matrix\n\n### A\n\n- One\n`,
    expect: 'model',
  },
  {
    name: '`[a](` 100,000 times in a line',
    text: () => model(`- Activity\n\n  ${'[a]('.repeat(100_000)}\n`),
    expect: 'error',
  },
  {
    name: '`[a](` 30,000 times in a note, one a line',
    text: () => model(`- Activity\n\n${'  [a]("\n'.repeat(30_000)}`),
    expect: 'model',
  },
  {
    name: '`[a]("` a line in 300 paragraphs of 1,000 lines (2.4 MB), past the limit of links',
    text: () =>
      model(
        `- Activity\n\n${Array.from({ length: 300 }, () => '  [a]("\n'.repeat(1_000)).join('\n')}`,
      ),
    expect: 'error',
  },
  {
    name: '`[a]("` a line in 640 paragraphs of 1,000 lines (5 MB), past the limit of links',
    text: () =>
      model(
        `- Activity\n\n${Array.from({ length: 640 }, () => '  [a]("\n'.repeat(1_000)).join('\n')}`,
      ),
    expect: 'error',
  },
  {
    name: '`[a]("` a line in 50 paragraphs of 1,000 lines (0.4 MB), up to the limit of links',
    text: () =>
      model(
        `- Activity\n\n${Array.from({ length: 50 }, () => '  [a]("\n'.repeat(1_000)).join('\n')}`,
      ),
    expect: 'model',
  },
  {
    name: '50,000 links in 1,000 lines of prose (2.2 MB), up to the limit of links',
    text: () =>
      model(
        `- Activity\n\n${Array.from({ length: 1_000 }, () => `  ${Array.from({ length: 50 }, (_, index) => `see [item ${index}](https://example.com/a/${index}) and`).join(' ')}\n`).join('\n')}`,
      ),
    expect: 'model',
  },
  {
    name: '5 MB of lists nested 32 deep (100,000 items)',
    text: () =>
      model(
        Array.from({ length: 5_000_000 / 1_600 }, (_, item) =>
          Array.from(
            { length: 32 },
            (_, level) => `${'  '.repeat(level)}- Item ${item} level ${level}`,
          ).join('\n'),
        ).join('\n'),
      ),
    expect: 'error',
  },
  {
    name: 'lists nested 32 deep, up to the limit of 30,000 items',
    text: () =>
      model(
        Array.from({ length: 937 }, (_, item) =>
          Array.from(
            { length: 32 },
            (_, level) => `${'  '.repeat(level)}- Item ${item} level ${level}`,
          ).join('\n'),
        ).join('\n'),
      ),
    expect: 'model',
  },
  {
    name: 'a 2 MB GFM table in a note',
    text: () =>
      model(
        `- Activity\n\n  | a | b | c | d |\n  |---|---|---|---|\n${'  | 1 | 2 | 3 | 4 |\n'.repeat(110_000)}`,
      ),
    expect: 'error',
  },
  {
    name: 'a GFM table row of 200,000 cells',
    text: () => model(`- Activity\n\n  ${'| a '.repeat(200_000)}|\n  ${'|---'.repeat(200_000)}|\n`),
    expect: 'error',
  },
  {
    name: 'a one-line title of 4 MB',
    text: () =>
      `---\ntitle: ${'t'.repeat(4_000_000)}\nparties:\n  - id: a\n    name: A\n---\n\n## Responsibility matrix\n\n### A\n\n- One\n`,
    expect: 'error',
  },
  {
    name: 'an activity title of 1 MB',
    text: () => model(`- ${'long title '.repeat(100_000)}`),
    expect: 'error',
  },
  {
    name: 'a flat list of 10,000 activities',
    text: () =>
      model(Array.from({ length: 10_000 }, (_, i) => `- Activity number ${i}`).join('\n')),
    expect: 'model',
  },
  {
    name: '5 MB of notes with lists',
    text: () =>
      model(
        Array.from(
          { length: 5_000 },
          (_, i) =>
            `- Control ${i}\n\n  ${'The customer configures and monitors this control. '.repeat(12)}\n\n  1. step one\n  2. step two\n`,
        ).join('\n'),
      ),
    expect: 'model',
  },
  {
    name: 'a party line of an activity block with 10,000 spaces before `,x`',
    text: () =>
      `${BLOCKS}#### Audit policy\n\n- Customer${' '.repeat(10_000)},x\n- **Customer**${' '.repeat(10_000)},x\n`,
    expect: 'error',
  },
  {
    name: 'grid cells of 4,500 spaces before `(`, `,` and `*`',
    text: () =>
      `${BLOCKS}| Area | Activity | Customer | Provider |\n| - | - | - | - |\n${['(', ',x', '*', '{#x'].map((end) => `| A${' '.repeat(4_500)}/ | B${' '.repeat(4_500)}${end} | ✓${' '.repeat(4_500)}${end} | x${' '.repeat(4_500)}(${end} |`).join('\n')}\n`,
    expect: 'error',
  },
  {
    name: 'titles of 400 spaces before `{#` in 5,000 activities',
    text: () =>
      model(
        Array.from({ length: 5_000 }, (_, i) => `- Activity ${i}${' '.repeat(400)}{#a${i}`).join(
          '\n',
        ),
      ),
    expect: 'model',
  },
  {
    name: '1,000 contexts, 3 parties holding 100 activities in all of them',
    text: () => manyContexts(1_000, 100),
    expect: 'error',
  },
  {
    name: '1,000 contexts, 3 parties holding 30 activities in all of them',
    text: () => manyContexts(1_000, 30),
    expect: 'model',
    build: true,
  },
  {
    name: '2,000 contexts, 3 parties holding 100 activities in all of them',
    text: () => manyContexts(2_000, 100),
    expect: 'error',
  },
  {
    name: '1,000 parties, each holding an activity that 20 of them share',
    text: () =>
      `---\ntitle: Many parties\nparties:\n${Array.from({ length: 1_000 }, (_, i) => `  - id: p${i}\n    name: Party ${i}\n`).join('')}---\n\n## Responsibility matrix\n\n${Array.from({ length: 1_000 }, (_, i) => `### Party ${i}\n\n- Activity ${i % 50}\n`).join('\n')}`,
    expect: 'model',
    build: true,
  },
  {
    name: 'a footnote of 200 KB cited in 4,000 cells',
    text: () => citedFootnote(4_000),
    expect: 'error',
  },
  {
    name: 'a footnote of 200 KB cited in 4 cells',
    text: () => citedFootnote(4),
    expect: 'model',
    build: true,
  },
];

/** `contexts` contexts, and three parties holding `activities` activities in every one. */
function manyContexts(contexts: number, activities: number): string {
  const declared = Array.from(
    { length: contexts },
    (_, i) => `  - id: c${i}\n    name: Context ${i}\n`,
  ).join('');
  const lists = ['Customer', 'Provider', 'Auditor']
    .map(
      (party) =>
        `### ${party}\n\n${Array.from({ length: activities }, (_, i) => `- Activity ${i}`).join('\n')}\n`,
    )
    .join('\n');
  return `---\ntitle: Many contexts\nparties:\n  - id: customer\n    name: Customer\n  - id: provider\n    name: Provider\n  - id: auditor\n    name: Auditor\ncontexts:\n${declared}---\n\n## Responsibility matrix\n\n${lists}`;
}

/** A grid whose rows each cite one footnote of 200 KB (in lines of 100 words). */
function citedFootnote(citations: number): string {
  const rows = Array.from({ length: citations }, (_, i) => `| A${i} | ✓[^long] | ✓ |`).join('\n');
  const note = Array.from({ length: 400 }, () => 'word '.repeat(100)).join('\n    ');
  return `${BLOCKS}| Activity | Customer | Provider |\n| - | - | - |\n${rows}\n\n[^long]: ${note}\n`;
}
