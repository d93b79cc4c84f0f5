import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../src/io/output-guard.ts';
import { foreignEntriesOnThread } from '../../src/io/threads.ts';

describe('work on a thread of its own', () => {
  it('should list what an earlier output holds beyond its manifest, at any depth', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'onus-thread-'));
    mkdirSync(path.join(folder, 'activities', 'a'), { recursive: true });
    writeFileSync(path.join(folder, 'activities', 'a', 'index.html'), '<p>a</p>');
    writeFileSync(path.join(folder, 'activities', 'notes.txt'), 'mine');
    mkdirSync(path.join(folder, 'drafts'));
    writeFileSync(
      path.join(folder, MANIFEST),
      JSON.stringify({ generator: 'onus', files: ['activities/a/index.html'] }),
    );
    expect(await foreignEntriesOnThread(folder)).toEqual(['activities/notes.txt', 'drafts/']);
  });

  it('should reject with the thread’s error', async () => {
    const missing = path.join(tmpdir(), 'onus-thread-missing', String(process.pid));
    await expect(foreignEntriesOnThread(missing)).rejects.toThrow(/ENOENT/);
  });
});
