import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks } from '../helpers/link-check.ts';
import { onus } from '../helpers/onus.ts';

describe('every internal link and #anchor resolves', { timeout: 180_000 }, () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'onus-links-'));
    cpSync('content', path.join(dir, 'content'), { recursive: true });
    mkdirSync(path.join(dir, 'renamed'));
    cpSync('test/fixtures/model/former-ids/input.md', path.join(dir, 'renamed', 'renamed.md'));
    // A library: two examples in a subfolder, and the model with former ids.
    mkdirSync(path.join(dir, 'library', 'services'), { recursive: true });
    for (const name of ['cloud-service-models.md', 'managed-vmware-task-lists.md']) {
      cpSync(path.join('examples', name), path.join(dir, 'library', 'services', name));
    }
    writeFileSync(
      path.join(dir, 'library', 'renamed.md'),
      // One provider across the library: the examples name it Example Cloud.
      readFileSync('test/fixtures/model/former-ids/input.md', 'utf8').replace(
        'name: Service Provider',
        'name: Example Cloud',
      ),
    );
    for (const args of [
      ['build', '--out', 'root'],
      ['build', '--out', 'docs', '--base', '/docs/', '--site', 'https://srm.example.com'],
      ['export', '--out', 'offline'],
      ['build', '--content', 'renamed', '--out', 'renamed-site', '--base', '/srm/'],
      ['export', '--content', 'renamed', '--out', 'renamed-offline'],
      ['build', '--content', 'library', '--out', 'library-site', '--base', '/srm/'],
      ['export', '--content', 'library', '--out', 'library-offline'],
    ]) {
      const result = await onus(args, dir);
      expect(result.code, result.stderr).toBe(0);
    }
  }, 180_000);

  it('in the hosted site at the root', () => {
    expect(brokenLinks(path.join(dir, 'root'), { kind: 'hosted', base: '/' })).toEqual([]);
  });

  it('in the hosted site under --base, with absolute URLs from --site', () => {
    expect(
      brokenLinks(path.join(dir, 'docs'), {
        kind: 'hosted',
        base: '/docs/',
        site: 'https://srm.example.com',
      }),
    ).toEqual([]);
  });

  it('in the site for disk', () => {
    expect(
      brokenLinks(path.join(dir, 'offline', 'vmware-site-recovery'), { kind: 'files' }),
    ).toEqual([]);
  });

  it('in the single file', () => {
    expect(
      brokenLinks(path.join(dir, 'offline'), { kind: 'single', file: 'vmware-site-recovery.html' }),
    ).toEqual([]);
  });

  it('with redirects for former ids, hosted and offline', () => {
    expect(brokenLinks(path.join(dir, 'renamed-site'), { kind: 'hosted', base: '/srm/' })).toEqual(
      [],
    );
    expect(brokenLinks(path.join(dir, 'renamed-offline', 'renamed'), { kind: 'files' })).toEqual(
      [],
    );
    expect(
      brokenLinks(path.join(dir, 'renamed-offline'), { kind: 'single', file: 'renamed.html' }),
    ).toEqual([]);
  });

  it('in a library: its catalog, parties across models, my stack, each model, and the old addresses', () => {
    expect(brokenLinks(path.join(dir, 'library-site'), { kind: 'hosted', base: '/srm/' })).toEqual(
      [],
    );
    expect(brokenLinks(path.join(dir, 'library-offline', 'library'), { kind: 'files' })).toEqual(
      [],
    );
    expect(
      brokenLinks(path.join(dir, 'library-offline'), { kind: 'single', file: 'library.html' }),
    ).toEqual([]);
  });

  it('and the checker does find a broken link or anchor', () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'onus-broken-'));
    writeFileSync(
      path.join(broken, 'index.html'),
      '<a href="/missing/">x</a><a href="#nowhere">y</a><a href="/index.html#here">z</a><p id="here"></p>',
    );
    expect(brokenLinks(broken, { kind: 'hosted', base: '/' })).toEqual([
      'index.html: /missing/ (no file missing/index.html)',
      'index.html: #nowhere (no #nowhere in index.html)',
    ]);
  });
});
