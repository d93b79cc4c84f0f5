import { describe, expect, it } from 'vitest';
import { FRONTMATTER, parse } from '../helpers/parse.ts';

/**
 * Malformed and odd inputs, beyond a fixture per rule: each must end in a diagnostic at a line,
 * or in a correct model — never in an exception or a hang (the test's timeout is the guard).
 */
const MATRIX = '## Responsibility matrix\n\n### Customer\n\n';
const valid = (list: string) => `${FRONTMATTER}\n${MATRIX}${list}`;
const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  );
/** 100 activities, each held in one of `contexts` contexts: a matrix of 100 × `contexts` cells. */
const byContexts = (contexts: number) =>
  valid(Array.from({ length: 100 }, (_, i) => `- Activity ${i} {contexts=c0}`).join('\n')).replace(
    '---\n\n',
    `contexts:\n${Array.from({ length: contexts }, (_, i) => `  - id: c${i}\n    name: C${i}\n`).join('')}---\n\n`,
  );
const nested = (depth: number) =>
  Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- Level ${level}`).join('\n');
const many = (count: number) =>
  Array.from({ length: count }, (_, index) => `- Activity ${index}`).join('\n');

type Outcome = 'model' | 'error';
const CASES: Array<[string, () => string | Uint8Array, Outcome]> = [
  [
    'a 9 MB file of prose around a valid matrix',
    () =>
      valid('- A\n') +
      `\n## Notes\n\n${'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n'.repeat(160_000)}\n`,
    'model',
  ],
  [
    'an 11 MB file, over the size limit',
    () => valid('- A\n') + `\n## Notes\n\n${'Lorem ipsum dolor sit amet.\n'.repeat(400_000)}\n`,
    'error',
  ],
  ['areas nested 32 levels deep', () => valid(nested(32)), 'model'],
  ['areas nested 200 levels deep, over the nesting limit', () => valid(nested(200)), 'error'],
  ['30,000 activities', () => valid(many(30_000)), 'model'],
  ['50,000 activities, over the list item limit', () => valid(many(50_000)), 'error'],
  [
    '50,000 link brackets in a note',
    () => valid(`- A\n\n${'  see [a] and\n'.repeat(50_000)}`),
    'model',
  ],
  [
    '50,001 link brackets in a note, over the limit',
    () => valid(`- A\n\n${'  see [a] and\n'.repeat(50_001)}`),
    'error',
  ],
  ['a title of 500 characters', () => valid(`- ${'t'.repeat(500)}\n`), 'model'],
  ['a title of 501 characters', () => valid(`- ${'t'.repeat(501)}\n`), 'error'],
  ['a title of 100,000 characters', () => valid(`- ${'very long title '.repeat(6250)}\n`), 'error'],
  ['a 5 MB line with no line break', () => `${FRONTMATTER}\n${'x'.repeat(5_000_000)}`, 'error'],
  [
    'an overlong UTF-8 sequence in the frontmatter',
    () => bytes('---\ntitle: T', [0xc0, 0xaf], '\n---\n'),
    'error',
  ],
  ['a lone continuation byte in a title', () => bytes(valid('- A'), [0x80], '\n'), 'error'],
  [
    'a truncated multi-byte character at the end',
    () => bytes(valid('- A\n'), [0xe2, 0x82]),
    'error',
  ],
  [
    'a NUL byte in the frontmatter',
    () => bytes('---\ntitle: T', [0], '\nparties: []\n---\n'),
    'error',
  ],
  [
    'a byte-order mark and Windows line endings',
    () => `\uFEFF${valid('- A\n  - B\n')}`.replaceAll('\n', '\r\n'),
    'model',
  ],
  ['a byte-order mark and nothing else', () => '\uFEFF', 'error'],
  ['old Mac line endings (CR only)', () => valid('- A\n').replaceAll('\n', '\r'), 'error'],
  [
    'a frontmatter that is never closed',
    () => '---\ntitle: T\nparties:\n  - id: a\n    name: A\n',
    'error',
  ],
  [
    'a YAML alias bomb',
    () =>
      `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\ntitle: T\nparties:\n  - id: a\n    name: A\n---\n${MATRIX}- A\n`,
    'error',
  ],
  [
    'tabs indenting the YAML',
    () => '---\ntitle: T\nparties:\n\t- id: a\n\t  name: A\n---\n',
    'error',
  ],
  [
    'parties as a mapping',
    () => `---\ntitle: T\nparties:\n  customer: Customer\n---\n${MATRIX}- A\n`,
    'error',
  ],
  [
    'a numeric party id',
    () => `---\ntitle: T\nparties:\n  - id: 42\n    name: Customer\n---\n${MATRIX}- A\n`,
    'error',
  ],
  [
    '1,000 parties, none with activities but one',
    () =>
      `---\ntitle: T\nparties:\n${Array.from({ length: 1000 }, (_, index) => `  - id: p${index}\n    name: Party ${index}`).join('\n')}\n---\n## Responsibility matrix\n\n### p0\n\n- A\n`,
    'model',
  ],
  [
    'a blank title and no level-1 heading',
    () => valid('- A\n').replace('title: Test', "title: '   '"),
    'error',
  ],
  [
    'a matrix heading with closing hashes',
    () => valid('- A\n').replace('## Responsibility matrix', '## Responsibility matrix ##'),
    'model',
  ],
  [
    'a setext matrix heading',
    () =>
      valid('- A\n').replace(
        '## Responsibility matrix',
        'Responsibility matrix\n---------------------',
      ),
    'model',
  ],
  [
    'a party heading before the matrix',
    () => `${FRONTMATTER}\n### Customer\n\n- Stray\n\n${MATRIX}- A\n`,
    'model',
  ],
  ['a level-1 heading inside the matrix', () => valid('- A\n\n# Surprise\n\n- B\n'), 'model'],
  ['a heading inside a list item', () => valid('- # Heading item\n- A\n'), 'error'],
  // Content under a party heading that is not its list would be lost: an error, at its line.
  ['a code block in the matrix', () => valid('- A\n\n```\n- not an item\n```\n'), 'error'],
  ['a table in the matrix', () => valid('| a | b |\n| - | - |\n| 1 | 2 |\n\n- A\n'), 'error'],
  ['an ordered list of activities', () => valid('1. First\n2. Second\n'), 'model'],
  ['mixed bullet markers', () => valid('- A\n* B\n+ C\n'), 'model'],
  ['tab-indented nested lists', () => valid('- Area\n\t- Activity\n'), 'model'],
  [
    'lazy continuation lines in a note',
    () => valid('- Activity\n\n  A note\nthat continues lazily.\n'),
    'model',
  ],
  ['an item that is only an HTML comment', () => valid('- <!-- nothing -->\n- A\n'), 'error'],
  ['titles that are only punctuation, colliding as `item`', () => valid('- ???\n- !!!\n'), 'error'],
  ['titles whose ids collide through punctuation', () => valid('- A/B\n- A B\n'), 'error'],
  [
    'emoji, right-to-left and zero-width characters in titles',
    () => valid('- 🔐 Keys\n- النسخ الاحتياطي\n- Zero\u200bwidth\n'),
    'model',
  ],
  ['an unclosed `{#` marker', () => valid('- Keys {#keys\n'), 'model'],
  ['10,000 blank lines', () => valid(`- A\n${'\n'.repeat(10_000)}`), 'model'],
  [
    '10,000 prose sections with the same title',
    () => valid('- A\n') + '\n## Notes\n\nText.\n'.repeat(10_000),
    'model',
  ],
  [
    'a 100 KB frontmatter string',
    () => valid('- A\n').replace('title: Test', `title: ${'t'.repeat(100_000)}`),
    'error',
  ],
  [
    'a 600-character model title',
    () => valid('- A\n').replace('title: Test', `title: ${'t'.repeat(600)}`),
    'error',
  ],
  [
    'a table of 5,000 rows in a note',
    () => valid(`- A\n\n  | a | b |\n  | - | - |\n${'  | 1 | 2 |\n'.repeat(5_000)}`),
    'model',
  ],
  [
    'a table of 5,001 rows in a note',
    () => valid(`- A\n\n  | a | b |\n  | - | - |\n${'  | 1 | 2 |\n'.repeat(5_001)}`),
    'error',
  ],
  [
    'a table of 5,000 rows, most without a pipe, then a quote',
    () =>
      valid(
        `- A\n\n  | a | b |\n  | - | - |\n${'  | 1 | 2 |\n  row without a pipe\n'.repeat(2_500)}  > a quote\n`,
      ),
    'model',
  ],
  [
    'a table of 5,001 rows, most without a pipe',
    () =>
      valid(
        `- A\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n${'  row without a pipe\n'.repeat(5_000)}`,
      ),
    'error',
  ],
  [
    'a matrix of 100 activities by 2,001 contexts, each held in one',
    () => byContexts(2_001),
    'error',
  ],
  [
    'a matrix of 100 activities by 2,000 contexts, each held in one',
    () => byContexts(2_000),
    'model',
  ],
  [
    'a code block of 10,000 lines, indented deeper than the nesting limit',
    () =>
      valid(
        `- A\n\n  \`\`\`\n${'                                                                        x\n'.repeat(10_000)}  \`\`\`\n`,
      ),
    'model',
  ],
  [
    'a second frontmatter block further down',
    () => valid('- A\n\n---\ntitle: Again\n---\n'),
    'error',
  ],
];

