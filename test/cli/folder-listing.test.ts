import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFolder } from '../../src/io/folder-listing.ts';
import { foreignEntries, MANIFEST } from '../../src/io/output-guard.ts';

/** An earlier output: `files` written, and a manifest listing `listed` (default: the files). */
function output(files: string[], listed = files): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'onus-listing-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), '<p>page</p>');
  }
  writeFileSync(path.join(folder, MANIFEST), JSON.stringify({ generator: 'onus', files: listed }));
  return folder;
}

describe('listing an output folder', () => {
  it('should list files and folders at any depth', () => {
    const folder = output(['index.html', 'activities/a/index.html']);
    expect(listFolder(folder)).toEqual({
      files: [MANIFEST, 'activities/a/index.html', 'index.html'].sort(),
      folders: ['activities/', 'activities/a/'],
      others: [],
    });
  });

  it('should list a symbolic link as a link and never follow it, even in a loop', () => {
    const folder = output(['areas/a/index.html']);
    symlinkSync('..', path.join(folder, 'areas', 'up1'));
    symlinkSync('..', path.join(folder, 'areas', 'up2'));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'onus-elsewhere-'));
    writeFileSync(path.join(elsewhere, 'precious.txt'), 'mine');
    symlinkSync(elsewhere, path.join(folder, 'big'));
    expect(listFolder(folder).others).toEqual([
      'areas/up1 (a symbolic link)',
      'areas/up2 (a symbolic link)',
      'big (a symbolic link)',
    ]);
  });
});

describe('what an earlier output holds beyond its manifest', () => {
  it('should name files and folders the manifest does not list, at any depth', () => {
    const folder = output(['activities/a/index.html']);
    writeFileSync(path.join(folder, 'activities', 'notes.txt'), 'mine');
    mkdirSync(path.join(folder, 'drafts'));
    expect(foreignEntries(folder)).toEqual(['activities/notes.txt', 'drafts/']);
  });

  it('should name a link even when the manifest lists the files behind it', () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'onus-elsewhere-'));
    writeFileSync(path.join(elsewhere, 'precious.txt'), 'mine');
    const folder = output(['index.html'], ['index.html', 'big/precious.txt', 'big']);
    symlinkSync(elsewhere, path.join(folder, 'big'));
    expect(foreignEntries(folder)).toEqual(['big (a symbolic link)']);
  });

  it.each([['../outside.txt'], ['/etc/passwd'], ['a//b'], ['./a'], ['']])(
    'should not take a manifest naming %j for Onus’s',
    (entry) => {
      const folder = output(['index.html'], ['index.html', entry]);
      expect(foreignEntries(folder)).toEqual(['index.html']);
    },
  );
});
