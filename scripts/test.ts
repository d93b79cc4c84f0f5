/**
 * `npm test`: every check and every suite, run to the end even when one fails, then one line
 * `N passed, N failed` over all of them. A check (format, types) counts as one test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
}

const REPORTS = 'test-results';

function run(command: string, args: string[]): number {
  process.stdout.write(`\n$ ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status ?? 1;
}

function check(name: string, command: string, args: string[]): Tally {
  const ok = run(command, args) === 0;
  if (!ok) process.stdout.write(`✗ ${name} failed\n`);
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitest(): Tally {
  const output = `${REPORTS}/vitest.json`;
  const status = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  const report = readJson<{ numPassedTests?: number; numFailedTests?: number }>(output);
  if (!report) return { passed: 0, failed: 1 };
  const failed = (report.numFailedTests ?? 0) + (status !== 0 && !report.numFailedTests ? 1 : 0);
  return { passed: report.numPassedTests ?? 0, failed };
}

function playwright(): Tally {
  const output = `${REPORTS}/playwright.json`;
  const status = run('npx', ['playwright', 'test']);
  const report = readJson<{ stats?: Record<string, number> }>(output);
  const stats = report?.stats;
  if (!stats) return { passed: 0, failed: 1 };
  const failed =
    (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (status !== 0 && !stats.unexpected ? 1 : 0);
  return { passed: stats.expected ?? 0, failed };
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const tallies = [
  check('format', 'npx', ['prettier', '--check', '.']),
  check('types', 'npx', ['astro', 'check']),
  vitest(),
  playwright(),
  check('benchmark harness (quick)', 'node', ['bench/run.ts', '--quick']),
];

const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
