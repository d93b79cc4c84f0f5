import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every regular expression in the code that reads the author's text, fed runs of 10,000 blanks
 * and of each delimiter a model is written with: a pattern whose quantifiers overlap backtracks
 * on such runs for seconds or minutes (a party line's `- Customer` and 1,250 spaces took 232 s).
 * A linear pattern reads 10,000 characters in well under a millisecond; one run that takes
 * 50 ms (the fastest of three) is a pattern that does not stay linear.
 */
const FOLDERS = [
  'src/markdown',
  'src/readers',
  'src/diff',
  'src/model',
  'src/render',
  'src/search',
  'src/site',
  'src/export',
  'src/io',
  'src/cli',
];
const RUN = 10_000;
const LIMIT_MS = 50;
const RUNS = [
  ' ',
  '\t',
  ',',
  ';',
  ':',
  '-',
  '|',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '*',
  '#',
  '&',
  '+',
  '/',
  '.',
  '=',
  '\\',
  '`',
  '>',
  '<',
  '!',
  '"',
  "'",
  '_',
  '~',
  'a',
  '0',
  'é',
  ' in',
  ' if',
  ' and',
  ' {#',
  '\n',
];
const AROUND = ['', 'a ', '- Customer', '{#', '('];
const AFTER = ['', 'x', ',x', ')'];

function patternsIn(file: string): { source: string; pattern: RegExp }[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { source: string; pattern: RegExp }[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const end = literal.lastIndexOf('/');
      const flags = literal.slice(end + 1).replace(/[gy]/g, '');
      found.push({
        source: `${path.relative('.', file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${literal}`,
        pattern: new RegExp(literal.slice(1, end), flags),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = FOLDERS.flatMap((folder) =>
  readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(folder, name)),
);
const patterns = files.flatMap(patternsIn);

/**
 * The slowest of the inputs for a pattern, each tried at growing lengths up to RUN: a pattern
 * that backtracks is stopped at the first length where it is slow, before a cubic one runs
 * for minutes.
 */
function slowest(pattern: RegExp): { input: string; ms: number } {
  let worst = { input: '', ms: 0 };
  for (const length of [100, 300, 1_000, 3_000, RUN]) {
    for (const around of AROUND) {
      for (const run of RUNS) {
        for (const after of AFTER) {
          const input = `${around}${run.repeat(Math.ceil(length / run.length))}${after}`;
          let ms = Infinity;
          for (let attempt = 0; attempt < 3 && ms >= LIMIT_MS; attempt++) {
            const started = performance.now();
            pattern.exec(input);
            input.split(pattern);
            ms = Math.min(ms, performance.now() - started);
          }
          if (ms > worst.ms) worst = { input: JSON.stringify(input.slice(0, 30)), ms };
          // One slow input is enough: the rest would take as long.
          if (ms >= LIMIT_MS) return worst;
        }
      }
    }
  }
  return worst;
}

describe('patterns over the author’s text', () => {
  it('has patterns to check', () => {
    expect(patterns.length).toBeGreaterThan(50);
  });

  it.each(patterns.map((entry) => [entry.source, entry.pattern] as const))(
    'should stay linear: %s',
    { timeout: 120_000 },
    (_, pattern) => {
      const worst = slowest(pattern);
      expect(worst.ms, `slowest on ${worst.input}…`).toBeLessThan(LIMIT_MS);
    },
  );
});
