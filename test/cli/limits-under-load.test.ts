import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES } from '../../bench/adversarial.ts';
import { generateAicmCatalog } from '../../bench/catalog.ts';
import { onus } from '../helpers/onus.ts';

/**
 * A limit's verdict is the input's, never the machine's: the same files checked on a quiet
 * machine and with a busy loop on every core get the same answers, word for word — a 5 MB
 * catalog of the AICM's shape a model, inputs at and past the counted limits the same
 * models and errors.
 */
describe('the limits under load', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-limits-load-'));
  copyFileSync('content/vmware-site-recovery.md', path.join(dir, 'seed.md'));
  writeFileSync(path.join(dir, 'aicm.md'), generateAicmCatalog(250));
  const near = [
    '`[a]("` a line in 50 paragraphs of 1,000 lines (0.4 MB), up to the limit of links',
    'lists nested 32 deep, up to the limit of 30,000 items',
    'a GFM table row of 200,000 cells',
    'block quotes nested 1,500 deep in a note',
  ];
  for (const [index, name] of near.entries()) {
    const entry = ADVERSARIAL_CASES.find((candidate) => candidate.name === name)!;
    writeFileSync(path.join(dir, `case-${index}.md`), entry.text());
  }
  const check = () => onus(['check', '--no-library', dir], dir);

  const busy: ChildProcess[] = [];
  afterAll(() => busy.forEach((loop) => loop.kill('SIGKILL')));

  it('gives the same verdict on every file, quiet or with every core busy', async () => {
    const quiet = await check();
    expect(quiet.stderr).toMatch(/aicm\.md: no issues found/);
    expect(quiet.stderr).toMatch(/case-2\.md\n\d+:\d+ +error .+input-limit/);
    for (let core = 0; core < availableParallelism(); core++) {
      busy.push(spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }));
    }
    const loaded = await check();
    expect(loaded.code).toBe(quiet.code);
    expect(loaded.stderr).toBe(quiet.stderr);
    expect(loaded.stdout).toBe(quiet.stdout);
  });
});
