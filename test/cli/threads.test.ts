import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesOnThread } from '../../src/io/threads.ts';

describe('writeFilesOnThread', () => {
  it('should write every file, making the folders that hold them', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'onus-thread-writes-'));
    const files = Array.from({ length: 300 }, (_, index) => ({
      file: `activities/a-${index}/index.html`,
      text: `<p>é ${index}</p>`,
    }));
    await writeFilesOnThread(folder, files);
    for (const { file, text } of files) {
      expect(readFileSync(path.join(folder, file), 'utf8')).toBe(text);
    }
  });

  it('should reject, naming the cause, when a file cannot be written', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'onus-thread-writes-'));
    writeFileSync(path.join(folder, 'areas'), 'a file where a folder must go\n');
    await expect(
      writeFilesOnThread(folder, [{ file: 'areas/x/index.html', text: 'x' }]),
    ).rejects.toThrow(/EEXIST|ENOTDIR/);
  });
});
