import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/index.ts';
import { onus } from '../helpers/onus.ts';

const fixture = path.resolve('test/fixtures/model/four-parties-crlf/input.md');
const onusBuild = (args: string[], cwd: string) => onus(['build', ...args], cwd);

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-build-'));
  mkdirSync(path.join(dir, 'model'));
  cpSync(fixture, path.join(dir, 'model', 'managed-kubernetes.md'));
  return dir;
}

describe('onus build, on a model of our own with --base and --site', { timeout: 120_000 }, () => {
  let dir: string;
  let out: string;
  let model: Model;
  let result: Awaited<ReturnType<typeof onusBuild>>;

  beforeAll(async () => {
    dir = workspace();
    out = path.join(dir, 'public-site');
    result = await onusBuild(
      [
        '--content',
        'model',
        '--out',
        'public-site',
        '--base',
        '/srm',
        '--site',
        'https://srm.example.com',
      ],
      dir,
    );
    model = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
  }, 120_000);

  it('should succeed and say what it built', () => {
    expect(result.stderr).toMatch(
      /^Built the site of 13 activities, 10 areas and 4 parties into public-site\/ in [\d.]+ s\n$/,
    );
    expect(result.code).toBe(0);
  });

  it('should give every activity a page at the url model.json lists', () => {
    expect(model.activities).toHaveLength(13);
    for (const activity of model.activities) {
      const url = new URL(activity.url!);
      expect(url.origin).toBe('https://srm.example.com');
      expect(url.pathname.startsWith('/srm/activities/')).toBe(true);
      const file = path.join(
        out,
        decodeURIComponent(url.pathname.slice('/srm/'.length)),
        'index.html',
      );
      const html = readFileSync(file, 'utf8');
      expect(html).toContain(`<link rel="canonical" href="${activity.url}">`);
    }
  });

  it('should write a page per party and per area, a CSV row per activity, and a sitemap', () => {
    for (const party of model.parties)
      expect(existsSync(path.join(out, 'parties', party.id, 'index.html'))).toBe(true);
    for (const area of model.areas)
      expect(existsSync(path.join(out, 'areas', area.id, 'index.html'))).toBe(true);
    const csv = readFileSync(path.join(out, 'matrix.csv'), 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(14);
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    for (const activity of model.activities)
      expect(sitemap).toContain(`<loc>${activity.url}</loc>`);
    expect(sitemap).not.toContain('404');
  });

  it('should link pages under the base path', () => {
    const html = readFileSync(path.join(out, 'matrix', 'index.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
    const internal = hrefs.filter((href) => !href.startsWith('#') && !href.startsWith('https://'));
    expect(internal.length).toBeGreaterThan(20);
    for (const href of internal) expect(href.startsWith('/srm/'), href).toBe(true);
  });

  it('should leave no temporary folder behind', () => {
    expect(readdirSync(dir).sort()).toEqual(['model', 'public-site']);
  });
});

describe('onus build, with Astro speaking (--verbose)', { timeout: 120_000 }, () => {
  it('should give Astro the models it checked, without syncing a content layer', async () => {
    const dir = workspace();
    const { code, stdout, stderr } = await onusBuild(
      ['--content', 'model', '--out', 'site', '--verbose'],
      dir,
    );
    expect(code).toBe(0);
    const said = stdout + stderr;
    expect(said).toMatch(/page\(s\) built/);
    // The content layer's sync (a Vite server of its own, the data store) took half a second.
    expect(said).not.toMatch(/\[content\]|Syncing content/);
    const model: Model = JSON.parse(readFileSync(path.join(dir, 'site', 'model.json'), 'utf8'));
    expect(model.activities).toHaveLength(13);
  });
});

describe('onus build, when it cannot build', { timeout: 120_000 }, () => {
  it('should print the diagnostics, exit 1 and leave the previous output as it was', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'index.html'), 'previous site');
    writeFileSync(
      path.join(dir, 'dist', '.onus-output.json'),
      JSON.stringify({ generator: 'onus', files: ['index.html'] }),
    );
    writeFileSync(
      path.join(dir, 'model', 'managed-kubernetes.md'),
      '---\ntitle: Broken\nparties: []\n---\n',
    );
    const { code, stderr } = await onusBuild(['--content', 'model'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('model/managed-kubernetes.md');
    expect(stderr).toContain('3:10');
    expect(stderr).toContain('parties-empty');
    expect(readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirSync(dir).sort()).toEqual(['dist', 'model']);
  });

  it('should refuse a script link in a reference at its line, before building anything', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'model', 'managed-kubernetes.md'),
      [
        '---',
        'title: Catalog',
        'parties: [{ id: customer, name: Customer }]',
        '---',
        '## Responsibility matrix',
        '#### Audit policy',
        'References: [CCM A-01](javascript:alert(document.domain))',
        '- **Customer**: reviews it.',
        '',
      ].join('\n\n'),
    );
    const { code, stderr } = await onusBuild(['--content', 'model'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /13:13 +error +Unexpected link to `javascript:alert\(document\.domain\)`.* link-scheme/,
    );
    expect(readdirSync(dir).sort()).toEqual(['model']);
  });

  it('should refuse a --site that is not an absolute URL', async () => {
    const { code, stderr } = await onusBuild(['--site', 'srm.example.com'], workspace());
    expect(code).toBe(2);
    expect(stderr).toContain('--site must be an absolute URL');
  });
});

describe('onus build, with former ids', { timeout: 120_000 }, () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'onus-former-'));
    mkdirSync(path.join(dir, 'model'));
    cpSync(
      path.resolve('test/fixtures/model/former-ids/input.md'),
      path.join(dir, 'model', 'renamed.md'),
    );
    const result = await onusBuild(['--content', 'model', '--out', 'site'], dir);
    expect(result.code, result.stderr).toBe(0);
  }, 120_000);

  it('should answer every former id with a page that sends the reader on, hosted and from disk', () => {
    for (const [page, target] of [
      ['activities/old-backups', '/activities/backups/'],
      ['activities/data-handling-backups', '/activities/backups/'],
      ['areas/data-handling', '/areas/data/'],
    ]) {
      const html = readFileSync(path.join(dir, 'site', page!, 'index.html'), 'utf8');
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
      // Built without --site: no canonical URL, which would have to be absolute.
      expect(html).not.toContain('<link rel="canonical"');
      expect(html).toContain('<meta name="robots" content="noindex">');
    }
  });

  it('should write permalinks.json, which `onus check --against` compares a later model with', async () => {
    const permalinks = JSON.parse(readFileSync(path.join(dir, 'site', 'permalinks.json'), 'utf8'));
    expect(permalinks.permalinks.map((permalink: { id: string }) => permalink.id)).toEqual([
      'backups',
      'accounts',
      'hardware',
      'data',
      'customer',
      'provider',
    ]);
    const same = await onus(['check', 'model', '--against', 'site'], dir);
    expect(same.code).toBe(0);
    const text = readFileSync(path.join(dir, 'model', 'renamed.md'), 'utf8');
    writeFileSync(
      path.join(dir, 'model', 'renamed.md'),
      text.replace('- Accounts\n', '- User accounts\n'),
    );
    const renamed = await onus(['check', 'model', '--against', 'site/permalinks.json'], dir);
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toContain('permalink-removed');
    expect(renamed.stderr).toContain('{#user-accounts former=accounts}');
  });
});