describe('odd inputs', () => {
  it('should number at least 30', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, input, outcome] of CASES) {
    it(
      `should end ${name} in ${outcome === 'model' ? 'a model' : 'a diagnostic at a line'}`,
      { timeout: 120_000 },
      () => {
        const { model, file } = parse(input());
        const errors = file.messages.filter((message) => message.fatal === true);
        if (outcome === 'model') {
          expect(errors.map(String)).toEqual([]);
          expect(model?.activities.length).toBeGreaterThan(0);
        } else {
          expect(model).toBeUndefined();
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors) {
            expect(error.line, String(error)).toBeGreaterThan(0);
            expect(error.ruleId).toMatch(/^[a-z-]+$/);
          }
        }
      },
    );
  }
});

describe('the limit of link brackets', () => {
  it('is an error at the line of the bracket past it', () => {
    const text = valid(`- A\n\n${'  see [a] and [b]\n'.repeat(25_000)}  and [c]\n`);
    const { model, file } = parse(text);
    expect(model).toBeUndefined();
    expect(file.messages.map(String)).toEqual([
      `model.md:${text.split('\n').length - 1}:1: Unexpected more than 50,000 opening brackets \`[\` (links, images, footnotes, task boxes) by this line, expected at most 50,000 in one file: split the model into several files`,
    ]);
  });
});
