import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../src/io/output-guard.ts';
import { removeOutputFolder } from '../../src/io/remove-output.ts';

/** An output of `pages` activity pages and a few other entries, with its manifest. */
function output(pages: number, others: string[]): string {
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'onus-remove-')), 'site');
  const files: string[] = [];
  for (let index = 0; index < pages; index++) files.push(`activities/-a${index}/index.html`);
  for (const other of others) files.push(`${other}/index.html`);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), '<p>page</p>');
  }
  writeFileSync(path.join(folder, MANIFEST), JSON.stringify({ generator: 'onus', files }));
  return folder;
}

describe('removeOutputFolder', () => {
  it('should remove an output whose one folder holds most of it, ids with dashes included', async () => {
    const folder = output(500, ['matrix', 'areas/x', 'parties/y']);
    await removeOutputFolder(folder);
    expect(existsSync(folder)).toBe(false);
  });

  it('should remove a library of many folders, and a folder without a manifest', async () => {
    const library = output(10, ['m1/activities/a', 'm2/activities/b', 'm3/areas/c']);
    await removeOutputFolder(library);
    expect(existsSync(library)).toBe(false);
    const unused = mkdtempSync(path.join(tmpdir(), 'onus-remove-'));
    mkdirSync(path.join(unused, 'a', 'b'), { recursive: true });
    await removeOutputFolder(unused);
    expect(existsSync(unused)).toBe(false);
  });

  it('should remove a link as a link, never what it points to, even when it is the heaviest entry', async () => {
    const theirs = mkdtempSync(path.join(tmpdir(), 'onus-theirs-'));
    for (let index = 0; index < 20; index++) writeFileSync(path.join(theirs, `f${index}`), 'mine');
    const folder = output(2, ['matrix']);
    symlinkSync(theirs, path.join(folder, 'big'));
    const manifest = JSON.parse(readFileSync(path.join(folder, MANIFEST), 'utf8'));
    manifest.files.push(...Array.from({ length: 20 }, (_, index) => `big/f${index}`));
    writeFileSync(path.join(folder, MANIFEST), JSON.stringify(manifest));
    await expect(removeOutputFolder(folder)).resolves.toBeUndefined();
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(theirs)).toHaveLength(20);
  });

  it('should do nothing for a folder that is not there', async () => {
    await expect(
      removeOutputFolder(path.join(tmpdir(), 'onus-remove-none', String(process.pid))),
    ).resolves.toBeUndefined();
  });
});
